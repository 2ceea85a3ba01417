package dev.countersign.app.settings;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The three folders the console writes to (ADR 0013), each where its system expects it:
 * <ul>
 *   <li>{@code data}: what cannot be made again. The reviewer's key file and its public key (keys live in the data
 *       folder: a separate keys folder would be one more to back up, and the key file is encrypted), settings,
 *       display preferences, saved filters, the embedded gateway's data ({@code gateway/}) and the console's
 *       database per gateway ({@code cache/}), which holds the <em>outbox</em> of decisions signed offline and not
 *       sent yet, so it is data, not cache.</li>
 *   <li>{@code cache}: only what can be made again and may be deleted at any time (JavaFX's extracted native
 *       libraries, {@code openjfx/}).</li>
 *   <li>{@code logs}: the rolling log.</li>
 * </ul>
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th></th><th>data</th><th>cache</th><th>logs</th></tr>
 *   <tr><td>Linux, other Unix</td><td>{@code $XDG_DATA_HOME/countersign}, else
 *       {@code ~/.local/share/countersign}</td><td>{@code $XDG_CACHE_HOME/countersign}, else
 *       {@code ~/.cache/countersign}</td><td>{@code $XDG_STATE_HOME/countersign/logs}, else
 *       {@code ~/.local/state/countersign/logs}</td></tr>
 *   <tr><td>Windows</td><td>{@code %APPDATA%\Countersign}</td><td>{@code %LOCALAPPDATA%\Countersign\Cache}</td>
 *       <td>{@code %LOCALAPPDATA%\Countersign\Logs}</td></tr>
 *   <tr><td>macOS</td><td>{@code ~/Library/Application Support/Countersign}</td>
 *       <td>{@code ~/Library/Caches/Countersign}</td><td>{@code ~/Library/Logs/Countersign}</td></tr>
 * </table>
 * A relative {@code XDG_*} value is ignored and {@code ~} is {@code $HOME}, as the XDG base directory specification
 * says ({@code user.home} only if {@code $HOME} is unset or relative); an unset or relative
 * {@code %APPDATA%} or {@code %LOCALAPPDATA%} falls back to {@code user.home\AppData\Roaming} or {@code \Local}.
 *
 * <p><b>Settings, strongest first.</b> Each folder takes the first of:
 * <ol>
 *   <li>the command line: {@code --data-dir DIR} puts all three under {@code DIR} ({@link #under});</li>
 *   <li>system properties: {@value #CACHE_PROPERTY} or {@value #LOG_PROPERTY} for that folder, else
 *       {@value #DATA_PROPERTY} for all three as with {@code --data-dir};</li>
 *   <li>environment: {@value #CACHE_ENV} or {@value #LOG_ENV} for that folder, else {@value #DATA_ENV} for all
 *       three;</li>
 *   <li>the system's default above.</li>
 * </ol>
 * Blank values count as unset; a relative one is taken from the working folder (the user named it).
 */
public record AppPaths(Path data, Path cache, Path logs) {
    public static final String DATA_PROPERTY = "countersign.dataDir";
    public static final String CACHE_PROPERTY = "countersign.cacheDir";
    /** Also what logback.xml reads: the launcher sets it to {@link #logs()} before the first logger exists. */
    public static final String LOG_PROPERTY = "countersign.logDir";
    public static final String DATA_ENV = "COUNTERSIGN_DATA_DIR";
    public static final String CACHE_ENV = "COUNTERSIGN_CACHE_DIR";
    public static final String LOG_ENV = "COUNTERSIGN_LOG_DIR";
    /**
     * The cache's place in one folder holding everything. Not {@code cache/}: that name was taken, long before
     * there was an OS cache folder, by the console's databases, whose outbox must never be thrown away with a cache.
     */
    static final String CACHE_UNDER_DATA = "disposable-cache";
    static final String LOGS_UNDER_DATA = "logs";

    public AppPaths {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(logs, "logs");
    }

    /** Everything in one folder (tests, portable use, {@code --data-dir}): {@code DIR}, its cache and its logs. */
    public static AppPaths under(Path dir) {
        Path data = dir.toAbsolutePath();
        return new AppPaths(data, data.resolve(CACHE_UNDER_DATA), data.resolve(LOGS_UNDER_DATA));
    }

    /**
     * This process's folders: {@code dataDirFlag} from the command line, then this JVM's system properties and
     * environment, then the defaults of the system it runs on.
     *
     * @throws IllegalArgumentException if a setting is not a folder name, or a default is needed and the home
     *                                  folder is unknown
     */
    public static AppPaths resolve(Optional<String> dataDirFlag) {
        Map<String, String> properties = new HashMap<>();
        for (String name : List.of(DATA_PROPERTY, CACHE_PROPERTY, LOG_PROPERTY)) {
            String value = System.getProperty(name);
            if (value != null) {
                properties.put(name, value);
            }
        }
        return resolve(System.getProperty("os.name", ""), System.getenv(), System.getProperty("user.home", ""),
                dataDirFlag, properties);
    }

    /**
     * The rule itself, pure, so that every system's defaults can be tested anywhere: {@code osName} as in the
     * {@code os.name} property, {@code env} the environment, {@code home} the {@code user.home} property, then the
     * overrides: {@code dataDirFlag} from the command line and {@code properties} the system properties.
     */
    static AppPaths resolve(String osName, Map<String, String> env, String home, Optional<String> dataDirFlag,
            Map<String, String> properties) {
        List<Level> levels = List.of(
                new Level("--data-dir", dataDirFlag.orElse(null), null, null, null, null),
                new Level(DATA_PROPERTY, properties.get(DATA_PROPERTY), CACHE_PROPERTY,
                        properties.get(CACHE_PROPERTY), LOG_PROPERTY, properties.get(LOG_PROPERTY)),
                new Level(DATA_ENV, env.get(DATA_ENV), CACHE_ENV, env.get(CACHE_ENV), LOG_ENV, env.get(LOG_ENV)));
        Defaults defaults = Defaults.of(osName, env, home);
        Path data = first(levels, Level::data).orElseGet(defaults::data);
        Path cache = first(levels, level -> level.cache().or(() -> level.data()
                .map(dir -> dir.resolve(CACHE_UNDER_DATA)))).orElseGet(defaults::cache);
        Path logs = first(levels, level -> level.logs().or(() -> level.data()
                .map(dir -> dir.resolve(LOGS_UNDER_DATA)))).orElseGet(defaults::logs);
        return new AppPaths(data, cache, logs);
    }

    private static Optional<Path> first(List<Level> levels, Function<Level, Optional<Path>> folder) {
        return levels.stream().map(folder).flatMap(Optional::stream).findFirst();
    }

    /** The settings one source gives: a data folder, and for the cache or the logs a folder of their own. */
    private record Level(String dataName, String dataValue, String cacheName, String cacheValue, String logsName,
            String logsValue) {
        Optional<Path> data() {
            return folder(dataName, dataValue);
        }

        Optional<Path> cache() {
            return folder(cacheName, cacheValue);
        }

        Optional<Path> logs() {
            return folder(logsName, logsValue);
        }

        private static Optional<Path> folder(String name, String value) {
            if (value == null || value.isBlank()) {
                return Optional.empty();
            }
            try {
                return Optional.of(Path.of(value).toAbsolutePath());
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException(name + " is not a folder name: " + value, e);
            }
        }
    }

    /**
     * A system's own folders, each worked out only when asked for, so that an unknown home folder is an error only
     * if a folder was not set otherwise. Windows paths are joined as text, so that they read right on any system.
     */
    private record Defaults(Kind kind, Map<String, String> env, String home) {
        enum Kind { UNIX, WINDOWS, MAC }

        static Defaults of(String osName, Map<String, String> env, String home) {
            String os = osName.toLowerCase(Locale.ROOT);
            Kind kind = os.startsWith("windows") ? Kind.WINDOWS
                    : os.startsWith("mac") || os.startsWith("darwin") ? Kind.MAC : Kind.UNIX;
            return new Defaults(kind, env, home == null ? "" : home);
        }

        Path data() {
            return switch (kind) {
                case UNIX -> xdg("XDG_DATA_HOME", ".local/share").resolve("countersign");
                case WINDOWS -> windows("APPDATA", "Roaming", "Countersign");
                case MAC -> Path.of(homeFolder(), "Library", "Application Support", "Countersign");
            };
        }

        Path cache() {
            return switch (kind) {
                case UNIX -> xdg("XDG_CACHE_HOME", ".cache").resolve("countersign");
                case WINDOWS -> windows("LOCALAPPDATA", "Local", "Countersign\\Cache");
                case MAC -> Path.of(homeFolder(), "Library", "Caches", "Countersign");
            };
        }

        Path logs() {
            return switch (kind) {
                case UNIX -> xdg("XDG_STATE_HOME", ".local/state").resolve("countersign").resolve("logs");
                case WINDOWS -> windows("LOCALAPPDATA", "Local", "Countersign\\Logs");
                case MAC -> Path.of(homeFolder(), "Library", "Logs", "Countersign");
            };
        }

        /**
         * {@code $VARIABLE} if it is an absolute path, else {@code $HOME/fallback} (the XDG rules; Java's
         * {@code user.home} comes from the password database and ignores {@code $HOME}, so it is only the last resort).
         */
        private Path xdg(String variable, String fallback) {
            String value = env.get(variable);
            if (value != null && value.startsWith("/")) {
                return Path.of(value);
            }
            String xdgHome = env.get("HOME");
            return Path.of(xdgHome != null && xdgHome.startsWith("/") ? xdgHome : homeFolder(), fallback.split("/"));
        }

        /** {@code %VARIABLE%\leaf} if it is an absolute Windows path, else {@code home\AppData\fallback\leaf}. */
        private Path windows(String variable, String fallback, String leaf) {
            String value = env.get(variable);
            String base = value != null && windowsAbsolute(value) ? value
                    : trimSeparators(homeFolder()) + "\\AppData\\" + fallback;
            return Path.of(trimSeparators(base) + "\\" + leaf);
        }

        private String homeFolder() {
            boolean absolute = kind == Kind.WINDOWS ? windowsAbsolute(home) : home.startsWith("/");
            if (!absolute) {
                throw new IllegalArgumentException("the home folder is not known (user.home is \"" + home
                        + "\"): name a data folder with --data-dir DIR or " + DATA_ENV);
            }
            return home;
        }

        private static boolean windowsAbsolute(String path) {
            return path.matches("[A-Za-z]:[\\\\/].*") || path.startsWith("\\\\");
        }

        private static String trimSeparators(String path) {
            String trimmed = path;
            while (trimmed.endsWith("\\") || trimmed.endsWith("/")) {
                trimmed = trimmed.substring(0, trimmed.length() - 1);
            }
            return trimmed;
        }
    }
}
