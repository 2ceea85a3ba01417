package dev.countersign.app.settings;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the console keeps its files: the system property {@value #PROPERTY} if set (tests always set it), else
 * {@code $XDG_DATA_HOME/countersign}, else {@code ~/.local/share/countersign}.
 */
public final class DataDirectory {
    public static final String PROPERTY = "countersign.dataDir";

    private DataDirectory() {}

    public static Path resolve() {
        return resolve(System.getProperty(PROPERTY), System.getenv(), System.getProperty("user.home"));
    }

    static Path resolve(String override, Map<String, String> env, String home) {
        if (override != null && !override.isBlank()) {
            return Path.of(override).toAbsolutePath();
        }
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "countersign");
        }
        return Path.of(home, ".local", "share", "countersign");
    }
}
