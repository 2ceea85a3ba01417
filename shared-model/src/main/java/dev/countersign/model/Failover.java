package dev.countersign.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How much of a workload's function survives if the identity it uses stops working. */
public enum Failover implements JsonValue {
    @JsonProperty("none") NONE("none"),
    @JsonProperty("partial") PARTIAL("partial"),
    @JsonProperty("full") FULL("full");

    private final String json;

    Failover(String json) {
        this.json = json;
    }

    @Override
    public String json() {
        return json;
    }
}
