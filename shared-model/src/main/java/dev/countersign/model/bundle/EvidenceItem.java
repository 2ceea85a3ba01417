package dev.countersign.model.bundle;

import dev.countersign.model.Proposal;
import dev.countersign.model.ProposalContext;
import dev.countersign.model.Require;
import dev.countersign.model.api.DecisionRecordView;

/**
 * One decision record with the proposal version and the context it is bound to, as they were shown. {@code proposal}
 * and {@code context} are null when the holder does not have them (a console that has not synced them yet); a bundle
 * always carries both.
 */
public record EvidenceItem(DecisionRecordView record, Proposal proposal, ProposalContext context) {
    public EvidenceItem {
        Require.present(record, "record");
    }
}
