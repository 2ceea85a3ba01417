package dev.countersign.app.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.app.AppComposition;
import dev.countersign.app.common.Messages;
import dev.countersign.app.common.SyncTaskRunner;
import dev.countersign.app.keys.SoftwareKeyFile;
import dev.countersign.app.settings.ReviewerSettings;
import dev.countersign.app.settings.SettingsStore;
import dev.countersign.app.settings.UnlockPeriod;
import dev.countersign.app.support.FakeDialogService.Answer;
import dev.countersign.app.support.FakeDialogService;
import dev.countersign.app.support.TestGateway;
import dev.countersign.model.api.ReviewerView;
import dev.countersign.model.crypto.KeyIds;
import dev.countersign.model.crypto.Signer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** First run, enrollment and unlocking, with the real key file and the real embedded gateway. */
class KeyGateTest {
    static final String PASSPHRASE = "correct horse battery staple";
    private static final ReviewerSettings DEFAULTS = new ReviewerSettings("you@northwind.example", "Demo Reviewer",
            AppComposition.DEMO_ROLES);

    @TempDir
    static Path gatewayDir;
    static TestGateway gateway;

    @TempDir
    Path dataDir;
    private final SyncTaskRunner runner = new SyncTaskRunner();
    private final FakeDialogService dialogs = new FakeDialogService();
    private final ManualTime time = new ManualTime(java.time.Instant.now());
    private final SigningSession session = new SigningSession(time.clock(), time);

    @BeforeAll
    static void startGateway() throws Exception {
        gateway = TestGateway.start(gatewayDir);
    }

    @AfterAll
    static void stopGateway() throws Exception {
        gateway.close();
    }

    private KeyGate gate(ReviewerSettings defaults) {
        ReviewerKeys keys = new ReviewerKeys(new SoftwareKeyFile(dataDir.resolve("reviewer-key.p12")),
                new SettingsStore(dataDir.resolve("settings.json")));
        return new KeyGate(Messages.load(Locale.ENGLISH), runner, dialogs, dialogs, keys, session, defaults);
    }

    @Test
    void firstRunCreatesTheKeyEnrollsItWithTheDemoRolesAndRemembersWhoItIs() throws Exception {
        ReviewerSettings ana = new ReviewerSettings("ana.first@northwind.example", "Ana First", DEFAULTS.roles());
        dialogs.answer(Answer.type(PASSPHRASE));
        List<String> ready = new ArrayList<>();
        gate(ana).prepare(gateway.client(), gateway.connection(), () -> ready.add("ready"));

        assertEquals(List.of("ready"), ready);
        assertEquals(1, dialogs.newKeyWindows());
        assertTrue(Files.exists(dataDir.resolve("reviewer-key.p12")));
        assertEquals(ana, new SettingsStore(dataDir.resolve("settings.json")).load().orElseThrow());
        assertTrue(session.unlockedProperty().get(), "the new key is kept for the first signature");
        assertTrue(session.onlyToSign(), "and only for that (the default period)");
        assertEquals(SigningSession.Enrollment.ENROLLED, session.enrollmentProperty().get());

        ReviewerView enrolled = gateway.client().reviewer("ana.first@northwind.example");
        assertEquals(AppComposition.DEMO_ROLES, enrolled.roles());
        assertEquals(session.keyIdProperty().get(), enrolled.keys().get(0).keyId());
        assertTrue(dialogs.errors().isEmpty(), dialogs.errors().toString());
    }

