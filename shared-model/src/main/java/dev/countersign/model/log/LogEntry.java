package dev.countersign.model.log;

import dev.countersign.model.InvalidFieldException;
import dev.countersign.model.Require;
import dev.countersign.model.json.Digests;
import java.time.Instant;

/**
 * One entry of the gateway's append-only decision log. It names the record it logs by the sha256 of the record's
 * canonical JSON and chains the previous entry's hash; the entry's own hash is sha256 of its canonical JSON.
 */
public record LogEntry(
        long index,
        String recordId,
        String proposalId,
        String recordDigest,
        Instant recordedAt,
        String previousHash) {

    /** The previous hash of entry 0. */
    public static final String GENESIS = "0".repeat(64);

    public LogEntry {
        if (index < 0) {
            throw new InvalidFieldException("index", "must not be negative");
        }
        Require.text(recordId, "recordId");
        Require.text(proposalId, "proposalId");
        requireHex(recordDigest, "recordDigest");
        Require.present(recordedAt, "recordedAt");
        requireHex(previousHash, "previousHash");
    }

    /** This entry's hash: the value the next entry chains and a checkpoint's head names. */
    public String entryHash() {
        return Digests.canonicalSha256(this);
    }

    static String requireHex(String value, String field) {
        Require.present(value, field);
        if (!value.matches("[0-9a-f]{64}")) {
            throw new InvalidFieldException(field, "must be 64 lowercase hex digits");
        }
        return value;
    }
}
