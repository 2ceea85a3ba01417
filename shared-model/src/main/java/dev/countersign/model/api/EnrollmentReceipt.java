package dev.countersign.model.api;

import dev.countersign.model.Require;
import java.time.Instant;

/** The gateway's answer to an enrollment. */
public record EnrollmentReceipt(String reviewer, String keyId, Instant enrolledAt) {
    public EnrollmentReceipt {
        Require.text(reviewer, "reviewer");
        Require.text(keyId, "keyId");
        Require.present(enrolledAt, "enrolledAt");
    }
}
