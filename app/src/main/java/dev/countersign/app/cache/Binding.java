package dev.countersign.app.cache;

import dev.countersign.model.Decision;
import dev.countersign.model.api.DecisionRecordView;
import dev.countersign.model.json.Json;
import dev.countersign.model.record.DecisionRecords;
import dev.countersign.model.record.Statement;

/**
 * What a decision record says it is bound to: the proposal version, the proposal's digest (the statement's subject)
 * and the digest of the context shown (the decision's contextDigest). Read from the record without verifying it;
 * checking is the verifier's business. {@code version} is 0 and the digests null for a record whose statement cannot
 * be read.
 */
public record Binding(String proposalId, int version, String proposalDigest, String contextDigest) {
    public static Binding of(DecisionRecordView record) {
        try {
            Statement statement = DecisionRecords.readStatement(record.envelope());
            Decision decision = Json.convert(statement.predicate(), Decision.class);
            String subject = statement.subject().size() == 1 ? statement.subject().get(0).sha256() : null;
            return new Binding(record.proposalId(), decision.proposalVersion(), subject, decision.contextDigest());
        } catch (RuntimeException e) {
            return new Binding(record.proposalId(), 0, null, null);
        }
    }

    public boolean readable() {
        return version > 0;
    }
}
