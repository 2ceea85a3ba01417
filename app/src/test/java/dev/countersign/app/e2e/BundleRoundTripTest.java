package dev.countersign.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.app.AppComposition;
import dev.countersign.app.AppConfig;
import dev.countersign.app.bundle.BundleFiles;
import dev.countersign.app.bundle.BundleOpener;
import dev.countersign.app.bundle.BundleViewModel;
import dev.countersign.app.bundle.BundleWindow;
import dev.countersign.app.bundle.EvidenceSource;
import dev.countersign.app.bundle.ExportViewModel;
import dev.countersign.app.bundle.VerifyCommand;
import dev.countersign.app.cache.ConsoleCache;
import dev.countersign.app.common.Messages;
import dev.countersign.app.common.SyncTaskRunner;
import dev.countersign.app.keys.SoftwareKeyFile;
import dev.countersign.app.queue.QueueRow;
import dev.countersign.app.records.RecordRow;
import dev.countersign.app.support.ConsoleDriver;
import dev.countersign.model.ReasonCode;
import dev.countersign.model.RiskTier;
import dev.countersign.model.api.DecisionRecordView;
import dev.countersign.model.api.ReviewerView;
import dev.countersign.model.bundle.Evidence;
import dev.countersign.model.bundle.EvidenceItem;
import dev.countersign.model.crypto.KeyIds;
import dev.countersign.model.crypto.PublicKeys;
import dev.countersign.model.crypto.Signer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The round trip: decisions made in the real console (embedded gateway) → an evidence bundle exported through
 * the export view model from the console's cache → opened in a fresh auditor-mode window with no gateway → every record
 * verifies; the same file passes the headless verify command with exit code 0, also with the gateway key pinned.
 */
class BundleRoundTripTest {
    static final String PASSPHRASE = "correct horse battery staple";
    static final String REVIEWER = AppComposition.DEMO_REVIEWER;

    @TempDir
    Path dataDir;
    @TempDir
    Path auditorDir;
    @TempDir
    Path out;
    ConsoleDriver console;

    @AfterEach
    void stop() throws Exception {
        if (console != null) {
            console.stop();
        }
    }

    @Test
    void decisionsExportedFromTheConsoleVerifyOfflineAndHeadless() throws Exception {
        console = ConsoleDriver.start(dataDir, Duration.ofSeconds(1));
        console.createKey(PASSPHRASE);
        console.awaitQueue(14);
        decide(RiskTier.LOW, true);
        decide(RiskTier.MEDIUM, false);

        // the console's cache holds both records with what proves them, once a sync has brought the checkpoint
        ConsoleCache cache = console.app().composition().console().cache().orElseThrow();
        AtomicReference<Evidence> held = new AtomicReference<>();
        ConsoleDriver.await(Duration.ofSeconds(60), () -> {
            Evidence all = cache.evidence().all();
            held.set(all);
            List<EvidenceItem> mine = all.items().stream().filter(i -> i.record().reviewer().equals(REVIEWER)).toList();
            return mine.size() == 2 && all.checkpoint() != null && all.items().stream()
                    .allMatch(i -> i.proposal() != null && i.context() != null);
        });
        List<String> ids = held.get().items().stream().map(i -> i.record().recordId()).toList();
        assertTrue(ids.size() >= 2, ids.toString());

        // export through the view model, from the console's cache, signed with the reviewer's key
        ReviewerView me = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> console.app().composition().session()
                .knownProperty().get()).get();
        assertEquals(REVIEWER, me.reviewer());
        Signer key = new SoftwareKeyFile(dataDir.resolve(AppComposition.KEY_FILE)).unlock(PASSPHRASE.toCharArray());
        Path target = out.resolve("round-trip.csbundle");
        ExportViewModel export = new ExportViewModel(Messages.load(Locale.ENGLISH), new SyncTaskRunner(),
                Runnable::run, EvidenceSource.of(() -> console.app().composition().console().cache()),
                (use, cancelled) -> use.accept(key), new BundleFiles() {
                    @Override
                    public Optional<Path> chooseSaveTarget(String suggestedName) {
                        return Optional.of(target);
                    }

                    @Override
                    public Optional<Path> chooseBundle() {
                        return Optional.empty();
                    }
                }, () -> me, Clock.systemUTC(), "countersign-console/test");
        export.start(ids);
        assertEquals(ExportViewModel.Phase.DONE, export.phaseProperty().get(), export.messageProperty().get());
        assertTrue(Files.isRegularFile(target));
        String gatewayKey = held.get().gatewayPublicKey();
        assertEquals(KeyIds.of(PublicKeys.fromBase64(gatewayKey)),
                BundleOpener.knownGatewayOf(() -> console.app().composition().console().cache()).get(),
                "the console knows which gateway it is bound to");
        console.stop();
        console = null;

