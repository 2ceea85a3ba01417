package dev.countersign.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The kind of non-human identity a proposal targets. */
public enum NhiKind implements JsonValue {
    @JsonProperty("service_account") SERVICE_ACCOUNT("service_account"),
    @JsonProperty("api_key") API_KEY("api_key"),
    @JsonProperty("certificate") CERTIFICATE("certificate"),
    @JsonProperty("oauth_app") OAUTH_APP("oauth_app"),
    @JsonProperty("integration_account") INTEGRATION_ACCOUNT("integration_account");

    private final String json;

    NhiKind(String json) {
        this.json = json;
    }

    @Override
    public String json() {
        return json;
    }
}
