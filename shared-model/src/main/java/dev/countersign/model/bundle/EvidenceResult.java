package dev.countersign.model.bundle;

import dev.countersign.model.log.Checkpoint;
import java.util.List;

/**
 * What {@link EvidenceVerifier} found: the gateway key id the evidence is anchored to (null if no key is held), the
 * checkpoint if its signature verified, one check per record in the order given, and the findings that concern no
 * single record (the checkpoint, the log).
 */
public record EvidenceResult(String gatewayKeyId, Checkpoint checkpoint, List<RecordCheck> records,
        List<Finding> findings) {
    public EvidenceResult {
        records = List.copyOf(records);
        findings = List.copyOf(findings);
    }
}
