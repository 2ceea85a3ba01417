package dev.countersign.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The gateway's version, from the build. */
final class GatewayVersion {
    private GatewayVersion() {}

    /** The release version without a -SNAPSHOT suffix, e.g. {@code 0.1.0}. */
    static String current() {
        Properties p = new Properties();
        try (InputStream in = GatewayVersion.class.getResourceAsStream("gateway.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // fall through to unknown
        }
        String version = p.getProperty("version", "0.0.0");
        return version.startsWith("$") ? "0.0.0" : version.replace("-SNAPSHOT", "");
    }
}
