package dev.countersign.model.api;

import dev.countersign.model.Require;
import java.time.Instant;

/** A single-use nonce the gateway issued for decisions about one proposal. */
public record NonceGrant(String nonce, String proposalId, Instant expiresAt) {
    public NonceGrant {
        Require.text(nonce, "nonce");
        Require.text(proposalId, "proposalId");
        Require.present(expiresAt, "expiresAt");
    }
}
