package dev.countersign.app;

import dev.countersign.app.settings.AppPaths;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How this console run is set up: where its files live ({@link AppPaths}: data, cache and logs), which gateway to use
 * (none: start the embedded demo), the clock and how often to poll. Built from the command line, system properties
 * and the environment, or directly by tests, which keep everything in one temporary folder.
 *
 * <p>{@code bundle}: an evidence bundle named on the command line. The run then opens only that bundle (auditor
 * mode): no gateway, no key, no first-run window, no cache.
 */
public record AppConfig(AppPaths paths, Optional<URI> gateway, Clock clock, Duration pollPeriod, Locale locale,
        Duration staleContext, Optional<Path> bundle) {
    public static final Duration DEFAULT_POLL = Duration.ofSeconds(5);
    /** How old a proposal's context may be before the review flags it and offers to refresh it. */
    public static final Duration DEFAULT_STALE_CONTEXT = Duration.ofHours(1);

    public static final String USAGE = """
            Usage: countersign [--gateway URL] [--insecure-http] [--stale-context-minutes N] [--data-dir DIR]
                   countersign [--data-dir DIR] FILE.csbundle
                   countersign verify FILE.csbundle [--json] [--gateway-key PUBKEY.pem] [--threads N]

              --gateway URL   work against a running gateway (team mode); without it the console
                              starts the demo gateway inside itself. Use https:// for a gateway on
                              another machine: session tokens and signed decisions travel over it
              --insecure-http allow plain http:// to a gateway that is not on this machine (a lab only)
              --stale-context-minutes N
                              flag a proposal's context as stale once it is older than N minutes
                              (default 60); the review then offers to refresh it
              --data-dir DIR  keep everything in DIR: keys, settings, the console's database, the
                              embedded gateway's data, the cache and the logs (default: the system's
                              own folders, e.g. ~/.local/share/countersign, ~/.cache/countersign and
                              ~/.local/state/countersign/logs on Linux). COUNTERSIGN_DATA_DIR or
                              -Dcountersign.dataDir do the same; COUNTERSIGN_CACHE_DIR and
                              COUNTERSIGN_LOG_DIR (-Dcountersign.cacheDir, -Dcountersign.logDir)
                              move only the cache or the logs
              FILE.csbundle   open an evidence bundle on its own (auditor mode): it is verified offline
                              and its records shown read-only; no gateway, no key, no cache
              verify FILE.csbundle
                              check a bundle without a window and print a report (--json: as JSON);
                              exit code 0 valid, 1 invalid, 2 unreadable. --gateway-key PUBKEY.pem: the
                              gateway key to trust (else the bundle's own, with a warning); --threads N
            """;

    public AppConfig {
        java.util.Objects.requireNonNull(paths, "paths");
        bundle = bundle == null ? Optional.empty() : bundle.map(Path::toAbsolutePath);
    }

    /** A run with everything in {@code dataDir} ({@link AppPaths#under}). */
    public AppConfig(Path dataDir, Optional<URI> gateway, Clock clock, Duration pollPeriod, Locale locale,
            Duration staleContext, Optional<Path> bundle) {
        this(AppPaths.under(dataDir), gateway, clock, pollPeriod, locale, staleContext, bundle);
    }

    /** A console run (no bundle named) with everything in {@code dataDir}. */
    public AppConfig(Path dataDir, Optional<URI> gateway, Clock clock, Duration pollPeriod, Locale locale,
            Duration staleContext) {
        this(dataDir, gateway, clock, pollPeriod, locale, staleContext, Optional.empty());
    }

    /** The embedded demo with everything in the given folder: what tests use. */
    public static AppConfig embedded(Path dataDir) {
        return new AppConfig(dataDir, Optional.empty(), Clock.systemUTC(), DEFAULT_POLL, Locale.getDefault(),
                DEFAULT_STALE_CONTEXT);
    }

    public AppConfig withPollPeriod(Duration period) {
        return new AppConfig(paths, gateway, clock, period, locale, staleContext, bundle);
    }

    /** The same set-up against a gateway at {@code uri} (team mode). */
    public AppConfig withGateway(URI uri) {
        return new AppConfig(paths, Optional.of(uri), clock, pollPeriod, locale, staleContext, bundle);
    }

    /** The same set-up opening only {@code file}, in auditor mode. */
    public AppConfig withBundle(Path file) {
        return new AppConfig(paths, Optional.empty(), clock, pollPeriod, locale, staleContext, Optional.of(file));
    }

    /** The data folder: keys, settings, the console's database with its outbox, the embedded gateway's data. */
    public Path dataDir() {
        return paths.data();
    }

    /** True if this run opens only a bundle (auditor mode). */
    public boolean auditor() {
        return bundle.isPresent();
    }

    /** Reads the command line; throws {@link IllegalArgumentException} with a message for the user. */
    public static AppConfig parse(List<String> args) {
        String dataDir = null;
        URI gateway = null;
        boolean insecure = false;
        Duration staleContext = DEFAULT_STALE_CONTEXT;
        Path bundle = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String value = null;
            int eq = arg.indexOf('=');
            String name = eq > 0 ? arg.substring(0, eq) : arg;
            if (eq > 0) {
                value = arg.substring(eq + 1);
            }
            switch (name) {
                case "--gateway" -> {
                    value = value != null ? value : next(args, ++i, name);
                    gateway = gatewayUri(value);
                }
                case "--insecure-http" -> insecure = true;
                case "--stale-context-minutes" -> staleContext = minutes(value != null ? value : next(args, ++i, name));
                case "--data-dir" -> {
                    dataDir = value != null ? value : next(args, ++i, name);
                    if (dataDir.isBlank()) {
                        throw new IllegalArgumentException("--data-dir needs a folder");
                    }
                }
                default -> {
                    if (arg.startsWith("-") && arg.length() > 1) {
                        throw new IllegalArgumentException("unknown option " + arg);
                    }
                    if (bundle != null) {
                        throw new IllegalArgumentException("one evidence bundle at a time: " + bundle + " and " + arg);
                    }
                    bundle = bundlePath(arg);
                }
            }
        }
        if (bundle != null && gateway != null) {
            throw new IllegalArgumentException("an evidence bundle opens on its own, with no gateway: leave out"
                    + " --gateway to open " + bundle);
        }
        if (gateway != null && "http".equals(gateway.getScheme()) && !loopback(gateway.getHost()) && !insecure) {
            throw new IllegalArgumentException("--gateway " + gateway + " is plain http to another machine: session"
                    + " tokens and signed decisions would cross the network unencrypted. Use https:// (a TLS"
                    + " proxy in front of the gateway), or --insecure-http in a lab.");
        }
        return new AppConfig(AppPaths.resolve(Optional.ofNullable(dataDir)), Optional.ofNullable(gateway),
                Clock.systemUTC(), DEFAULT_POLL, Locale.getDefault(), staleContext, Optional.ofNullable(bundle));
    }

    /** A file name, or a file: URI as a desktop may hand one over. */
    private static Path bundlePath(String arg) {
        try {
            if (arg.startsWith("file:")) {
                return Path.of(new URI(arg));
            }
            return Path.of(arg);
        } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            throw new IllegalArgumentException("not a file name: " + arg, e);
        }
    }

    /** Only a literal loopback address, or "localhost": never a name that merely starts like one. */
    static boolean loopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.matches("\\d{1,3}(\\.\\d{1,3}){3}") && !h.matches("[0-9a-fA-F:]+")) {
            return false; // a host name: resolving it here would trust DNS
        }
        try {
            return java.net.InetAddress.getByName(h).isLoopbackAddress(); // a literal: no lookup
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static Duration minutes(String text) {
        try {
            int minutes = Integer.parseInt(text);
            if (minutes < 1 || minutes > 7 * 24 * 60) {
                throw new NumberFormatException();
            }
            return Duration.ofMinutes(minutes);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--stale-context-minutes needs a whole number of minutes from 1 to"
                    + " 10080 (a week), not " + text);
        }
    }

    private static String next(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    private static URI gatewayUri(String text) {
        try {
            URI uri = new URI(text);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("--gateway needs an http(s) URL such as http://127.0.0.1:8470/");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--gateway: not a URL: " + text, e);
        }
    }
}
