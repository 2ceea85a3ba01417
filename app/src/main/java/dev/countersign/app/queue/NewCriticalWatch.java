package dev.countersign.app.queue;

import dev.countersign.model.RiskTier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Decides which rows a sync round brought are new critical work worth a desktop notification: open critical-tier
 * proposals that arrived after the first successful round (what the cache held and what the first round brought are
 * not news), each announced once.
 */
final class NewCriticalWatch {
    private final Set<String> announced = new HashSet<>();
    private boolean armed;
    private final List<Consumer<List<QueueRow>>> listeners = new ArrayList<>();

    void listen(Consumer<List<QueueRow>> listener) {
        listeners.add(listener);
    }

    /** A cache was (re)opened: what comes next is a first load again. */
    void disarm() {
        armed = false;
    }

    /**
     * A sync round merged; {@code fresh} are the rows it added. A round that dropped the cache (a reset gateway)
     * brings everything anew, so it announces nothing.
     */
    void roundMerged(List<QueueRow> fresh, boolean dropped, boolean succeeded) {
        if (armed && !dropped) {
            List<QueueRow> news = new ArrayList<>();
            for (QueueRow row : fresh) {
                if (row.summary().riskTier() == RiskTier.CRITICAL && row.openNow() && announced.add(row.id())) {
                    news.add(row);
                }
            }
            if (!news.isEmpty()) {
                List<QueueRow> copy = List.copyOf(news);
                listeners.forEach(listener -> listener.accept(copy));
            }
        } else {
            fresh.forEach(row -> announced.add(row.id()));
        }
        if (succeeded) {
            armed = true;
        }
    }
}
