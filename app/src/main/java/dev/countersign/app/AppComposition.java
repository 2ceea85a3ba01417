package dev.countersign.app;

import dev.countersign.app.cache.ConsoleCache;
import dev.countersign.app.bundle.BundleOpener;
import dev.countersign.app.bundle.BundleWiring;
import dev.countersign.app.bundle.EvidenceSource;
import dev.countersign.app.bundle.ExportDialog;
import dev.countersign.app.bundle.ExportViewModel;
import dev.countersign.app.bundle.FxBundleFiles;
import dev.countersign.app.oversight.OversightTexts;
import dev.countersign.app.oversight.OversightView;
import dev.countersign.app.oversight.OversightViewModel;
import dev.countersign.app.records.LiveRecords;
import dev.countersign.app.records.RecordTexts;
import dev.countersign.app.records.RecordsView;
import dev.countersign.app.records.RecordsViewModel;
import dev.countersign.app.report.DecisionReportPdf;
import dev.countersign.app.report.ReportActions;
import dev.countersign.app.report.ReportFacts;
import java.time.Clock;
import dev.countersign.app.cache.InspectedCacheFile;
import dev.countersign.app.common.Chips;
import dev.countersign.app.common.FxTaskRunner;
import dev.countersign.app.common.Messages;
import dev.countersign.app.common.TaskRunner;
import dev.countersign.app.common.TimeTexts;
import dev.countersign.app.common.UserErrors;
import dev.countersign.app.identity.KeyGate;
import dev.countersign.app.identity.KeysWindow;
import dev.countersign.app.identity.ReviewerKeys;
import dev.countersign.app.identity.SigningSession;
import dev.countersign.app.keys.SoftwareKeyFile;
import dev.countersign.app.queue.QueueTexts;
import dev.countersign.app.queue.QueueView;
import dev.countersign.app.queue.QueueViewModel;
import dev.countersign.app.queue.CriticalNotificationView;
import dev.countersign.app.queue.SavedFiltersViewModel;
import dev.countersign.app.review.AuthorityViewModel;
import dev.countersign.app.review.BulkApprovalDialog;
import dev.countersign.app.review.BulkApprovalViewModel;
import dev.countersign.app.review.DecisionViewModel;
import dev.countersign.app.review.ReviewView;
import dev.countersign.app.review.ReviewViewModel;
import dev.countersign.app.settings.ReviewerSettings;
import dev.countersign.app.settings.SavedFilterStore;
import dev.countersign.app.settings.SettingsStore;
import dev.countersign.app.shell.AboutWindow;
import dev.countersign.app.shell.AppIcons;
import dev.countersign.app.shell.ConsoleViewModel;
import dev.countersign.app.shell.FxDialogService;
import dev.countersign.app.shell.DisplayPreferences;
import dev.countersign.app.shell.MainWindow;
import dev.countersign.app.shell.Theme;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import dev.countersign.app.shell.StatusBarView;
import dev.countersign.app.shell.StatusViewModel;
import dev.countersign.app.sync.EmbeddedGatewayConnector;
import dev.countersign.app.sync.GatewayClient;
import dev.countersign.app.sync.GatewayConnection;
import dev.countersign.app.sync.GatewayConnector;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: builds the whole console with constructors, once, and tears it down. */
public final class AppComposition implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AppComposition.class);

    /** Roles the demo reviewer is enrolled with: enough to decide every tier of the demo policy. */
    public static final List<String> DEMO_ROLES = List.of("platform-security", "sre", "identity");
    public static final String DEMO_REVIEWER = "you@northwind.example";
    public static final String KEY_FILE = "reviewer-key.p12";
    public static final String SETTINGS_FILE = "settings.json";

    private final AppConfig config;
    private final Stage stage;
    private final TaskRunner runner = new FxTaskRunner();
    private final OkHttpClient http = GatewayClient.defaultHttp();
    private final ConsoleViewModel console;
    private final QueueViewModel queue;
    private final SigningSession session = new SigningSession();
    private final Scene scene;
    private final FxDialogService dialogs;
    private final Messages messages;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final BundleOpener bundles;
    private final RecordsViewModel records;

    public AppComposition(AppConfig config, Stage stage) {
        this.config = config;
        this.stage = stage;
        AppIcons.apply(stage);
        messages = Messages.load(config.locale());
        TimeTexts time = new TimeTexts(messages, ZoneId.systemDefault());
        QueueTexts texts = new QueueTexts(messages, time);
        Chips chips = new Chips(messages);
        UserErrors errors = new UserErrors(messages);
        String stylesheet = AppComposition.class.getResource("app.css").toExternalForm();
        Path dataDir = config.dataDir();
        DisplayPreferences preferences = new DisplayPreferences(dataDir);
        theme.set(preferences.theme());
        theme.get().apply();

        SoftwareKeyFile keyFile = new SoftwareKeyFile(dataDir.resolve(KEY_FILE));
        ReviewerKeys keys = new ReviewerKeys(keyFile, new SettingsStore(dataDir.resolve(SETTINGS_FILE)));
        dialogs = new FxDialogService(messages, () -> stage, stylesheet, keyFile.path());
        KeyGate keyGate = new KeyGate(messages, runner, dialogs, dialogs, keys, session,
                defaultReviewer(messages));

        queue = new QueueViewModel(runner, config.clock(), texts, errors, Platform::runLater);
        ReviewViewModel review = new ReviewViewModel(queue, config.clock(), config.staleContext(), messages, time,
                runner);
        AuthorityViewModel authority = new AuthorityViewModel(messages, review.shownProperty(),
                session.knownProperty());
        DecisionViewModel decision = new DecisionViewModel(messages, runner, config.clock(), review, authority,
                keyGate, session, queue);
        StatusViewModel status = new StatusViewModel(messages, time, queue, session);
        GatewayConnector connector = config.gateway()
                .<GatewayConnector>map(uri -> () -> GatewayConnection.remote(uri))
                .orElseGet(() -> new EmbeddedGatewayConnector(dataDir.resolve("gateway")));
        console = new ConsoleViewModel(messages, runner, connector, uri -> new GatewayClient(uri, http), keyGate,
                session, Platform::runLater, queue, review, decision, status, dialogs, config.clock(),
                BuildInfo.consoleVersion(), config.pollPeriod(), ConsoleCache.stem(dataDir, config.gateway()),
                InspectedCacheFile.check());

        KeysWindow keysWindow = new KeysWindow(messages, runner, keys, session, keyGate, stylesheet, config.clock(),
                console::keyRotated);
        keysWindow.blockRotationWhile(queue.waitingProperty());
        SavedFiltersViewModel savedFilters = new SavedFiltersViewModel(queue,
                new SavedFilterStore(dataDir.resolve(SavedFilterStore.FILE), config.clock()), runner, messages, errors);
        savedFilters.load();
        new CriticalNotificationView(queue, messages, () -> stage);
        BulkApprovalDialog bulk = new BulkApprovalDialog(new BulkApprovalViewModel(messages, runner, config.clock(),
                keyGate, session, queue, decision.submitterProperty()), messages, stylesheet, () -> stage);
        queue.setBulkApprovalHandler(bulk::open);
        AboutWindow about = new AboutWindow(messages, stylesheet, config.paths());
        // records, oversight, evidence bundles and reports; record dates follow the zone times are shown in
        Clock zoned = config.clock().withZone(ZoneId.systemDefault());
        ReportActions reports = new ReportActions(new DecisionReportPdf(messages, zoned, BuildInfo.consoleVersion()),
                runner, dialogs, messages);
        bundles = new BundleOpener(messages, runner, Platform::runLater, stylesheet,
                BundleOpener.knownGatewayOf(console::cache));
        BundleWiring.equip(bundles, messages, zoned, chips, reports, () -> stage);
        ExportDialog export = new ExportDialog(new ExportViewModel(messages, runner, Platform::runLater,
                EvidenceSource.of(console::cache), keyGate::withSigner, new FxBundleFiles(messages, () -> stage),
                session.knownProperty()::get, config.clock(), BuildInfo.consoleVersion()),
                messages, stylesheet, () -> stage, bundles::open);
        LiveRecords live = new LiveRecords(console::cache);
        records = RecordsViewModel.live(runner, zoned, live, errors, new RecordsViewModel.Actions(export::open,
                row -> reports.saveDecision(stage, row, ReportFacts.of(zoned.instant(), BuildInfo.consoleVersion(),
                        live.lastResult()))));
        // what the records view shows follows the cache: once it is open, and after every sync round
        queue.lastSyncProperty().addListener((obs, old, synced) -> records.reload());
        MainWindow window = new MainWindow(messages, new QueueView(queue, messages, chips, savedFilters),
                new ReviewView(review, decision, authority, messages, texts, chips, time, config.clock()),
                new StatusBarView(status, console::signIn, messages.get("status.signIn"),
                        () -> queue.notRecorded().stream().findFirst().ifPresent(decision::showRefused),
                        messages.get("status.outbox.refused.a11y")),
                new RecordsView(records, new RecordTexts(messages, time, zoned.getZone()), chips),
                new OversightView(new OversightViewModel(records, zoned,
                        new OversightTexts(messages, time, zoned.getZone()))),
                new MainWindow.Actions(() -> keysWindow.show(stage), console::signIn, keyGate::lockNow,
                        console::signOut, stage::close, () -> bundles.chooseAndOpen(stage), bundles::open,
                        () -> about.show(stage)), theme);
        scene = new Scene(window.root(), 1280, 800);
        theme.addListener((obs, old, latest) -> {
            latest.apply();
            runner.run("remember the theme", () -> {
                preferences.remember(latest);
                return null;
            }, ignored -> { }, e -> LOG.warn("cannot remember the theme", e));
        });
        scene.getStylesheets().add(stylesheet);
    }

    /** Shows the window and starts connecting. */
    public void show() {
        // a bug in a UI callback: say so in words, offer the details, keep the console running
        Thread.currentThread().setUncaughtExceptionHandler((thread, e) -> {
            LOG.error("unexpected failure on the UI thread", e);
            dialogs.showError(messages.get("error.title"), messages.format("error.unexpected",
                    e.getClass().getSimpleName()), UserErrors.details(e));
        });
        stage.titleProperty().bind(console.titleProperty());
        stage.setScene(scene);
        stage.setMinWidth(1024);
        stage.setMinHeight(700);
        console.start(); // the cache opens in the background while the window is first laid out
        stage.show();
    }

    @Override
    public void close() {
        console.stop();
        runner.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** The demo identity the first-run window suggests; the reviewer may change it. */
    private static ReviewerSettings defaultReviewer(Messages messages) {
        String fallback = messages.get("firstRun.defaultDisplayName");
        return new ReviewerSettings(DEMO_REVIEWER, displayName(System.getProperty("user.name", ""), fallback),
                DEMO_ROLES);
    }

    /** "dana.reyes" → "Dana Reyes"; an empty or system account name gives the fallback. */
    static String displayName(String osUser, String fallback) {
        if (osUser == null || osUser.isBlank() || osUser.equals("root")) {
            return fallback;
        }
        StringBuilder name = new StringBuilder();
        for (String part : osUser.split("[._\\-\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            if (name.length() > 0) {
                name.append(' ');
            }
            name.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
        }
        return name.length() == 0 ? fallback : name.toString();
    }

    public AppConfig config() {
        return config;
    }

    public Scene scene() {
        return scene;
    }

    public QueueViewModel queue() {
        return queue;
    }

    public SigningSession session() {
        return session;
    }

    /** The console's look; setting it restyles every window and is remembered for the next start. */
    public ObjectProperty<Theme> theme() {
        return theme;
    }

    /** Opens evidence bundles in windows of their own. */
    public BundleOpener bundles() {
        return bundles;
    }

    /** The records view's model: every decision the console can see, verified. */
    public RecordsViewModel records() {
        return records;
    }

    public ConsoleViewModel console() {
        return console;
    }
}
