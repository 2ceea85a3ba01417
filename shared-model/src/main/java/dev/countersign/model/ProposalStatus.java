package dev.countersign.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a proposal stands at the gateway. */
public enum ProposalStatus implements JsonValue {
    @JsonProperty("pending") PENDING("pending"),
    @JsonProperty("approved") APPROVED("approved"),
    @JsonProperty("denied") DENIED("denied"),
    @JsonProperty("expired") EXPIRED("expired");

    private final String json;

    ProposalStatus(String json) {
        this.json = json;
    }

    @Override
    public String json() {
        return json;
    }
}
