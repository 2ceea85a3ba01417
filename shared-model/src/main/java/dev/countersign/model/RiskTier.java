package dev.countersign.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Risk tier computed by the gateway from policy and inventory; declared from lowest to highest. */
public enum RiskTier implements JsonValue {
    @JsonProperty("low") LOW("low"),
    @JsonProperty("medium") MEDIUM("medium"),
    @JsonProperty("high") HIGH("high"),
    @JsonProperty("critical") CRITICAL("critical");

    private final String json;

    RiskTier(String json) {
        this.json = json;
    }

    @Override
    public String json() {
        return json;
    }

    public boolean isAbove(RiskTier other) {
        return compareTo(other) > 0;
    }

    public static RiskTier max(RiskTier a, RiskTier b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
