package dev.countersign.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How much the business depends on a workload, most critical first. */
public enum Criticality implements JsonValue {
    @JsonProperty("critical") CRITICAL("critical"),
    @JsonProperty("high") HIGH("high"),
    @JsonProperty("medium") MEDIUM("medium"),
    @JsonProperty("low") LOW("low");

    private final String json;

    Criticality(String json) {
        this.json = json;
    }

    @Override
    public String json() {
        return json;
    }
}
