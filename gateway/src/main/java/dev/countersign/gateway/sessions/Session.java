package dev.countersign.gateway.sessions;

import java.time.Instant;

/**
 * An open session, as a console call presents it: who, with which key, until when, and the sha256 of its token (what
 * the gateway stores; never the token), by which a write checks again that the session is still open.
 */
public record Session(String reviewer, String keyId, Instant expiresAt, String tokenSha256) {}
