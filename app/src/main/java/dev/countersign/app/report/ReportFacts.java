package dev.countersign.app.report;

import dev.countersign.model.bundle.EvidenceResult;
import dev.countersign.model.log.Checkpoint;
import java.time.Instant;
import java.util.Objects;

/**
 * What a decision report states about where it came from: when and by which console it was made, and the gateway key
 * and checkpoint the console knows (each null when not known).
 *
 * @param checkpointSize the number of log entries the latest verified checkpoint covers, or null
 * @param checkpointTime the time of that checkpoint, or null
 */
public record ReportFacts(Instant generatedAt, String consoleVersion, String gatewayKeyId, Long checkpointSize,
        Instant checkpointTime) {
    public ReportFacts {
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(consoleVersion, "consoleVersion");
    }

    /** The facts as a verification of the console's evidence found them; {@code result} may be null (not verified). */
    public static ReportFacts of(Instant generatedAt, String consoleVersion, EvidenceResult result) {
        Checkpoint checkpoint = result == null ? null : result.checkpoint();
        return new ReportFacts(generatedAt, consoleVersion, result == null ? null : result.gatewayKeyId(),
                checkpoint == null ? null : checkpoint.size(), checkpoint == null ? null : checkpoint.time());
    }
}
