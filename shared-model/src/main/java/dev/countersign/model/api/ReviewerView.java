package dev.countersign.model.api;

import dev.countersign.model.Require;
import java.time.Instant;
import java.util.List;

/**
 * A reviewer as the gateway knows them: identity, roles, keys and decision rights ({@code rights} is absent when
 * the reviewer holds none).
 */
public record ReviewerView(String reviewer, String displayName, List<String> roles, List<Key> keys,
        DecisionRights rights) {
    public ReviewerView {
        Require.text(reviewer, "reviewer");
        Require.text(displayName, "displayName");
        roles = Require.list(roles, "roles");
        keys = Require.list(keys, "keys");
    }

    /** A reviewer without decision rights. */
    public ReviewerView(String reviewer, String displayName, List<String> roles, List<Key> keys) {
        this(reviewer, displayName, roles, keys, null);
    }

    /**
     * One enrolled key; revokedAt is absent while the key is in force, revokedReason says why it was revoked (an
     * admin's revocation, or {@code rotated to <new key id>}).
     */
    public record Key(String keyId, String algorithm, Instant enrolledAt, Instant revokedAt, String revokedReason) {
        public Key {
            Require.text(keyId, "keyId");
            Require.text(algorithm, "algorithm");
            Require.present(enrolledAt, "enrolledAt");
        }

        /** A key with no recorded reason for its revocation (or not revoked). */
        public Key(String keyId, String algorithm, Instant enrolledAt, Instant revokedAt) {
            this(keyId, algorithm, enrolledAt, revokedAt, null);
        }
    }
}
