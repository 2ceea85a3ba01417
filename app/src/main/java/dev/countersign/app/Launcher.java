package dev.countersign.app;

import dev.countersign.app.bundle.VerifyCommand;
import dev.countersign.app.cache.InspectedCacheFile;
import dev.countersign.app.settings.AppPaths;
import java.util.List;
import javafx.application.Application;

/**
 * The entry point. It does not extend {@link Application}, so the console runs with JavaFX on the class path
 * ({@code mvn -pl app javafx:run}, or {@code java -cp ... dev.countersign.app.Launcher}). {@code verify FILE} runs
 * the headless verify command before any toolkit or logger starts (no display needed); a bundle file named alone
 * opens only that bundle (auditor mode).
 */
public final class Launcher {
    /** Where JavaFX's NativeLibLoader extracts its native libraries. */
    static final String JAVAFX_CACHE_PROPERTY = "javafx.cachedir";

    private Launcher() {}

    public static void main(String[] args) {
        if (VerifyCommand.handles(List.of(args))) {
            logToStderrOnly();
            System.exit(VerifyCommand.run(List.of(args).subList(1, args.length), System.out, System.err));
            return;
        }
        AppConfig config;
        try {
            if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
                System.out.print(AppConfig.USAGE);
                return;
            }
            config = AppConfig.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("countersign: " + e.getMessage());
            System.err.print(AppConfig.USAGE);
            System.exit(2);
            return;
        }
        useCacheFolderForJavaFx(config.paths());
        if (config.auditor()) {
            logToStderrOnly(); // an auditor's machine: opening a bundle writes no log, settings or database
        } else {
            // before the first logger exists: logback.xml writes its rolling file here. An explicit
            // -Dcountersign.logDir was already weighed by AppPaths, so this never overrides a stronger setting.
            System.setProperty(AppPaths.LOG_PROPERTY, config.paths().logs().toString());
            InspectedCacheFile.prepareInBackground(); // overlaps the toolkit's start
        }
        Application.launch(CountersignApp.class, args);
    }

    /**
     * Before the toolkit starts: JavaFX run from its jars (not from an installed runtime image) extracts its native
     * libraries at first run, by default into {@code ~/.openjfx/cache}. They belong in the cache folder, in both
     * modes, since JavaFX writes them either way. A {@code -Djavafx.cachedir} given by the user is left alone.
     */
    static void useCacheFolderForJavaFx(AppPaths paths) {
        if (System.getProperty(JAVAFX_CACHE_PROPERTY) == null) {
            System.setProperty(JAVAFX_CACHE_PROPERTY, paths.cache().resolve("openjfx").toString());
        }
    }

    /** Before the first logger exists: warnings go to stderr and no log file is written. */
    private static void logToStderrOnly() {
        System.setProperty("logback.configurationFile", "logback-stderr.xml");
    }
}
