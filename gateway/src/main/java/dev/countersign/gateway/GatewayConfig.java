package dev.countersign.gateway;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * How to run a gateway.
 *
 * @param dataDir  the data folder: the H2 file {@code gateway.mv.db}, {@code admin.token}, the lock and logs
 * @param host     the address to listen on; loopback unless the gateway serves a team
 * @param port     the port; 0 for any free port
 * @param seedDemo seed the demo world into a database that has never been initialized
 * @param clock    the gateway's clock (a test may move it)
 */
public record GatewayConfig(Path dataDir, String host, int port, boolean seedDemo, Clock clock) {
    public static final String LOOPBACK = "127.0.0.1";

    public GatewayConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(clock, "clock");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be from 0 to 65535, not " + port);
        }
    }

    /** The console's embedded default: loopback, any free port, the demo world, the system clock in UTC. */
    public static GatewayConfig embeddedDemo(Path dataDir) {
        return new GatewayConfig(dataDir, LOOPBACK, 0, true, Clock.systemUTC());
    }
}