    @Test
    void laterRunsAskForThePassphraseOnlyWhenSigningAndAWrongOneChangesNothing() throws Exception {
        Path keyPath = dataDir.resolve("reviewer-key.p12");
        SoftwareKeyFile keyFile = new SoftwareKeyFile(keyPath);
        String keyId = KeyIds.of(keyFile.create(PASSPHRASE.toCharArray()));
        ReviewerSettings bo = new ReviewerSettings("bo.later@northwind.example", "Bo Later", DEFAULTS.roles(),
                null, UnlockPeriod.FIFTEEN_MINUTES);
        new SettingsStore(dataDir.resolve("settings.json")).save(bo);
        byte[] before = Files.readAllBytes(keyPath);

        KeyGate gate = gate(DEFAULTS);
        gate.prepare(gateway.client(), gateway.connection(), () -> { });
        assertEquals(0, dialogs.newKeyWindows() + dialogs.unlockWindows(), "nothing is asked at start");
        assertEquals(bo, session.reviewerProperty().get());
        assertEquals(keyId, session.keyIdProperty().get());
        assertFalse(session.unlockedProperty().get());
        assertEquals(SigningSession.Enrollment.ENROLLED, session.enrollmentProperty().get());

        dialogs.answer(Answer.type("not my passphrase"), Answer.type(PASSPHRASE));
        List<Signer> got = new ArrayList<>();
        gate.withSigner(got::add, () -> { throw new AssertionError("not cancelled"); });

        assertEquals(1, dialogs.unlockWindows(), "one window, two tries");
        assertEquals(List.of("That passphrase does not unlock this key. Check it and try again."),
                dialogs.unlockErrorsSeen());
        assertEquals(keyId, got.get(0).keyId());
        assertArrayEquals(before, Files.readAllBytes(keyPath), "the key file is unchanged");
        assertTrue(session.unlockedProperty().get());

        gate.withSigner(got::add, () -> { });
        assertEquals(1, dialogs.unlockWindows(), "a key unlocked for 15 minutes is not asked for again");
        assertEquals(2, got.size());

        time.advance(java.time.Duration.ofMinutes(15));
        assertFalse(session.unlockedProperty().get(), "locked again when the 15 minutes are over");
    }

    @Test
    void onlyToSignLocksAsSoonAsTheSignerWasHandedOverAndAsksAgainNextTime() throws Exception {
        new SoftwareKeyFile(dataDir.resolve("reviewer-key.p12")).create(PASSPHRASE.toCharArray());
        new SettingsStore(dataDir.resolve("settings.json")).save(
                new ReviewerSettings("cy.once@northwind.example", "Cy Once", DEFAULTS.roles()));
        KeyGate gate = gate(DEFAULTS);
        gate.prepare(gateway.client(), gateway.connection(), () -> { });

        dialogs.answer(Answer.type(PASSPHRASE), Answer.type(PASSPHRASE));
        List<Boolean> unlockedWhileUsing = new ArrayList<>();
        gate.withSigner(signer -> unlockedWhileUsing.add(session.currentSigner().isPresent()), () -> { });
        assertEquals(List.of(true), unlockedWhileUsing, "the key is there while the signing step takes it");
        assertFalse(session.unlockedProperty().get(), "and gone once it returns");
        assertTrue(session.currentSigner().isEmpty());
        assertNull(session.unlockedUntilProperty().get());

        gate.withSigner(signer -> unlockedWhileUsing.add(true), () -> { });
        assertEquals(2, dialogs.unlockWindows(), "the next signature asks again");
        assertEquals(UnlockPeriod.ONLY_TO_SIGN, new SettingsStore(dataDir.resolve("settings.json")).load()
                .orElseThrow().unlockPeriod());
    }

    @Test
    void declinedFirstRunLeavesNoKeyAndSigningAsksAgain() {
        dialogs.answer(Answer.cancel());
        List<String> events = new ArrayList<>();
        KeyGate gate = gate(DEFAULTS);
        gate.prepare(gateway.client(), gateway.connection(), () -> events.add("ready"));
        assertEquals(List.of("ready"), events);
        assertFalse(Files.exists(dataDir.resolve("reviewer-key.p12")));
        assertFalse(session.identified());

        dialogs.answer(Answer.cancel());
        gate.withSigner(signer -> events.add("signed"), () -> events.add("cancelled"));
        assertEquals(List.of("ready", "cancelled"), events);
        assertEquals(2, dialogs.newKeyWindows());
    }

    @Test
    void withoutAnAdminTokenTheNewPublicKeyIsShownForAnAdminToEnroll() {
        dialogs.answer(Answer.type(PASSPHRASE));
        gate(DEFAULTS).prepare(gateway.client(),
                dev.countersign.app.sync.GatewayConnection.remote(gateway.connection().baseUri()), () -> { });
        assertEquals(1, dialogs.infos().size());
        assertTrue(dialogs.infos().get(0).startsWith("Ask an admin to enroll your key"), dialogs.infos().get(0));
        assertEquals(SigningSession.Enrollment.UNKNOWN, session.enrollmentProperty().get());
        assertTrue(session.identified());
    }
}
