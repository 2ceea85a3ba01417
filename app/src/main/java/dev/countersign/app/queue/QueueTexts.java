package dev.countersign.app.queue;

import dev.countersign.app.cache.ProposalSummary;
import dev.countersign.app.common.Messages;
import dev.countersign.app.common.TimeTexts;
import dev.countersign.model.ActionType;
import dev.countersign.model.NhiKind;
import dev.countersign.model.ProposalStatus;
import dev.countersign.model.RiskTier;
import dev.countersign.model.api.ProposalView;
import java.time.Instant;

/** The words the queue and the review header use for a proposal's fields. */
public final class QueueTexts {
    private final Messages messages;
    private final TimeTexts time;

    public QueueTexts(Messages messages, TimeTexts time) {
        this.messages = messages;
        this.time = time;
    }

    public TimeTexts time() {
        return time;
    }

    public String action(ActionType type) {
        return messages.get("action." + type.json());
    }

    public String kind(NhiKind kind) {
        return messages.get("kind." + kind.json());
    }

    public String tier(RiskTier tier) {
        return messages.get("tier." + tier.json());
    }

    /** The last segment of a SPIFFE-like agent id: {@code credential-rotation-bot}. */
    public String agentShort(String agentId) {
        String trimmed = agentId.endsWith("/") ? agentId.substring(0, agentId.length() - 1) : agentId;
        int slash = trimmed.lastIndexOf('/');
        return slash >= 0 && slash < trimmed.length() - 1 ? trimmed.substring(slash + 1) : trimmed;
    }

    /** Pending, "1 of 2 approvals", Approved, Denied or Expired. */
    public String status(ProposalSummary summary, Instant now) {
        ProposalStatus status = summary.status();
        if (status == ProposalStatus.PENDING && summary.isExpiredAt(now)) {
            status = ProposalStatus.EXPIRED;
        }
        if (status == ProposalStatus.PENDING && summary.approvalsGiven() > 0) {
            return messages.format("status.partial", summary.approvalsGiven(), summary.approvalsRequired());
        }
        return messages.get("status." + status.json());
    }

    public String status(ProposalView view, Instant now) {
        return status(ProposalSummary.of(view, now), now);
    }

    public String age(ProposalSummary summary, Instant now) {
        return time.age(summary.createdAt(), now);
    }

    public String expiry(ProposalSummary summary, Instant now) {
        return time.until(summary.expiresAt(), now);
    }

    public String expiry(ProposalView view, Instant now) {
        return time.until(view.proposal().expiresAt(), now);
    }
}
