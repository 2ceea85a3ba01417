package dev.countersign.app.settings;

import dev.countersign.model.ActionType;
import dev.countersign.model.InvalidFieldException;
import dev.countersign.model.Require;
import dev.countersign.model.RiskTier;
import java.util.List;

/**
 * A queue filter the reviewer named and saved. Empty lists mean "any"; {@code text} is the search box's words.
 * Parsed strictly: every field must be present, of its type.
 */
public record SavedFilter(
        String name,
        List<RiskTier> tiers,
        List<ActionType> actions,
        List<String> environments,
        List<String> agents,
        boolean expiringSoon,
        boolean showClosed,
        String text) {

    /** Longest name kept; a name is a label in a menu, not a note. */
    public static final int MAX_NAME = 80;

    public SavedFilter {
        Require.text(name, "name");
        name = name.strip();
        if (name.length() > MAX_NAME) {
            throw new InvalidFieldException("name", "must be at most " + MAX_NAME + " characters");
        }
        tiers = List.copyOf(Require.list(tiers, "tiers"));
        actions = List.copyOf(Require.list(actions, "actions"));
        environments = List.copyOf(Require.list(environments, "environments"));
        agents = List.copyOf(Require.list(agents, "agents"));
        text = Require.present(text, "text");
    }
}
