package dev.countersign.app.queue;

import java.util.Comparator;
import java.util.Locale;

/** How each queue column sorts, by the facts behind its text rather than the text itself. */
final class QueueSort {
    private QueueSort() {}

    /** Tier, then environment (the column shows both). */
    static Comparator<QueueRow> tier() {
        return Comparator.comparing((QueueRow r) -> r.summary().riskTier())
                .thenComparing(r -> r.summary().environment());
    }

    /** Action (by its words), then target name. */
    static Comparator<QueueRow> proposal(QueueTexts texts) {
        return Comparator.comparing((QueueRow r) -> texts.action(r.summary().actionType()).toLowerCase(Locale.ROOT))
                .thenComparing(r -> r.summary().targetName().toLowerCase(Locale.ROOT));
    }

    /** Agent, then newest first. */
    static Comparator<QueueRow> agent(QueueTexts texts) {
        return Comparator.comparing((QueueRow r) -> texts.agentShort(r.summary().agentId()).toLowerCase(Locale.ROOT))
                .thenComparing(r -> r.summary().createdAt(), Comparator.reverseOrder());
    }

    /** Open first, then the soonest to expire. */
    static Comparator<QueueRow> statusExpiry() {
        return Comparator.comparing((QueueRow r) -> !r.openNow()).thenComparing(r -> r.summary().expiresAt());
    }
}
