package dev.countersign.model.log;

import dev.countersign.model.InvalidFieldException;
import dev.countersign.model.Require;
import java.time.Instant;

/**
 * The gateway's signed statement of its log at a moment: how many entries it holds and the hash of the last one.
 * {@code gatewayKeyId} names the key that signs it; {@code headHash} is {@link LogEntry#GENESIS} for an empty log.
 */
public record Checkpoint(String gatewayKeyId, long size, String headHash, Instant time) {
    public Checkpoint {
        Require.text(gatewayKeyId, "gatewayKeyId");
        if (size < 0) {
            throw new InvalidFieldException("size", "must not be negative");
        }
        LogEntry.requireHex(headHash, "headHash");
        Require.present(time, "time");
    }
}