        // a fresh auditor-mode window, no gateway: every record verifies
        console = ConsoleDriver.start(AppConfig.parse(List.of("--data-dir", auditorDir.toString(),
                target.toString())));
        ConsoleDriver.await(Duration.ofSeconds(60), () -> console.app().auditor() != null
                && console.app().auditor().window() != null && console.app().auditor().window().viewModel()
                .phaseProperty().get() == BundleViewModel.Phase.DONE);
        assertNull(console.app().composition(), "no gateway, no key, no cache");
        BundleWindow window = console.app().auditor().window();
        FxRobot robot = console.robot();
        Label verdict = robot.lookup("#bundleVerdict").query();
        assertTrue(verdict.getText().startsWith("Valid: "), verdict.getText() + "\n"
                + window.viewModel().findings());
        // auditor mode shows them in the read-only records view, newest first
        TableView<RecordRow> records = robot.lookup("#recordsTable").queryTableView();
        assertEquals(ids.size(), records.getItems().size());
        assertEquals(Set.copyOf(ids), records.getItems().stream().map(r -> r.record().recordId())
                .collect(java.util.stream.Collectors.toSet()));
        assertTrue(records.getItems().stream().allMatch(r -> r.check().verified()), "every record verifies");
        assertEquals(Set.of(REVIEWER), records.getItems().stream().map(r -> r.record().reviewer())
                .filter(REVIEWER::equals).collect(java.util.stream.Collectors.toSet()));
        assertEquals(REVIEWER, window.viewModel().reportProperty().get().manifest().exportedBy());
        try (var left = Files.list(auditorDir)) {
            assertEquals(List.of(), left.toList(), "the auditor's data folder stays empty");
        }

        // the same file passes the headless verify command, unpinned and pinned
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(0, VerifyCommand.run(List.of(target.toString()), new PrintStream(text, true,
                StandardCharsets.UTF_8), err));
        assertTrue(text.toString(StandardCharsets.UTF_8).startsWith("VALID"), text.toString(StandardCharsets.UTF_8));
        Path pem = Files.writeString(out.resolve("gateway.pub.pem"),
                PublicKeys.toPem(PublicKeys.fromBase64(gatewayKey)));
        assertEquals(0, VerifyCommand.run(List.of(target.toString(), "--gateway-key", pem.toString(), "--json"),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), err));
    }

    /** Approves (or denies) the first open proposal of the tier, through the decision bar, as a reviewer does. */
    private void decide(RiskTier tier, boolean approve) throws Exception {
        FxRobot robot = console.robot();
        QueueRow row = console.row(v -> v.proposal().riskTier() == tier && v.proposal().target().name()
                .chars().allMatch(c -> c < 128)).orElseThrow();
        console.select(row);
        robot.clickOn(approve ? "#approveToggle" : "#denyToggle");
        ComboBox<ReasonCode> code = robot.lookup("#reasonCode").queryComboBox();
        robot.interact(() -> code.setValue(approve ? ReasonCode.CHANGE_TICKET_VERIFIED
                : ReasonCode.BLAST_RADIUS_TOO_LARGE));
        robot.clickOn("#reasonText").write(approve ? "CHG-5120 checked." : "Too wide for a Friday.");
        robot.clickOn("#signSubmit");
        ConsoleDriver.await(Duration.ofSeconds(30), () -> console.app().composition().console().cache()
                .orElseThrow().records().forProposal(row.id()).stream().map(DecisionRecordView::reviewer)
                .anyMatch(REVIEWER::equals));
    }
}
