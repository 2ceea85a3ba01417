package dev.countersign.app.tools;

import dev.countersign.app.identity.SigningSession;
import dev.countersign.app.queue.QueueFilter;
import dev.countersign.app.queue.QueueViewModel;
import dev.countersign.model.DependentWorkload;
import dev.countersign.model.Proposal;
import dev.countersign.model.ProposalStatus;
import dev.countersign.model.ProposalSubmission;
import dev.countersign.model.json.Json;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import dev.countersign.app.queue.QueueRow;
import dev.countersign.app.settings.UnlockPeriod;
import dev.countersign.app.shell.DisplayPreferences;
import dev.countersign.app.shell.MainWindow;
import dev.countersign.app.shell.Theme;
import dev.countersign.app.support.ConsoleDriver;
import dev.countersign.model.ActionType;
import dev.countersign.model.ReasonCode;
import dev.countersign.model.RiskTier;
import dev.countersign.model.Verdict;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.PasswordField;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Dev tool, not a test: the pictures of docs/user-guide.md. Starts the real console with a fresh data folder on a real
 * display (run it under Xvfb) in the theme named, and walks a reviewer's session through the demo world: first run,
 * the review of the critical prod rotation, the blast-radius graph with a workload selected, the lower panes, the
 * hostile proposal's claim and parameters, a critical approval with the typed name and a window, the recorded
 * decision, the filtered queue, a refused and a granted bulk approval, and the notification of a new critical
 * proposal. Arguments: output folder, width, height, theme ("light" or "dark"). See docs/user-guide.md for the command.
 */
