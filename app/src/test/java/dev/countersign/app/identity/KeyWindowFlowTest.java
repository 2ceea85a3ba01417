package dev.countersign.app.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.app.common.Messages;
import dev.countersign.app.common.SyncTaskRunner;
import dev.countersign.app.common.UserErrors;
import dev.countersign.app.common.UserText;
import dev.countersign.app.keys.SoftwareKeyFile;
import dev.countersign.app.keys.WrongPassphraseException;
import dev.countersign.app.settings.ReviewerSettings;
import dev.countersign.app.settings.SettingsStore;
import dev.countersign.app.support.FakeDialogService;
import dev.countersign.app.support.FakeDialogService.Answer;
import dev.countersign.app.sync.GatewayProblemException;
import dev.countersign.app.sync.GatewayUnavailableException;
import dev.countersign.model.api.Problem;
import dev.countersign.model.api.ReviewerView;
import dev.countersign.model.crypto.KeyIds;
import dev.countersign.model.crypto.PublicKeys;
import dev.countersign.model.record.DsseEnvelope;
import dev.countersign.model.session.KeyRotations;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key window's work without a window: export, rotation and import with the real key file, the synchronous task
 * runner and a gateway fake that records the rotation it was sent.
 */
class KeyWindowFlowTest {
    static final String PASSPHRASE = "correct horse battery staple";
    static final String NEW_PASSPHRASE = "a new passphrase for the new key";
    private static final ReviewerSettings ANA = new ReviewerSettings("ana@northwind.example", "Ana Key", List.of());

    @TempDir
    Path dataDir;
    private final Messages messages = Messages.load(Locale.ENGLISH);
    private final SyncTaskRunner runner = new SyncTaskRunner();
    private final FakeDialogService dialogs = new FakeDialogService();
    private final ManualTime time = new ManualTime(Instant.parse("2026-12-01T10:00:00Z"));
    private final SigningSession session = new SigningSession(time.clock(), time);
    private final List<DsseEnvelope> posted = new ArrayList<>();
    private final List<String> events = new ArrayList<>();
    private ReviewerKeys keys;
    private KeyGate gate;
    private Path keyPath;
    private PublicKey oldKey;

    @BeforeEach
    void existingKey() throws Exception {
        keyPath = dataDir.resolve("reviewer-key.p12");
        oldKey = new SoftwareKeyFile(keyPath).create(PASSPHRASE.toCharArray());
        new SettingsStore(dataDir.resolve("settings.json")).save(ANA);
        keys = new ReviewerKeys(new SoftwareKeyFile(keyPath), new SettingsStore(dataDir.resolve("settings.json")));
        gate = new KeyGate(messages, runner, dialogs, dialogs, keys, session, ANA);
        gate.prepare(null, null, () -> { });
        assertEquals(KeyIds.of(oldKey), session.keyIdProperty().get());
    }

    private KeyChanges.Poster accepting() {
        return (reviewer, envelope, idempotencyKey) -> {
            posted.add(envelope);
            PublicKey next = KeyRotations.read(envelope).newKey();
            return new ReviewerView(reviewer, "Ana Key", List.of(), List.of(
                    new ReviewerView.Key(KeyIds.of(oldKey), "Ed25519", Instant.EPOCH, Instant.now()),
                    new ReviewerView.Key(KeyIds.of(next), "Ed25519", Instant.now(), null)));
        };
    }

    private KeyChanges.Poster refusing() {
        return (reviewer, envelope, idempotencyKey) -> {
            posted.add(envelope);
            throw new GatewayProblemException(new Problem(Problem.TYPE_PREFIX + "rotation-refused",
                    "The rotation was refused", 409, "The old key is already revoked.", null, null, null, null));
        };
    }

    private ChangeKeyViewModel change(ChangeKeyViewModel.Mode mode, KeyChanges.Poster poster, Path importFile) {
        KeysWindow window = new KeysWindow(messages, runner, keys, session, gate, null, time.clock(),
                signer -> events.add("afterRotation"), files(null, importFile), poster);
        ChangeKeyViewModel vm = new ChangeKeyViewModel(messages, runner, new UserErrors(messages), mode,
                session.reviewerProperty().get(), true, new KeyChanges(keys, time.clock()), gate, poster,
                files(null, importFile), done -> window.finish(done, true), () -> events.add("cancelled"));
        if (mode == ChangeKeyViewModel.Mode.IMPORT) {
            vm.chooseFile();
        }
        return vm;
    }

