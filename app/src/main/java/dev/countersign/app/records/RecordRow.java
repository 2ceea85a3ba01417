package dev.countersign.app.records;

import dev.countersign.model.Proposal;
import dev.countersign.model.ProposalContext;
import dev.countersign.model.api.DecisionRecordView;
import dev.countersign.model.bundle.RecordCheck;

/**
 * One decision record as the records view and an opened bundle show it: the record, its verification state, and the
 * proposal version and context it is bound to (null when not held).
 */
public record RecordRow(DecisionRecordView record, RecordCheck check, Proposal proposal, ProposalContext context) {}
