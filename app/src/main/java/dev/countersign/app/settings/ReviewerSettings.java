package dev.countersign.app.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** Who the console signs as: saved beside the key so later runs need not ask. No secrets in here. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReviewerSettings(String reviewer, String displayName, List<String> roles) {
    public ReviewerSettings {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}
