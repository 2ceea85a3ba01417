package dev.countersign.gateway;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How to run a gateway.
 *
 * @param dataDir    the data folder: the H2 file {@code gateway.mv.db}, {@code admin.token}, the lock and logs
 * @param host       the address to listen on; loopback unless the gateway serves a team
 * @param port       the port; 0 for any free port
 * @param seedDemo   seed the demo world into a database that has never been initialized
 * @param clock      the gateway's clock (a test may move it)
 * @param sessionTtl how long a reviewer session lasts once opened: more than zero, at most 15 minutes
 */
public record GatewayConfig(Path dataDir, String host, int port, boolean seedDemo, Clock clock, Duration sessionTtl) {
    public static final String LOOPBACK = "127.0.0.1";
    /** The longest a reviewer session may last, and the default. */
    public static final Duration MAX_SESSION_TTL = Duration.ofMinutes(15);

    public GatewayConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sessionTtl, "sessionTtl");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be from 0 to 65535, not " + port);
        }
        if (sessionTtl.isNegative() || sessionTtl.isZero() || sessionTtl.compareTo(MAX_SESSION_TTL) > 0) {
            throw new IllegalArgumentException("the session lifetime must be more than zero and at most 15 minutes,"
                    + " not " + words(sessionTtl));
        }
    }

    /** A gateway whose reviewer sessions last the longest allowed, 15 minutes. */
    public GatewayConfig(Path dataDir, String host, int port, boolean seedDemo, Clock clock) {
        this(dataDir, host, port, seedDemo, clock, MAX_SESSION_TTL);
    }

    /** The console's embedded default: loopback, any free port, the demo world, the system clock in UTC. */
    public static GatewayConfig embeddedDemo(Path dataDir) {
        return new GatewayConfig(dataDir, LOOPBACK, 0, true, Clock.systemUTC());
    }

    private static String words(Duration d) {
        long seconds = d.getSeconds();
        return seconds % 60 == 0 && d.getNano() == 0 ? (seconds / 60) + " minutes" : d.toString();
    }
}
