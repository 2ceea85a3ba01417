package dev.countersign.app.support;

import dev.countersign.app.AppConfig;
import dev.countersign.app.CountersignApp;
import dev.countersign.app.identity.SigningSession;
import dev.countersign.app.queue.QueueRow;
import dev.countersign.app.settings.UnlockPeriod;
import dev.countersign.model.ActionType;
import dev.countersign.model.RiskTier;
import dev.countersign.model.api.ProposalView;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Starts the real console (and with it the real embedded gateway) in a given data folder and offers the few steps
 * the UI tests and the screenshot tool need. Everything else is done with a TestFX robot, as a user would.
 */
public final class ConsoleDriver {
    private final CountersignApp app;
    private final Stage stage;
    private final FxRobot robot = new FxRobot();

    private ConsoleDriver(CountersignApp app, Stage stage) {
        this.app = app;
        this.stage = stage;
    }

    public static ConsoleDriver start(Path dataDir, Duration poll) throws TimeoutException {
        return start(AppConfig.embedded(dataDir).withPollPeriod(poll));
    }

    /** The console with a set-up of the caller's (e.g. team mode against a gateway the test runs). */
    public static ConsoleDriver start(AppConfig config) throws TimeoutException {
        Stage stage = FxToolkit.registerPrimaryStage();
        CountersignApp app = (CountersignApp) FxToolkit.setupApplication(() -> new CountersignApp(config));
        return new ConsoleDriver(app, stage);
    }

    public void stop() throws TimeoutException {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    public FxRobot robot() {
        return robot;
    }

    public Stage stage() {
        return stage;
    }

    public CountersignApp app() {
        return app;
    }

    /**
     * Answers the first-run window: the passphrase twice, kept unlocked for 15 minutes (so signing in and the first
     * decisions share one unlock), then Create; waits until the key is enrolled.
     */
    public void createKey(String passphrase) throws TimeoutException {
        PasswordField first = awaitNode("#newPassphrase", Duration.ofSeconds(30));
        PasswordField confirm = robot.lookup("#confirmPassphrase").query();
        @SuppressWarnings("unchecked")
        ComboBox<UnlockPeriod> period = robot.lookup("#firstRunUnlockPeriod").query();
        robot.interact(() -> {
            first.setText(passphrase);
            confirm.setText(passphrase);
            period.setValue(UnlockPeriod.FIFTEEN_MINUTES);
        });
        robot.interact(() -> robot.lookup("#createKey").queryButton().fire());
        awaitGone("#newKeyDialog", Duration.ofSeconds(60));
        await(Duration.ofSeconds(30), () -> app.composition().session().enrollmentProperty().get()
                == SigningSession.Enrollment.ENROLLED);
    }

    /** Waits until the gateway answered and the queue holds at least {@code rows} rows. */
    public void awaitQueue(int rows) throws TimeoutException {
        await(Duration.ofSeconds(30), () -> app.composition() != null
                && app.composition().queue().rows().size() >= rows);
    }

    public URI gatewayUri() {
        return app.composition().console().gatewayUriProperty().get();
    }

    /** Waits until a node matching the query is showing, and returns it. */
    public <T extends Node> T awaitNode(String query, Duration timeout) throws TimeoutException {
        await(timeout, () -> robot.lookup(query).tryQuery().filter(Node::isVisible)
                .filter(n -> n.getScene() != null && n.getScene().getWindow() != null
                        && n.getScene().getWindow().isShowing()).isPresent());
        return robot.lookup(query).query();
    }

    public boolean showing(String query) {
        return robot.lookup(query).tryQuery().filter(n -> n.getScene() != null
                && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing()).isPresent();
    }

    public void awaitGone(String query, Duration timeout) throws TimeoutException {
        await(timeout, () -> !showing(query));
    }

    public static void await(Duration timeout, Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS, () -> {
            try {
                return WaitForAsyncUtils.asyncFx(condition).get();
            } catch (Exception e) {
                return false;
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The first queue row whose proposal matches. */
    public Optional<QueueRow> row(Predicate<ProposalView> matching) {
        return app.composition().queue().rows().stream().filter(r -> matching.test(view(r))).findFirst();
    }

    /** The whole proposal of a row, as the console's cache holds it now. */
    public ProposalView view(QueueRow row) {
        return app.composition().queue().view(row.id()).orElseThrow();
    }

    public static Predicate<ProposalView> is(ActionType action, RiskTier tier, String environment) {
        return v -> v.proposal().actionType() == action && v.proposal().riskTier() == tier
                && v.proposal().environment().equals(environment);
    }

    /** Clicks the row in the queue table, scrolling to it first. */
    public void select(QueueRow row) {
        TableView<QueueRow> table = robot.lookup("#queueTable").queryTableView();
        robot.interact(() -> table.scrollTo(row));
        WaitForAsyncUtils.waitForFxEvents();
        Node cell = robot.lookup("#queueTable .table-row-cell")
                .match((Node n) -> n instanceof TableRow<?> r && r.getItem() == row).query();
        robot.clickOn(cell);
        WaitForAsyncUtils.waitForFxEvents();
    }

    public Window window() {
        return stage;
    }
}
