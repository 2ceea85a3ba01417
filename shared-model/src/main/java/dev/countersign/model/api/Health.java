package dev.countersign.model.api;

import dev.countersign.model.Require;

/** The gateway's health answer. */
public record Health(String status, String version, boolean demo, String policyId, String policyVersion) {
    public Health {
        Require.text(status, "status");
        Require.text(version, "version");
    }
}
