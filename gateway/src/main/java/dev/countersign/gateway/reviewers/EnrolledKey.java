package dev.countersign.gateway.reviewers;

import dev.countersign.model.crypto.PublicKeys;
import java.security.PublicKey;
import java.time.Instant;

/** A reviewer's enrolled public key; revokedAt is null while it is in force. */
public record EnrolledKey(
        String keyId, String reviewer, String algorithm, String publicKeyBase64, Instant enrolledAt,
        Instant revokedAt) {

    public PublicKey publicKey() {
        return PublicKeys.fromBase64(publicKeyBase64);
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
