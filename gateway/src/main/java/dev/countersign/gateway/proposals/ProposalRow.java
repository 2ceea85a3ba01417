package dev.countersign.gateway.proposals;

import dev.countersign.model.ProposalStatus;
import java.time.Instant;

/** A proposal's current state as stored: which version is current, where it stands, and its change sequence. */
public record ProposalRow(
        String id, int version, ProposalStatus status, String agentOwner, int approvalsRequired, Instant createdAt,
        Instant expiresAt, Instant updatedAt, Instant decidedAt, long changeSeq) {

    /** The status as of now: a pending proposal past its expiry is expired, marked or not. */
    public ProposalStatus statusAt(Instant now) {
        return status == ProposalStatus.PENDING && !now.isBefore(expiresAt) ? ProposalStatus.EXPIRED : status;
    }
}
