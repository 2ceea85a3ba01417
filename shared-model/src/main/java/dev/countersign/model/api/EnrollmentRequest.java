package dev.countersign.model.api;

import dev.countersign.model.Identities;
import dev.countersign.model.Require;
import java.util.List;

/**
 * An admin's request to enroll a reviewer's public key (base64 DER SubjectPublicKeyInfo). {@code rights} is optional:
 * when present it replaces the reviewer's decision rights; when absent a new reviewer has none and a known one keeps
 * theirs.
 */
public record EnrollmentRequest(String reviewer, String displayName, List<String> roles, String publicKey,
        DecisionRights rights) {
    public EnrollmentRequest {
        Identities.require(reviewer, "reviewer");
        Require.text(displayName, "displayName");
        roles = Require.list(roles, "roles");
        Require.text(publicKey, "publicKey");
    }

    /** An enrollment that leaves decision rights as they are (none for a new reviewer). */
    public EnrollmentRequest(String reviewer, String displayName, List<String> roles, String publicKey) {
        this(reviewer, displayName, roles, publicKey, null);
    }
}
