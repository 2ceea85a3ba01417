package dev.countersign.gateway.decisions;

import java.time.Instant;

/** A nonce the gateway issued; usedByRecord is null until a recorded decision used it. */
record NonceRow(String nonce, String proposalId, Instant issuedAt, Instant expiresAt, String usedByRecord) {
    boolean used() {
        return usedByRecord != null;
    }
}
