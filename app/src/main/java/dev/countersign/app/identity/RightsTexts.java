package dev.countersign.app.identity;

import dev.countersign.app.common.Messages;
import dev.countersign.model.ActionType;
import dev.countersign.model.api.DecisionRights;
import java.util.List;

/** Decision rights and roles in words: "tiers up to critical · all action types · all environments". */
public final class RightsTexts {
    private final Messages messages;

    public RightsTexts(Messages messages) {
        this.messages = messages;
    }

    public String rights(DecisionRights rights) {
        if (rights == null) {
            return messages.get("rights.none");
        }
        String actions = rights.allActionTypes() ? messages.get("rights.allActions")
                : messages.format("rights.actions", String.join(", ",
                        rights.actionTypes().stream().map(ActionType::json).toList()));
        String environments = rights.allEnvironments() ? messages.get("rights.allEnvironments")
                : messages.format("rights.environments", String.join(", ", rights.environments()));
        return messages.format("rights.summary", rights.maxTier().json(), actions, environments);
    }

    public String roles(List<String> roles) {
        return roles.isEmpty() ? messages.get("rights.noRoles") : String.join(", ", roles);
    }

    /** "platform-security" or "platform-security or sre", in the bundle's words ({@code rights.anyOf}). */
    public static String anyOf(Messages messages, List<String> roles) {
        if (roles.size() <= 1) {
            return String.join("", roles);
        }
        return messages.format("rights.anyOf", String.join(", ", roles.subList(0, roles.size() - 1)),
                roles.get(roles.size() - 1));
    }
}
