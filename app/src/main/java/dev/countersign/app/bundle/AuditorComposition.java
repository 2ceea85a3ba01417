package dev.countersign.app.bundle;

import dev.countersign.app.BuildInfo;
import dev.countersign.app.common.Chips;
import dev.countersign.app.common.FxTaskRunner;
import dev.countersign.app.report.DecisionReportPdf;
import dev.countersign.app.report.ReportActions;
import dev.countersign.app.shell.AppIcons;
import dev.countersign.app.shell.FxDialogService;
import java.time.Clock;
import dev.countersign.app.common.Messages;
import dev.countersign.app.shell.DisplayPreferences;
import java.nio.file.Path;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root of auditor mode ({@code countersign FILE.csbundle}): only the bundle window, in the primary
 * stage. No gateway, no key, no first-run window, no cache; the theme is read from the data folder, never written.
 * The full console's root is {@code AppComposition}.
 */
public final class AuditorComposition implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditorComposition.class);

    private final Path bundle;
    private final Stage stage;
    private final Messages messages;
    private final FxTaskRunner runner = new FxTaskRunner();
    private final BundleOpener opener;
    private BundleWindow window;

    public AuditorComposition(Path bundle, Path dataDir, Locale locale, Stage stage) {
        this.bundle = bundle;
        this.stage = stage;
        AppIcons.apply(stage);
        messages = Messages.load(locale);
        new DisplayPreferences(dataDir).theme().apply();
        String stylesheet = AuditorComposition.class.getResource("/dev/countersign/app/app.css").toExternalForm();
        opener = new BundleOpener(messages, runner, Platform::runLater, stylesheet, () -> null);
        Clock clock = Clock.systemDefaultZone();
        // no key file in auditor mode: the dialogs only ever show errors and "report saved"
        FxDialogService dialogs = new FxDialogService(messages, () -> stage, stylesheet, null);
        ReportActions reports = new ReportActions(new DecisionReportPdf(messages, clock, BuildInfo.consoleVersion()),
                runner, dialogs, messages);
        BundleWiring.equip(opener, messages, clock, new Chips(messages), reports, () -> stage);
    }

    /** Shows the bundle's window and starts verifying it. */
    public void show() {
        // a bug in a UI callback: say so in words, keep the window open
        Thread.currentThread().setUncaughtExceptionHandler((thread, e) -> {
            LOG.error("unexpected failure on the UI thread", e);
            Alert alert = new Alert(Alert.AlertType.ERROR, messages.format("bundle.unexpected",
                    e.getClass().getSimpleName()));
            alert.setHeaderText(messages.get("error.title"));
            alert.show();
        });
        window = opener.open(bundle, stage);
    }

    /** The bundle opener: further bundles (dropped, or "Open another…") open in windows of their own. */
    public BundleOpener opener() {
        return opener;
    }

    /** The primary window (null before {@link #show()}). */
    public BundleWindow window() {
        return window;
    }

    @Override
    public void close() {
        if (window != null) {
            window.viewModel().cancel();
        }
        runner.close();
    }
}
