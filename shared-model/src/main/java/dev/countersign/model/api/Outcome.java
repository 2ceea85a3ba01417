package dev.countersign.model.api;

import dev.countersign.model.ProposalStatus;
import dev.countersign.model.Require;
import java.time.Instant;
import java.util.List;

/** Where a proposal stands, as an agent waiting on it sees it; decidedAt is present once the status is final. */
public record Outcome(String proposalId, ProposalStatus status, Instant decidedAt, List<String> recordIds) {
    public Outcome {
        Require.text(proposalId, "proposalId");
        Require.present(status, "status");
        recordIds = Require.list(recordIds, "recordIds");
    }
}
