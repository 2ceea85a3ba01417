package dev.countersign.model.api;

import dev.countersign.model.Require;
import java.time.Instant;

/**
 * An open session: the bearer token every console call carries ({@code Authorization: Bearer <token>}) until
 * {@code expiresAt}, at most 15 minutes after it opened. The token is a secret: never log or store it.
 */
public record SessionGrant(String token, String reviewer, String keyId, Instant expiresAt) {
    public SessionGrant {
        Require.text(token, "token");
        Require.text(reviewer, "reviewer");
        Require.text(keyId, "keyId");
        Require.present(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "SessionGrant[reviewer=" + reviewer + ", keyId=" + keyId + ", expiresAt=" + expiresAt + "]";
    }
}