    private static KeyFiles files(Path saveTo, Path open) {
        return new KeyFiles() {
            @Override
            public Optional<Path> saveTo(String title, String suggestedName) {
                return Optional.ofNullable(saveTo);
            }

            @Override
            public Optional<Path> openPkcs12(String title) {
                return Optional.ofNullable(open);
            }
        };
    }

    @Test
    void exportWritesThePublicKeyAsPem() throws Exception {
        Path target = dataDir.resolve("exported.pem");
        KeysViewModel vm = new KeysViewModel(messages, runner, new UserErrors(messages), keys, session,
                files(target, null), time.clock());
        vm.exportPublicKey();
        assertEquals(oldKey, PublicKeys.fromPem(Files.readString(target, StandardCharsets.US_ASCII)));
        assertEquals(PublicKeys.toPem(oldKey), Files.readString(target, StandardCharsets.US_ASCII));
        assertEquals("The public key was saved to " + target + ".", vm.messageProperty().get());
        assertEquals(KeyIds.of(oldKey), vm.keyIdForCopy());
        assertEquals(KeyIds.of(oldKey).substring(0, 12), vm.shortKeyIdProperty().get());
        assertEquals("Ed25519", vm.algorithmProperty().get());
        assertEquals("Locked: the next signature asks for it", vm.unlockStateProperty().get());
    }

    @Test
    void rotationSignedByBothKeysSwitchesToTheNewKeyOnlyAfterTheGatewayAccepted() throws Exception {
        dialogs.answer(Answer.type(PASSPHRASE)); // unlocks the current key to sign the rotation
        ChangeKeyViewModel vm = change(ChangeKeyViewModel.Mode.ROTATE_SOFTWARE, accepting(), null);
        vm.passphraseChanged(NEW_PASSPHRASE, NEW_PASSPHRASE);
        vm.submit(NEW_PASSPHRASE.toCharArray(), new char[0]);

        assertNull(vm.errorProperty().get());
        assertTrue(vm.closedProperty().get());
        assertEquals(1, posted.size());
        KeyRotations.Rotation rotation = KeyRotations.read(posted.get(0));
        assertEquals("ana@northwind.example", rotation.reviewer());
        assertEquals(KeyIds.of(oldKey), rotation.oldKeyId());
        assertTrue(KeyRotations.verify(posted.get(0), oldKey, rotation.newKey()), "signed by the old and new key");

        SoftwareKeyFile file = new SoftwareKeyFile(keyPath);
        assertEquals(rotation.newKey(), file.publicKey());
        assertEquals(rotation.newKeyId(), file.unlock(NEW_PASSPHRASE.toCharArray()).keyId());
        assertThrows(WrongPassphraseException.class, () -> file.unlock(PASSPHRASE.toCharArray()),
                "the old key file is replaced, not left usable");
        assertFalse(Files.exists(dataDir.resolve("reviewer-key.p12.next")));
        assertEquals(rotation.newKeyId(), session.keyIdProperty().get());
        assertEquals(List.of("afterRotation"), events);
    }

    @Test
    void aRefusedRotationShowsTheGatewaysWordsAndChangesNothing() throws Exception {
        byte[] keyBefore = Files.readAllBytes(keyPath);
        byte[] settingsBefore = Files.readAllBytes(dataDir.resolve("settings.json"));
        dialogs.answer(Answer.type(PASSPHRASE));
        ChangeKeyViewModel vm = change(ChangeKeyViewModel.Mode.ROTATE_SOFTWARE, refusing(), null);
        vm.passphraseChanged(NEW_PASSPHRASE, NEW_PASSPHRASE);
        vm.submit(NEW_PASSPHRASE.toCharArray(), new char[0]);

        assertEquals(1, posted.size());
        assertEquals("The gateway refused the new key: The rotation was refused. The old key is already revoked. "
                + "Nothing changed: you still sign with your current key.", vm.errorProperty().get());
        assertFalse(vm.closedProperty().get(), "the window stays open");
        assertArrayEquals(keyBefore, Files.readAllBytes(keyPath));
        assertArrayEquals(settingsBefore, Files.readAllBytes(dataDir.resolve("settings.json")));
        assertFalse(Files.exists(dataDir.resolve("reviewer-key.p12.next")), "the new key was thrown away");
        assertEquals(KeyIds.of(oldKey), session.keyIdProperty().get());
        assertTrue(events.isEmpty());
    }

