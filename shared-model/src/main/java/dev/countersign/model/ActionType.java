package dev.countersign.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What an agent proposes to do to a non-human identity. */
public enum ActionType implements JsonValue {
    @JsonProperty("rotate_credential") ROTATE_CREDENTIAL("rotate_credential"),
    @JsonProperty("revoke_key") REVOKE_KEY("revoke_key"),
    @JsonProperty("grant_temporary_exception") GRANT_TEMPORARY_EXCEPTION("grant_temporary_exception"),
    @JsonProperty("disable_integration") DISABLE_INTEGRATION("disable_integration"),
    @JsonProperty("change_permissions") CHANGE_PERMISSIONS("change_permissions");

    private final String json;

    ActionType(String json) {
        this.json = json;
    }

    @Override
    public String json() {
        return json;
    }
}
