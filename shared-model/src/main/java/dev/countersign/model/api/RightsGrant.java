package dev.countersign.model.api;

import dev.countersign.model.Require;
import java.util.List;

/** An admin's grant: replaces a reviewer's decision rights and, when {@code roles} is present, their roles. */
public record RightsGrant(DecisionRights rights, List<String> roles) {
    public RightsGrant {
        Require.present(rights, "rights");
        roles = roles == null ? null : List.copyOf(roles);
    }
}
