package dev.countersign.app.report;

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
}
