package dev.countersign.app;

import dev.countersign.app.bundle.AuditorComposition;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The JavaFX application: hands the stage to the composition root, which also sets the theme. A bundle named on the
 * command line starts auditor mode instead: only that bundle's window, with no gateway, key or cache.
 */
public final class CountersignApp extends Application {
    private AppConfig config;
    private AppComposition composition;
    private AuditorComposition auditor;

    /** Used by {@link Application#launch}: the configuration comes from the command line. */
    public CountersignApp() {
        this(null);
    }

    /** Used by tests: a given configuration (a temporary data folder, a fast poll). */
    public CountersignApp(AppConfig config) {
        this.config = config;
    }

    @Override
    public void init() {
        if (config == null) {
            List<String> raw = getParameters() == null ? List.of() : getParameters().getRaw();
            config = AppConfig.parse(raw);
        }
    }

    @Override
    public void start(Stage stage) {
        if (config == null) {
            init();
        }
        if (config.auditor()) {
            auditor = new AuditorComposition(config.bundle().orElseThrow(), config.dataDir(), config.locale(), stage);
            auditor.show();
            return;
        }
        composition = new AppComposition(config, stage);
        composition.show();
    }

    @Override
    public void stop() {
        if (composition != null) {
            composition.close();
        }
        if (auditor != null) {
            auditor.close();
        }
    }

    /** The object graph of this run, for tests and dev tools (null in auditor mode). */
    public AppComposition composition() {
        return composition;
    }

    /** The object graph of an auditor-mode run (null in a console run). */
    public AuditorComposition auditor() {
        return auditor;
    }
}
