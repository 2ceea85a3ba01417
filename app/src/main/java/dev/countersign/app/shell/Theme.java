package dev.countersign.app.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.countersign.model.JsonValue;
import com.fasterxml.jackson.annotation.JsonProperty;
import javafx.application.Application;

/**
 * The console's look: AtlantaFX Primer, light or dark. The theme is the user-agent stylesheet, so it reaches every
 * window the console opens (dialogs and the key window too); the console's own stylesheet uses only the theme's
 * looked-up colours and follows it.
 */
public enum Theme implements JsonValue {
    @JsonProperty("light") LIGHT("light"),
    @JsonProperty("dark") DARK("dark");

    private final String json;

    Theme(String json) {
        this.json = json;
    }

    @Override
    public String json() {
        return json;
    }

    public String userAgentStylesheet() {
        return this == DARK ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet();
    }

    /** Makes this the look of every window; call on the UI thread. */
    public void apply() {
        Application.setUserAgentStylesheet(userAgentStylesheet());
    }
}
