package dev.countersign.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Why a reviewer decided as they did; the reason text carries the detail. */
public enum ReasonCode implements JsonValue {
    @JsonProperty("matches_intent") MATCHES_INTENT("matches_intent"),
    @JsonProperty("change_ticket_verified") CHANGE_TICKET_VERIFIED("change_ticket_verified"),
    @JsonProperty("containment_justified") CONTAINMENT_JUSTIFIED("containment_justified"),
    @JsonProperty("blast_radius_too_large") BLAST_RADIUS_TOO_LARGE("blast_radius_too_large"),
    @JsonProperty("no_failover") NO_FAILOVER("no_failover"),
    @JsonProperty("intent_mismatch") INTENT_MISMATCH("intent_mismatch"),
    @JsonProperty("suspicious_request") SUSPICIOUS_REQUEST("suspicious_request"),
    @JsonProperty("needs_more_context") NEEDS_MORE_CONTEXT("needs_more_context"),
    @JsonProperty("policy_violation") POLICY_VIOLATION("policy_violation"),
    @JsonProperty("policy_auto_approved") POLICY_AUTO_APPROVED("policy_auto_approved"),
    @JsonProperty("other") OTHER("other");

    private final String json;

    ReasonCode(String json) {
        this.json = json;
    }

    @Override
    public String json() {
        return json;
    }
}
