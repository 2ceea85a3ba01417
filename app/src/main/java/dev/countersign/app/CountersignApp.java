package dev.countersign.app;

import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: hands the stage to the composition root, which also sets the theme. */
public final class CountersignApp extends Application {
    private AppConfig config;
    private AppComposition composition;

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
        composition = new AppComposition(config, stage);
        composition.show();
    }

    @Override
    public void stop() {
        if (composition != null) {
            composition.close();
        }
    }

    /** The object graph of this run, for tests and dev tools. */
    public AppComposition composition() {
        return composition;
    }
}
