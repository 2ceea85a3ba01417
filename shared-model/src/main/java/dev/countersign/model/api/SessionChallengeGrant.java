package dev.countersign.model.api;

import dev.countersign.model.Require;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.Base64;

/**
 * A challenge to sign: {@code payload} is the base64 of the canonical challenge bytes (see SessionChallenges), to be
 * signed unchanged and posted back as a DSSE envelope before {@code expiresAt}. Single use.
 */
public record SessionChallengeGrant(String challengeId, String payloadType, String payload, Instant expiresAt) {
    public SessionChallengeGrant {
        Require.text(challengeId, "challengeId");
        Require.text(payloadType, "payloadType");
        Require.text(payload, "payload");
        Require.present(expiresAt, "expiresAt");
    }

    @JsonIgnore
    public byte[] payloadBytes() {
        return Base64.getDecoder().decode(payload);
    }
}
