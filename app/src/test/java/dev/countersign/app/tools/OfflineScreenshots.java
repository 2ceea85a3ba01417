package dev.countersign.app.tools;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.countersign.app.AppComposition;
import dev.countersign.app.AppConfig;
import dev.countersign.app.queue.QueueRow;
import dev.countersign.app.shell.DisplayPreferences;
import dev.countersign.app.shell.Theme;
import dev.countersign.app.queue.QueueViewModel;
import dev.countersign.app.support.ConsoleDriver;
import dev.countersign.app.support.RestartableGateway;
import dev.countersign.app.sync.GatewayClient;
import dev.countersign.model.ParameterChange;
import dev.countersign.model.ProposalStatus;
import dev.countersign.model.RiskTier;
import dev.countersign.model.api.DecisionRights;
import dev.countersign.model.api.EnrollmentRequest;
import dev.countersign.model.crypto.PublicKeys;
import dev.countersign.model.crypto.Signer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.TextField;

/**
 * Screenshots of the offline console, taken in a real window (run under Xvfb): a team gateway that goes away (the
 * console works from its cache, a decision waits in the outbox, the queue is searched) and comes back having changed
 * the proposal (the decision is refused and shown). Writes console-offline.png and console-not-recorded.png.
 *
 * <pre>xvfb-run -a -s "-screen 0 1920x1200x24" mvn -B -q -pl app test-compile exec:exec -Dexec.classpathScope=test
 *   -Dexec.executable=java "-Dexec.args=-Dtestfx.robot=glass -cp %classpath
 *   dev.countersign.app.tools.OfflineScreenshots /abs/path/docs/images 1440 900"</pre>
 */
public final class OfflineScreenshots {
    private OfflineScreenshots() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/images").toAbsolutePath();
        int width = args.length > 1 ? Integer.parseInt(args[1]) : 1440;
        int height = args.length > 2 ? Integer.parseInt(args[2]) : 900;
        Theme theme = ScreenshotTour.theme(args, 3);
        String suffix = ScreenshotTour.suffix(theme);
        Files.createDirectories(out);
        Path home = Files.createTempDirectory("countersign-offline-tour");
        Path dataDir = Files.createDirectories(home.resolve("console"));
        System.setProperty("countersign.logDir", dataDir.resolve("logs").toString());
        new DisplayPreferences(dataDir).remember(theme);
        RestartableGateway gateway = RestartableGateway.start(home.resolve("gateway"));
        AppConfig config = AppConfig.embedded(dataDir).withPollPeriod(Duration.ofSeconds(2))
                .withGateway(gateway.baseUri());
        ConsoleDriver console = ConsoleDriver.start(config);
        try {
            ScreenshotTour.fillFirstRun(console, width, height);
            console.robot().interact(() -> console.robot().lookup("#createKey").queryButton().fire());
            console.awaitGone("#newKeyDialog", Duration.ofSeconds(60));

            // a team gateway: its admin enrolls the new key, then the reviewer signs in
            AppComposition app = console.app().composition();
            Signer key = app.session().currentSigner().orElseThrow();
            new GatewayClient(gateway.baseUri()).enroll(new EnrollmentRequest(AppComposition.DEMO_REVIEWER,
                    "Dana Reyes", AppComposition.DEMO_ROLES, PublicKeys.toBase64(key.publicKey()),
                    DecisionRights.all(RiskTier.CRITICAL)), gateway.adminToken(), "enroll-tour");
            console.robot().interact(() -> app.console().signIn());
            console.awaitQueue(14);
            ConsoleDriver.await(Duration.ofSeconds(30),
                    () -> app.queue().stateProperty().get() == QueueViewModel.SyncState.SYNCED);
            Thread.sleep(2500); // a round that also fetched the nonces

            gateway.stop();
            ConsoleDriver.await(Duration.ofSeconds(30),
                    () -> app.queue().stateProperty().get() == QueueViewModel.SyncState.OFFLINE);
            QueueRow row = app.queue().rows().stream().filter(r -> r.summary().status() == ProposalStatus.PENDING
                    && r.summary().approvalsRequired() == 1 && r.summary().environment().equals("prod"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no one-approval prod proposal"));
            console.robot().interact(() -> app.queue().selectedProperty().set(row));
            ScreenshotTour.fillApproval(console, "CHG-5120 checked on the train with the owner; rollback plan"
                    + " attached.");
            Thread.sleep(300);
            console.robot().interact(() -> console.robot().lookup("#signSubmit").queryButton().fire());
            ConsoleDriver.await(Duration.ofSeconds(30), () -> app.queue().waitingProperty().get() == 1);
            TextField search = console.robot().lookup("#queueSearch").query();
            console.robot().interact(() -> search.setText("prod"));
            Thread.sleep(800);
            ScreenshotTour.snapshot(console.stage().getScene(), out.resolve("console-offline" + suffix + ".png"));

            // back online, but an admin amended that proposal meanwhile: the offline approval is refused and shown
            console.robot().interact(() -> search.setText(""));
            gateway.restart();
            gateway.amend(row.id(), new ParameterChange(JsonNodeFactory.instance.objectNode().put("scope", "read"),
                    JsonNodeFactory.instance.objectNode().put("scope", "read-write")));
            ConsoleDriver.await(Duration.ofSeconds(60), () -> !app.queue().notRecorded().isEmpty());
            Hyperlink notRecorded = console.robot().lookup("#statusRefused").queryAs(Hyperlink.class);
            console.robot().interact(notRecorded::fire);
            Thread.sleep(1500);
            ScreenshotTour.snapshot(console.stage().getScene(), out.resolve("console-not-recorded" + suffix + ".png"));
        } finally {
            console.stop();
            gateway.close();
        }
        System.exit(0);
    }
}
