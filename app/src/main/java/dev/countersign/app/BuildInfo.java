package dev.countersign.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The console's version, as Maven filtered it into build.properties; it goes into every signed decision. */
public final class BuildInfo {
    private BuildInfo() {}

    public static String consoleVersion() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // fall through to the default
        }
        String version = properties.getProperty("version", "");
        boolean filtered = !version.isBlank() && !version.contains("${");
        return "countersign-console/" + (filtered ? version : "dev");
    }
}
