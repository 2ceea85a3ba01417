package dev.countersign.model.api;

import dev.countersign.model.Require;

/** A console asks for a challenge to open a session as this reviewer with this enrolled key. */
public record SessionChallengeRequest(String reviewer, String keyId) {
    public SessionChallengeRequest {
        Require.text(reviewer, "reviewer");
        Require.text(keyId, "keyId");
    }
}
