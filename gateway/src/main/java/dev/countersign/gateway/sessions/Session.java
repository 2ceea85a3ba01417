package dev.countersign.gateway.sessions;

import java.time.Instant;

/** An open session, as a console call presents it: who, with which key, until when. */
public record Session(String reviewer, String keyId, Instant expiresAt) {}