public final class ScreenshotTour {
    static final String PASSPHRASE = "correct horse battery staple";
    private ScreenshotTour() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/images").toAbsolutePath();
        int width = args.length > 1 ? Integer.parseInt(args[1]) : 1280;
        int height = args.length > 2 ? Integer.parseInt(args[2]) : 800;
        Theme theme = theme(args, 3);
        String suffix = suffix(theme);
        Files.createDirectories(out);
        Path home = Files.createTempDirectory("countersign-tour");
        System.setProperty("user.home", home.toString()); // so the first-run window shows ~/.local/share/…
        Path dataDir = Files.createDirectories(home.resolve(".local/share/countersign"));
        System.setProperty("countersign.logDir", dataDir.resolve("logs").toString());
        new DisplayPreferences(dataDir).remember(theme);
        ConsoleDriver console = ConsoleDriver.start(dataDir, Duration.ofSeconds(30));
        try {
            PasswordField passphrase = fillFirstRun(console, width, height);
            pause(600); // the queue fills once the new key signs in, so the first-run window shows alone
            snapshot(passphrase.getScene(), out.resolve("first-run" + suffix + ".png"));
            console.robot().interact(() -> console.robot().lookup("#createKey").queryButton().fire());
            console.awaitGone("#newKeyDialog", Duration.ofSeconds(60));
            ConsoleDriver.await(Duration.ofSeconds(30), () -> console.app().composition().session()
                    .enrollmentProperty().get() == SigningSession.Enrollment.ENROLLED);
            console.awaitQueue(14);
            QueueViewModel queue = console.app().composition().queue();
            Scene main = console.stage().getScene();

            QueueRow rotation = console.row(ConsoleDriver.is(ActionType.ROTATE_CREDENTIAL, RiskTier.CRITICAL, "prod"))
                    .orElseThrow(() -> new IllegalStateException("no critical prod rotation in the demo queue"));
            show(console, rotation);
            fillApproval(console, "CHG-4471 checked with payments on-call; settlement batch paused for the overlap.");
            pause(800);
            snapshot(main, out.resolve("console-demo" + suffix + ".png"));

            // the blast radius of the proposal that reaches furthest, its deepest workload selected; then lower
            QueueRow widest = queue.rows().stream().max(Comparator.comparingInt(
                    r -> console.view(r).context().dependentWorkloads().size())).orElseThrow();
            show(console, widest);
            List<DependentWorkload> workloads = console.view(widest).context().dependentWorkloads();
            String deepest = workloads.get(workloads.size() - 1).id();
            console.robot().interact(() -> console.robot().lookup("#workloadNode-" + deepest).query().requestFocus());
            console.robot().type(KeyCode.ENTER);
            pause(600);
            snapshot(main, out.resolve("review-graph" + suffix + ".png"));
            scrollTo(console, console.robot().lookup("#dependentWorkloads").query());
            pause(500);
            snapshot(main, out.resolve("review-lower" + suffix + ".png"));

            // the demo's hostile proposal: hidden characters and a look-alike, revealed
            QueueRow hostile = console.row(v -> v.proposal().intent().contains("CHG-4911"))
                    .orElseThrow(() -> new IllegalStateException("no hostile proposal in the demo queue"));
            show(console, hostile);
            scrollTo(console, console.robot().lookup("#intentClaim").query());
            pause(600);
            snapshot(main, out.resolve("review-hidden-text" + suffix + ".png"));
            scrollTo(console, console.robot().lookup("#parameterDiff").query());
            pause(500);
            snapshot(main, out.resolve("review-hidden-params" + suffix + ".png"));

            // a critical approval: the target's name typed, an execution window; then signed and recorded
            show(console, rotation);
            fillApproval(console, "CHG-4471 checked with payments on-call; run it in tonight’s window only.");
            CheckBox window = console.robot().lookup("#windowToggle").query();
            console.robot().interact(() -> window.setSelected(true));
            pause(700);
            snapshot(main, out.resolve("decision-typed-confirmation" + suffix + ".png"));
            console.robot().interact(() -> console.robot().lookup("#signSubmit").queryButton().fire());
            ConsoleDriver.await(Duration.ofSeconds(30), () -> rotation.statusProperty().get().contains(" of "));
            pause(600);
            snapshot(main, out.resolve("console-after-decision" + suffix + ".png"));

            // the queue filtered: critical and high, prod, "rot"
            console.robot().interact(() -> queue.queueFilterProperty().set(QueueFilter.ALL
                    .withTiers(Set.of(RiskTier.CRITICAL, RiskTier.HIGH)).withEnvironments(Set.of("prod"))
                    .withText("rot")));
            show(console, queue.visibleRows().get(0));
            pause(700);
            snapshot(main, out.resolve("queue-filters" + suffix + ".png"));
            console.robot().interact(() -> queue.queueFilterProperty().set(QueueFilter.ALL));

            // bulk approval: a selection with a high-tier proposal is refused; three low-tier ones are approved
            List<QueueRow> lows = queue.rows().stream().filter(r -> r.summary().riskTier() == RiskTier.LOW
                    && r.summary().status() == ProposalStatus.PENDING).limit(3).toList();
            QueueRow high = queue.rows().stream().filter(r -> r.summary().riskTier() == RiskTier.HIGH
                    && r.summary().status() == ProposalStatus.PENDING).findFirst().orElseThrow();
            List<QueueRow> mixed = new ArrayList<>(lows);
            mixed.add(high);
            Scene bulk = openBulk(console, mixed);
            snapshot(bulk, out.resolve("bulk-refused" + suffix + ".png"));
            console.robot().interact(() -> ((Stage) bulk.getWindow()).close());
            Scene granted = openBulk(console, lows);
            @SuppressWarnings("unchecked")
            ComboBox<ReasonCode> code = console.robot().lookup("#bulkReasonCode").query();
            TextArea reason = console.robot().lookup("#bulkReasonText").query();
            console.robot().interact(() -> {
                code.setValue(ReasonCode.MATCHES_INTENT);
                reason.setText("Routine dev and staging hygiene, checked together against the tickets.");
            });
            console.robot().interact(() -> console.robot().lookup("#bulkSubmit").queryButton().fire());
            ConsoleDriver.await(Duration.ofSeconds(60), () -> lows.stream()
                    .allMatch(r -> r.summary().status() != ProposalStatus.PENDING));
            pause(800);
            snapshot(granted, out.resolve("bulk-approval" + suffix + ".png"));
            console.robot().interact(() -> ((Stage) granted.getWindow()).close());

            // an agent submits a new critical proposal: the console announces it
            submitLike(console, rotation);
            ConsoleDriver.await(Duration.ofSeconds(60),
                    () -> console.robot().lookup(".notification-bar").tryQuery().isPresent());
            pause(1500);
            capture(console, out.resolve("queue-notification" + suffix + ".png")); // the notification is a popup
        } finally {
            console.stop();
        }
        System.exit(0);
    }

    /** Opens the proposal in the review, scrolled to the top. */
    private static void show(ConsoleDriver console, QueueRow row) throws Exception {
        console.robot().interact(() -> console.app().composition().queue().selectedProperty().set(row));
        pause(500);
        console.robot().interact(() -> console.robot().lookup(".review-scroll").queryAs(ScrollPane.class)
                .setVvalue(0));
        pause(200);
    }

    /** Scrolls the review so that the node is at the top of the view. */
    private static void scrollTo(ConsoleDriver console, Node node) throws Exception {
        console.robot().interact(() -> {
            ScrollPane scroll = console.robot().lookup(".review-scroll").queryAs(ScrollPane.class);
            double content = scroll.getContent().getBoundsInLocal().getHeight();
            double viewport = scroll.getViewportBounds().getHeight();
            double y = scroll.getContent().sceneToLocal(node.localToScene(0, 0)).getY() - 8;
            scroll.setVvalue(Math.min(1, Math.max(0, y / Math.max(1, content - viewport))));
        });
    }

    /** Selects the rows in the queue and presses "Approve selection…"; returns the bulk-approval window's scene. */
    private static Scene openBulk(ConsoleDriver console, List<QueueRow> rows) throws Exception {
        TableView<QueueRow> table = console.robot().lookup("#queueTable").queryTableView();
        console.robot().interact(() -> {
            table.getSelectionModel().clearSelection();
            rows.forEach(r -> table.getSelectionModel().select(r));
        });
        pause(300);
        console.robot().interact(() -> console.robot().lookup("#approveSelection").queryButton().fire());
        Node root = console.awaitNode("#bulkApproval", Duration.ofSeconds(10));
        pause(600);
        console.robot().interact(() -> ((Stage) root.getScene().getWindow()).sizeToScene());
        pause(300);
        return root.getScene();
    }

    /** Submits, as the proposal's agent, a new proposal like the given one (a fresh id; same tier). */
    private static void submitLike(ConsoleDriver console, QueueRow row) throws Exception {
        Proposal p = console.view(row).proposal();
        String body = Json.string(new ProposalSubmission(p.agent(), p.actionType(), p.target().id(),
                p.environment(), p.parameters(), p.intent(), 45));
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(console.gatewayUri().resolve("/v1/proposals"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("submitting a proposal: HTTP " + response.statusCode());
        }
    }

    /**
     * Sizes the window, then fills the first-run window (the demo passphrase, a 15-minute unlock, so signing in and
     * the decision share one unlock) without creating the key yet; returns its passphrase field.
     */
    static PasswordField fillFirstRun(ConsoleDriver console, int width, int height) throws Exception {
        console.robot().interact(() -> {
            console.stage().setX(0);
            console.stage().setY(0);
            console.stage().setWidth(width);
            console.stage().setHeight(height);
        });
        console.robot().interact(() -> console.robot().lookup(".main-split").queryAs(SplitPane.class)
                .setDividerPositions(MainWindow.DIVIDER));
        PasswordField passphrase = console.awaitNode("#newPassphrase", Duration.ofSeconds(30));
        PasswordField confirm = console.robot().lookup("#confirmPassphrase").query();
        @SuppressWarnings("unchecked")
        ComboBox<UnlockPeriod> period = console.robot().lookup("#firstRunUnlockPeriod").query();
        console.robot().interact(() -> {
            passphrase.setText(PASSPHRASE);
            confirm.setText(PASSPHRASE);
            period.setValue(UnlockPeriod.FIFTEEN_MINUTES);
        });
        return passphrase;
    }

    /**
     * Chooses Approve, a reason code and the reason text in the decision bar and, for a high or critical change,
     * types the target's name; does not sign.
     */
    static void fillApproval(ConsoleDriver console, String reasonText) throws Exception {
        ToggleButton approve = console.awaitNode("#approveToggle", Duration.ofSeconds(10));
        @SuppressWarnings("unchecked")
        ComboBox<ReasonCode> code = console.robot().lookup("#reasonCode").query();
        TextArea reason = console.robot().lookup("#reasonText").query();
        console.robot().interact(() -> {
            approve.setSelected(true);
            code.setValue(ReasonCode.CHANGE_TICKET_VERIFIED);
            reason.setText(reasonText);
        });
        if (approve.getUserData() != Verdict.APPROVE) {
            throw new IllegalStateException("approve toggle not found");
        }
        TextField typed = console.robot().lookup("#typedConfirmation").query();
        if (typed.isVisible()) { // a high or critical change: the target's name, typed
            QueueRow shown = console.app().composition().queue().selectedProperty().get();
            String name = console.view(shown).proposal().target().name();
            console.robot().interact(() -> typed.setText(name));
        }
    }

    /** The theme named by {@code args[index]} ("light" or "dark"), light when absent. */
    static Theme theme(String[] args, int index) {
        return args.length > index ? Theme.valueOf(args[index].toUpperCase(java.util.Locale.ROOT)) : Theme.LIGHT;
    }

    /** What a screenshot's file name ends with in this theme: nothing for light, "-dark" for dark. */
    static String suffix(Theme theme) {
        return theme == Theme.DARK ? "-dark" : "";
    }

    private static void pause(long millis) throws InterruptedException {
        Thread.sleep(millis);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** What the screen shows over the main window, popups included (a scene snapshot has only the scene). */
    private static void capture(ConsoleDriver console, Path file) throws Exception {
        Stage stage = console.stage();
        Rectangle2D bounds = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        Image image = WaitForAsyncUtils.asyncFx(() -> console.robot().capture(bounds).getImage()).get();
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", new File(file.toString()));
        System.out.println("wrote " + file + " (" + (int) image.getWidth() + "x" + (int) image.getHeight() + ")");
    }

    static void snapshot(Scene scene, Path file) throws Exception {
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get();
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", new File(file.toString()));
        System.out.println("wrote " + file + " (" + (int) image.getWidth() + "x" + (int) image.getHeight() + ")");
    }
}
