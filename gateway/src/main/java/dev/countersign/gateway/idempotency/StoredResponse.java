package dev.countersign.gateway.idempotency;

/** A response as sent, kept so a repeated request can get it again. Location is null when there was none. */
public record StoredResponse(int status, String body, String location) {}
