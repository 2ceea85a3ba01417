package dev.countersign.app.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.app.AppComposition;
import dev.countersign.app.common.Messages;
import dev.countersign.app.common.SyncTaskRunner;
import dev.countersign.app.keys.SoftwareKeyFile;
import dev.countersign.app.settings.ReviewerSettings;
import dev.countersign.app.settings.SettingsStore;
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
    private final SigningSession session = new SigningSession();

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
        assertTrue(session.unlockedProperty().get(), "the new key is ready to sign without asking again");
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
        ReviewerSettings bo = new ReviewerSettings("bo.later@northwind.example", "Bo Later", DEFAULTS.roles());
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
        assertEquals(1, dialogs.unlockWindows(), "an unlocked key is not asked for again");
        assertEquals(2, got.size());
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
        assertNotNull(session.signer().orElse(null));
    }
}