    @Test
    void anUnreachableGatewayKeepsBothKeysAndSaysTheOutcomeIsUnknown() throws Exception {
        byte[] keyBefore = Files.readAllBytes(keyPath);
        dialogs.answer(Answer.type(PASSPHRASE));
        ChangeKeyViewModel vm = change(ChangeKeyViewModel.Mode.ROTATE_SOFTWARE, (r, e, k) -> {
            throw new GatewayUnavailableException(new UserText("error.gateway.timeout", "127.0.0.1:1"), null);
        }, null);
        vm.passphraseChanged(NEW_PASSPHRASE, NEW_PASSPHRASE);
        vm.submit(NEW_PASSPHRASE.toCharArray(), new char[0]);
        // the post may have reached the gateway before the connection broke: the new key must not be thrown away
        assertTrue(vm.errorProperty().get().startsWith("The gateway did not confirm the rotation and cannot be asked"
                + " now, so it is not known whether your new key is in force."), vm.errorProperty().get());
        assertTrue(Files.exists(dataDir.resolve("reviewer-key.p12.next")), "the new key is kept");
        assertArrayEquals(keyBefore, Files.readAllBytes(keyPath), "the current key is kept");
        assertEquals(KeyIds.of(oldKey), session.keyIdProperty().get());
    }

    @Test
    void aKeyLeftByAnUnfinishedChangeIsNeverDeletedAndIsExplained() throws Exception {
        Path leftover = dataDir.resolve("reviewer-key.p12.next");
        new SoftwareKeyFile(leftover).create(NEW_PASSPHRASE.toCharArray());
        byte[] before = Files.readAllBytes(leftover);
        dialogs.answer(Answer.type(PASSPHRASE));
        ChangeKeyViewModel vm = change(ChangeKeyViewModel.Mode.ROTATE_SOFTWARE, accepting(), null);
        vm.passphraseChanged(NEW_PASSPHRASE, NEW_PASSPHRASE);
        vm.submit(NEW_PASSPHRASE.toCharArray(), new char[0]);
        assertTrue(vm.errorProperty().get().startsWith("A key from an earlier, unfinished change is waiting in "),
                vm.errorProperty().get());
        assertTrue(posted.isEmpty());
        assertArrayEquals(before, Files.readAllBytes(leftover));
        assertEquals(KeyIds.of(oldKey), session.keyIdProperty().get());
    }

