package dev.countersign.model.api;

import dev.countersign.model.Require;
import dev.countersign.model.Verdict;
import dev.countersign.model.record.DsseEnvelope;
import java.time.Instant;

/** A stored decision record with the facts the gateway indexed it by. */
public record DecisionRecordView(
        String recordId, String proposalId, String reviewer, String keyId, Verdict verdict, Instant recordedAt,
        long logIndex, DsseEnvelope envelope) {
    public DecisionRecordView {
        Require.text(recordId, "recordId");
        Require.text(proposalId, "proposalId");
        Require.text(reviewer, "reviewer");
        Require.text(keyId, "keyId");
        Require.present(verdict, "verdict");
        Require.present(recordedAt, "recordedAt");
        Require.present(envelope, "envelope");
    }
}
