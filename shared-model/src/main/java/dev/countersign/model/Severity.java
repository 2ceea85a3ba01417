package dev.countersign.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Incident severity, sev1 the worst. */
public enum Severity implements JsonValue {
    @JsonProperty("sev1") SEV1("sev1"),
    @JsonProperty("sev2") SEV2("sev2"),
    @JsonProperty("sev3") SEV3("sev3"),
    @JsonProperty("sev4") SEV4("sev4");

    private final String json;

    Severity(String json) {
        this.json = json;
    }

    @Override
    public String json() {
        return json;
    }
}