    @Test
    void importingAP256KeyFromPkcs12RotatesToIt() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        importsAndRotatesTo(ec.generateKeyPair(), "ECDSA P-256 (SHA-256)");
    }

    @Test
    void importingAnEd25519KeyFromPkcs12RotatesToIt() throws Exception {
        importsAndRotatesTo(KeyPairGenerator.getInstance("Ed25519").generateKeyPair(), "Ed25519");
    }

    private void importsAndRotatesTo(KeyPair pair, String algorithm) throws Exception {
        Path p12 = dataDir.resolve("from-elsewhere.p12");
        new SoftwareKeyFile(p12).store(pair, "the other tool's passphrase".toCharArray());
        byte[] importedFileBefore = Files.readAllBytes(p12);
        dialogs.answer(Answer.type(PASSPHRASE));
        ChangeKeyViewModel vm = change(ChangeKeyViewModel.Mode.IMPORT, accepting(), p12);
        vm.passphraseChanged(NEW_PASSPHRASE, NEW_PASSPHRASE);
        vm.submit(NEW_PASSPHRASE.toCharArray(), "the other tool's passphrase".toCharArray());

        assertNull(vm.errorProperty().get());
        assertEquals(KeyIds.of(pair.getPublic()), KeyRotations.read(posted.get(0)).newKeyId());
        SoftwareKeyFile file = new SoftwareKeyFile(keyPath);
        assertEquals(KeyIds.of(pair.getPublic()), file.unlock(NEW_PASSPHRASE.toCharArray()).keyId(),
                "stored re-encrypted under the new passphrase");
        assertEquals(KeyIds.of(pair.getPublic()), session.keyIdProperty().get());
        assertArrayEquals(importedFileBefore, Files.readAllBytes(p12), "the imported file is only read");
        KeysViewModel shown = new KeysViewModel(messages, runner, new UserErrors(messages), keys, session,
                files(null, null), time.clock());
        assertEquals(algorithm, shown.algorithmProperty().get());
    }

    @Test
    void withoutAKeyAnImportPutsTheKeyInPlaceAndAsksForEnrollment() throws Exception {
        Path fresh = Files.createDirectories(dataDir.resolve("fresh"));
        Path p12 = dataDir.resolve("from-elsewhere.p12");
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        new SoftwareKeyFile(p12).store(pair, "the other tool's passphrase".toCharArray());
        SigningSession freshSession = new SigningSession(time.clock(), time);
        ReviewerKeys freshKeys = new ReviewerKeys(new SoftwareKeyFile(fresh.resolve("reviewer-key.p12")),
                new SettingsStore(fresh.resolve("settings.json")));
        KeyGate freshGate = new KeyGate(messages, runner, dialogs, dialogs, freshKeys, freshSession, ANA);
        KeysWindow window = new KeysWindow(messages, runner, freshKeys, freshSession, freshGate, null, time.clock(),
                signer -> events.add("afterRotation"), files(null, p12), accepting());
        ChangeKeyViewModel vm = new ChangeKeyViewModel(messages, runner, new UserErrors(messages),
                ChangeKeyViewModel.Mode.IMPORT, ANA, false, new KeyChanges(freshKeys, time.clock()), freshGate,
                accepting(), files(null, p12), done -> window.finish(done, false), () -> { });
        vm.chooseFile();
        vm.passphraseChanged(NEW_PASSPHRASE, NEW_PASSPHRASE);
        vm.submit(NEW_PASSPHRASE.toCharArray(), "the other tool's passphrase".toCharArray());

        assertNull(vm.errorProperty().get());
        assertTrue(posted.isEmpty(), "no rotation without an old key");
        assertEquals(KeyIds.of(pair.getPublic()), new SoftwareKeyFile(fresh.resolve("reviewer-key.p12"))
                .unlock(NEW_PASSPHRASE.toCharArray()).keyId());
        assertEquals(ANA, new SettingsStore(fresh.resolve("settings.json")).load().orElseThrow());
        assertEquals(KeyIds.of(pair.getPublic()), freshSession.keyIdProperty().get());
        assertTrue(dialogs.infos().get(0).startsWith("Ask an admin to enroll your key"), dialogs.infos().toString());
        assertTrue(events.isEmpty(), "not a rotation");
    }

    @Test
    void aWrongPassphraseForTheFileToImportSaysSoAndChangesNothing() throws Exception {
        Path p12 = dataDir.resolve("from-elsewhere.p12");
        new SoftwareKeyFile(p12).store(KeyPairGenerator.getInstance("Ed25519").generateKeyPair(),
                "the other tool's passphrase".toCharArray());
        byte[] keyBefore = Files.readAllBytes(keyPath);
        dialogs.answer(Answer.type(PASSPHRASE));
        ChangeKeyViewModel vm = change(ChangeKeyViewModel.Mode.IMPORT, accepting(), p12);
        vm.passphraseChanged(NEW_PASSPHRASE, NEW_PASSPHRASE);
        vm.submit(NEW_PASSPHRASE.toCharArray(), "not the passphrase".toCharArray());

        assertEquals("That passphrase does not open from-elsewhere.p12. Check it and try again; nothing was "
                + "imported.", vm.errorProperty().get());
        assertTrue(posted.isEmpty(), "nothing was sent to the gateway");
        assertArrayEquals(keyBefore, Files.readAllBytes(keyPath));
        assertFalse(Files.exists(dataDir.resolve("reviewer-key.p12.next")));
        assertEquals(KeyIds.of(oldKey), session.keyIdProperty().get());
    }

    @Test
    void lockNowLocksAKeyUnlockedForAPeriod() throws Exception {
        session.unlock(new SoftwareKeyFile(keyPath).unlock(PASSPHRASE.toCharArray()),
                dev.countersign.app.settings.UnlockPeriod.FIFTEEN_MINUTES);
        KeysViewModel vm = new KeysViewModel(messages, runner, new UserErrors(messages), keys, session,
                files(null, null), time.clock());
        assertEquals("Unlocked for 15:00 more", vm.unlockStateProperty().get());
        vm.opened();
        time.advance(java.time.Duration.ofSeconds(75));
        runner.tick();
        assertEquals("Unlocked for 13:45 more", vm.unlockStateProperty().get());
        vm.lockNow();
        assertFalse(session.unlockedProperty().get());
        assertEquals("Locked: the next signature asks for it", vm.unlockStateProperty().get());
        vm.closed();
        assertEquals(0, runner.periodicCount());
    }
}
