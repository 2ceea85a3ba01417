package dev.countersign.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What policy says must happen to a proposal. */
public enum PolicyOutcome implements JsonValue {
    @JsonProperty("needs_review") NEEDS_REVIEW("needs_review"),
    @JsonProperty("auto_approve") AUTO_APPROVE("auto_approve"),
    @JsonProperty("deny") DENY("deny");

    private final String json;

    PolicyOutcome(String json) {
        this.json = json;
    }

    @Override
    public String json() {
        return json;
    }
}
