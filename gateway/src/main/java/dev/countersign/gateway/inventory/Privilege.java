package dev.countersign.gateway.inventory;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.countersign.model.JsonValue;

/** How much an NHI can do, as the inventory rates it. */
public enum Privilege implements JsonValue {
    @JsonProperty("high") HIGH("high"),
    @JsonProperty("medium") MEDIUM("medium"),
    @JsonProperty("low") LOW("low");

    private final String json;

    Privilege(String json) {
        this.json = json;
    }

    @Override
    public String json() {
        return json;
    }
}
