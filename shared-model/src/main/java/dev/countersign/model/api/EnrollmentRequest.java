package dev.countersign.model.api;

import dev.countersign.model.Require;
import java.util.List;

/** An admin's request to enroll a reviewer's public key (base64 DER SubjectPublicKeyInfo). */
public record EnrollmentRequest(String reviewer, String displayName, List<String> roles, String publicKey) {
    public EnrollmentRequest {
        Require.text(reviewer, "reviewer");
        Require.text(displayName, "displayName");
        roles = Require.list(roles, "roles");
        Require.text(publicKey, "publicKey");
    }
}
