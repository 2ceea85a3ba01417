package dev.countersign.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A reviewer's answer; escalate hands the proposal on without deciding it. */
public enum Verdict implements JsonValue {
    @JsonProperty("approve") APPROVE("approve"),
    @JsonProperty("deny") DENY("deny"),
    @JsonProperty("escalate") ESCALATE("escalate");

    private final String json;

    Verdict(String json) {
        this.json = json;
    }

    @Override
    public String json() {
        return json;
    }
}
