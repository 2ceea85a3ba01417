package dev.countersign.app.cache;

import dev.countersign.model.ActionType;
import dev.countersign.model.NhiKind;
import dev.countersign.model.Proposal;
import dev.countersign.model.ProposalStatus;
import dev.countersign.model.RiskTier;
import dev.countersign.model.api.ProposalView;
import java.time.Instant;
import java.util.Comparator;

/**
 * What the queue shows of a proposal, without its parameters and context: small enough to hold 50,000 in memory.
 * The whole {@link ProposalView} is read from the cache when a proposal is opened.
 *
 * @param syncedAt when this console last received the proposal from the gateway
 */
public record ProposalSummary(
        String id,
        int version,
        ProposalStatus status,
        RiskTier riskTier,
        ActionType actionType,
        String environment,
        String targetId,
        String targetName,
        NhiKind targetKind,
        String agentId,
        int approvalsGiven,
        int approvalsRequired,
        Instant createdAt,
        Instant expiresAt,
        Instant updatedAt,
        Instant contextCapturedAt,
        Instant syncedAt) {

    public static ProposalSummary of(ProposalView view, Instant syncedAt) {
        Proposal p = view.proposal();
        return new ProposalSummary(p.id(), p.version(), view.status(), p.riskTier(), p.actionType(),
                p.environment(), p.target().id(), p.target().name(), p.target().kind(), p.agent().id(),
                view.approvals().size(), view.approvalsRequired(), p.createdAt(), p.expiresAt(), view.updatedAt(),
                view.context().capturedAt(), syncedAt);
    }

    /**
     * Orders two states of one proposal by how far along they are. The gateway's {@code updatedAt} has whole
     * seconds, so two changes in one second tie on it; a later state is then never behind on version, on being
     * decided, on approvals given, or on when its context was taken.
     */
    public static final Comparator<ProposalSummary> PROGRESS = Comparator
            .comparing(ProposalSummary::updatedAt)
            .thenComparingInt(ProposalSummary::version)
            .thenComparing(s -> s.status() != ProposalStatus.PENDING)
            .thenComparingInt(ProposalSummary::approvalsGiven)
            .thenComparing(ProposalSummary::contextCapturedAt);

    /** True if this state is not behind {@code other} (see {@link #PROGRESS}). */
    public boolean notBehind(ProposalSummary other) {
        return PROGRESS.compare(this, other) >= 0;
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Pending and not expired: something a reviewer can decide. */
    public boolean openAt(Instant now) {
        return status == ProposalStatus.PENDING && !isExpiredAt(now);
    }
}
