package dev.countersign.model.api;

import dev.countersign.model.Require;
import java.time.Instant;

/** One reviewer's recorded approval of a proposal's current version. */
public record Approval(String reviewer, String keyId, Instant decidedAt, String recordId) {
    public Approval {
        Require.text(reviewer, "reviewer");
        Require.text(keyId, "keyId");
        Require.present(decidedAt, "decidedAt");
        Require.text(recordId, "recordId");
    }
}
