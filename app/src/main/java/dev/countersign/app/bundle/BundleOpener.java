package dev.countersign.app.bundle;

import dev.countersign.app.cache.ConsoleCache;
import dev.countersign.app.common.Messages;
import dev.countersign.app.common.Verification;
import dev.countersign.app.common.TaskRunner;
import dev.countersign.app.common.TimeTexts;
import dev.countersign.app.records.RecordRow;
import dev.countersign.app.shell.AppIcons;
import dev.countersign.model.bundle.BundleReport;
import dev.countersign.model.bundle.BundleVerifier;
import dev.countersign.model.crypto.KeyIds;
import dev.countersign.model.crypto.PublicKeys;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Opens evidence bundles, each in a window of its own, verified offline: from File → Open
 * ({@link #chooseAndOpen(Window)}), a drop ({@link #open(Path)}) or the command line (auditor mode, in the primary
 * stage: {@link #open(Path, Stage)}). UI-thread object.
 */
public final class BundleOpener {
    private final Messages messages;
    private final TaskRunner runner;
    private final Executor uiThread;
    private final String stylesheet;
    private final Supplier<String> knownGatewayKeyId;
    private final TimeTexts time;
    private final List<BundleWindow> windows = new ArrayList<>();
    private Function<List<RecordRow>, Node> recordsView;
    private Consumer<RecordRow> decisionReport;
    private Consumer<BundleReport> summaryReport;
    private PublicKey pinnedGatewayKey;
    private BundleViewModel.Verifier verifier = (file, pinned, threads, progress) ->
            BundleVerifier.verify(file, pinned, threads, progress, Verification.provider());
    private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

    /**
     * @param uiThread          hands progress to the UI thread ({@code Platform::runLater})
     * @param stylesheet        the console's app.css
     * @param knownGatewayKeyId the key id of the gateway this console is bound to, or null while not known (and
     *                          always in auditor mode); see {@link #knownGatewayOf}
     */
    public BundleOpener(Messages messages, TaskRunner runner, Executor uiThread, String stylesheet,
            Supplier<String> knownGatewayKeyId) {
        this.messages = messages;
        this.runner = runner;
        this.uiThread = uiThread;
        this.stylesheet = stylesheet;
        this.knownGatewayKeyId = knownGatewayKeyId == null ? () -> null : knownGatewayKeyId;
        this.time = new TimeTexts(messages, ZoneId.systemDefault());
        this.recordsView = BundleRecordsView.factory(messages, time);
    }

    /**
     * The key id of the gateway whose checkpoints the console's cache holds (null while it holds none): the
     * {@code knownGatewayKeyId} of a console's opener. It reads the cache, so it is asked off the UI thread.
     */
    public static Supplier<String> knownGatewayOf(Supplier<Optional<ConsoleCache>> cache) {
        return () -> cache.get().flatMap(c -> c.evidence().checkpoint())
                .map(held -> KeyIds.of(PublicKeys.fromBase64(held.gatewayPublicKey()))).orElse(null);
    }

    /** The records table of each window: the console's read-only records view. Default: a simple table. */
    public void setRecordsView(Function<List<RecordRow>, Node> factory) {
        recordsView = Objects.requireNonNull(factory);
    }

    /** "Decision report (PDF)…" on the selected record; without it the button is not shown. */
    public void setDecisionReport(Consumer<RecordRow> handler) {
        decisionReport = handler;
    }

    /** "Bundle summary (PDF)…"; without it the button is not shown. */
    public void setSummaryReport(Consumer<BundleReport> handler) {
        summaryReport = handler;
    }

    /** A gateway key to hold every bundle to (obtained out of band), or null to take each bundle's own. */
    public void setPinnedGatewayKey(PublicKey key) {
        pinnedGatewayKey = key;
    }

    /** How many threads check a bundle's records. */
    public void setThreads(int count) {
        threads = Math.max(1, count);
    }

    void setVerifier(BundleViewModel.Verifier standIn) {
        verifier = standIn;
    }

    /** File → Open evidence bundle…: asks which file, then opens it. */
    public void chooseAndOpen(Window owner) {
        new FxBundleFiles(messages, () -> owner).chooseBundle().ifPresent(this::open);
    }

    /** Opens {@code bundle} in a new window and starts verifying it. */
    public BundleWindow open(Path bundle) {
        Stage stage = new Stage();
        AppIcons.apply(stage);
        return open(bundle, stage);
    }

    /** Opens {@code bundle} in the given stage (auditor mode: the primary stage) and starts verifying it. */
    public BundleWindow open(Path bundle, Stage stage) {
        BundleViewModel vm = new BundleViewModel(messages, runner, uiThread, time, verifier, pinnedGatewayKey,
                knownGatewayKeyId, threads);
        BundleWindow window = new BundleWindow(vm, messages, stage, stylesheet, recordsView, decisionReport,
                summaryReport, this::open, () -> chooseAndOpen(stage));
        windows.add(window);
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> windows.remove(window));
        window.show();
        vm.open(bundle);
        return window;
    }

    /** The bundle windows open now. */
    public List<BundleWindow> windows() {
        return List.copyOf(windows);
    }
}
