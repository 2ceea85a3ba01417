package dev.countersign.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;

/**
 * What this build is, as Maven filtered it into build.properties: the console version (it goes into every signed
 * decision) and when it was built; the Java runtime it runs on; and the third-party notices made at build time.
 */
public final class BuildInfo {
    /** Generated at build time by the license-maven-plugin: every bundled library with its licence. */
    public static final String NOTICES = "/THIRD-PARTY.txt";

    private BuildInfo() {}

    public static String consoleVersion() {
        return "countersign-console/" + filtered("version").orElse("dev");
    }

    /** The version alone, "dev" when not built by Maven. */
    public static String version() {
        return filtered("version").orElse("dev");
    }

    /** When this build was made (UTC, ISO 8601), if Maven made it. */
    public static Optional<String> builtAt() {
        return filtered("built");
    }

    /** The Java runtime: version, vendor and VM, e.g. "17.0.15 (Debian, OpenJDK 64-Bit Server VM)". */
    public static String runtime() {
        return System.getProperty("java.runtime.version", System.getProperty("java.version", "?")) + " ("
                + System.getProperty("java.vendor", "?") + ", " + System.getProperty("java.vm.name", "?") + ")";
    }

    /** The operating system, e.g. "Linux 6.1 (amd64)". */
    public static String system() {
        return System.getProperty("os.name", "?") + " " + System.getProperty("os.version", "") + " ("
                + System.getProperty("os.arch", "?") + ")";
    }

    /** The third-party notices, or empty when this build has none (run from an IDE without Maven). */
    public static Optional<String> notices() {
        try (InputStream in = BuildInfo.class.getResourceAsStream(NOTICES)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> filtered(String key) {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        String value = properties.getProperty(key, "");
        return value.isBlank() || value.contains("${") ? Optional.empty() : Optional.of(value);
    }
}
