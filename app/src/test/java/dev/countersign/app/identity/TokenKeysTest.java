package dev.countersign.app.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.app.common.Messages;
import dev.countersign.app.common.SyncTaskRunner;
import dev.countersign.app.common.UserErrors;
import dev.countersign.app.keys.SoftHsm;
import dev.countersign.app.keys.SoftwareKeyFile;
import dev.countersign.app.keys.TokenInfo;
import dev.countersign.app.keys.TokenKey;
import dev.countersign.app.settings.KeySource;
import dev.countersign.app.settings.ReviewerSettings;
import dev.countersign.app.settings.SettingsStore;
import dev.countersign.app.settings.UnlockPeriod;
import dev.countersign.app.support.FakeDialogService;
import dev.countersign.app.support.FakeDialogService.Answer;
import dev.countersign.app.sync.GatewayProblemException;
import dev.countersign.model.api.Problem;
import dev.countersign.model.crypto.SignatureAlgorithm;
import dev.countersign.model.crypto.Signer;
import dev.countersign.model.record.DsseEnvelope;
import dev.countersign.model.session.KeyRotations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reviewer key on a token (SoftHSM2): first use, unlocking with the PIN, and rotation on the token. */
class TokenKeysTest {
    private static final ReviewerSettings BO = new ReviewerSettings("bo@northwind.example", "Bo Token", List.of());

    @TempDir
    Path dataDir;
    private final Messages messages = Messages.load(Locale.ENGLISH);
    private final SyncTaskRunner runner = new SyncTaskRunner();
    private final FakeDialogService dialogs = new FakeDialogService();
    private final ManualTime time = new ManualTime(Instant.parse("2026-12-01T11:00:00Z"));
    private final SigningSession session = new SigningSession(time.clock(), time);

    private ReviewerKeys keys() {
        return new ReviewerKeys(new SoftwareKeyFile(dataDir.resolve("reviewer-key.p12")),
                new SettingsStore(dataDir.resolve("settings.json")));
    }

    /** A new key on the second token, as the first-run window makes it; the console then signs with it. */
    private Signer keyOnToken(ReviewerKeys keys) throws Exception {
        TokenInfo token = SoftHsm.info(SoftHsm.SECOND_LABEL);
        TokenChoiceViewModel choice = new TokenChoiceViewModel(messages, runner, new UserErrors(messages), keys,
                List.of(SoftHsm.LIBRARY));
        choice.listTokens();
        assertTrue(choice.tokens().stream().anyMatch(t -> t.label().equals(SoftHsm.LABEL)));
        choice.tokenProperty().set(choice.tokens().stream().filter(t -> t.label().equals(SoftHsm.SECOND_LABEL))
                .findFirst().orElseThrow());
        choice.open("000000".toCharArray());
        assertEquals("The token refused that PIN. Check it and try again; most tokens lock after a few wrong tries.",
                choice.errorProperty().get());
        assertFalse(choice.openedProperty().get());
        choice.open(SoftHsm.PIN.toCharArray());
        assertTrue(choice.openedProperty().get());
        choice.makeNewKeyProperty().set(true);
        choice.newKeyLabelProperty().set("bo-" + System.nanoTime());
        assertTrue(choice.readyProperty().get());
        return keys.useToken(BO, choice.libraryPath(), token, null, choice.newLabel(), SoftHsm.PIN.toCharArray());
    }

    @Test
    void aKeyMadeOnTheTokenIsSavedAsATokenSourceAndUnlockedWithThePinLater() throws Exception {
        ReviewerKeys keys = keys();
        Signer made = keyOnToken(keys);
        assertEquals(SignatureAlgorithm.ECDSA_P256_SHA256, made.algorithm());
        KeySource source = new SettingsStore(dataDir.resolve("settings.json")).load().orElseThrow().keySource();
        assertEquals(KeySource.Kind.PKCS11, source.kind());
        assertEquals(SoftHsm.SECOND_LABEL, source.tokenLabel());
        assertTrue(Files.readString(dataDir.resolve("settings.json")).contains("\"kind\" : \"pkcs11\""));
        assertFalse(Files.exists(dataDir.resolve("reviewer-key.p12")), "no key file for a token key");

        KeyGate gate = new KeyGate(messages, runner, dialogs, dialogs, keys, session, BO);
        gate.prepare(null, null, () -> { });
        assertEquals(made.keyId(), session.keyIdProperty().get(), "known without the PIN");

        dialogs.answer(Answer.type("000000"), Answer.type(SoftHsm.PIN));
        List<Signer> got = new ArrayList<>();
        gate.withSigner(got::add, () -> { throw new AssertionError("not cancelled"); });
        assertEquals(List.of("The token refused that PIN. Check it and try again; most tokens lock after a few "
                + "wrong tries."), dialogs.unlockErrorsSeen());
        assertEquals(made.keyId(), got.get(0).keyId());
        byte[] message = "signed on the token".getBytes();
        assertTrue(dev.countersign.model.crypto.Signatures.verify(made.publicKey(), message, got.get(0).sign(message)));
        assertFalse(session.unlockedProperty().get(), "only to sign: locked once used");
    }

    @Test
    void theUnlockPromptAsksForThePinAndNamesTheToken() throws Exception {
        KeySource source = KeySource.token("/usr/lib/softhsm/libsofthsm2.so", "piv-card", "0042", 7L, "my-key", null);
        UnlockViewModel vm = new UnlockViewModel(messages, runner, new UserErrors(messages), "bo@northwind.example",
                "0123456789abcdef", source, UnlockPeriod.FIVE_MINUTES, pin -> null, s -> { }, () -> { });
        assertTrue(vm.asksForPin());
        assertEquals("PIN", vm.secretLabel());
        assertEquals("Enter the PIN of token piv-card (serial 0042) to unlock the key my-key that signs as "
                + "bo@northwind.example (key 0123456789ab).", vm.promptProperty().get());
        assertEquals(UnlockPeriod.FIVE_MINUTES, vm.periodProperty().get(), "the remembered period is preset");
    }

    @Test
    void aLockedTokenSaysSoBeforeAnyPinIsTried() {
        TokenInfo locked = new TokenInfo(3, "piv-card", "Yubico", "YubiKey", "0042", true, true, false);
        List<String> asked = new ArrayList<>();
        TokenChoiceViewModel choice = new TokenChoiceViewModel(messages, runner, new UserErrors(messages),
                new TokenChoiceViewModel.Tokens() {
                    @Override
                    public List<TokenInfo> tokens(Path library) {
                        return List.of(locked);
                    }

                    @Override
                    public List<TokenKey> tokenKeys(Path library, TokenInfo token, char[] pin) {
                        asked.add("pin");
                        return List.of();
                    }
                }, List.of(Path.of("/usr/lib/x86_64-linux-gnu/libykcs11.so")));
        choice.listTokens();
        assertEquals(locked, choice.tokenProperty().get());
        assertTrue(choice.errorProperty().get().startsWith("Token piv-card is locked: too many wrong PINs"),
                choice.errorProperty().get());
        choice.open("123456".toCharArray());
        assertTrue(asked.isEmpty(), "the PIN is not even tried");
        assertFalse(choice.readyProperty().get());
    }

    @Test
    void rotationOnTheTokenMakesANewTokenKeyAndKeepsTheOldOneUntouched() throws Exception {
        ReviewerKeys keys = keys();
        Signer old = keyOnToken(keys);
        KeyGate gate = new KeyGate(messages, runner, dialogs, dialogs, keys, session, BO);
        gate.prepare(null, null, () -> { });
        List<DsseEnvelope> posted = new ArrayList<>();
        ChangeKeyViewModel vm = new ChangeKeyViewModel(messages, runner, new UserErrors(messages),
                ChangeKeyViewModel.Mode.ROTATE_TOKEN, session.reviewerProperty().get(), true,
                new KeyChanges(keys, time.clock()), gate, (r, envelope, k) -> {
                    posted.add(envelope);
                    return null;
                }, null, done -> session.replaceKey(done.who(), done.newSigner()), () -> { });
        vm.pinChanged(SoftHsm.PIN);
        vm.submit(SoftHsm.PIN.toCharArray(), new char[0]);

        assertEquals(null, vm.errorProperty().get());
        KeyRotations.Rotation rotation = KeyRotations.read(posted.get(0));
        assertTrue(KeyRotations.verify(posted.get(0), old.publicKey(), rotation.newKey()));
        KeySource now = new SettingsStore(dataDir.resolve("settings.json")).load().orElseThrow().keySource();
        assertEquals("countersign-20261201-110000", now.keyLabel());
        assertEquals(rotation.newKeyId(), session.keyIdProperty().get());
        List<String> onToken = keys.token(now).keys(SoftHsm.PIN.toCharArray()).stream()
                .map(TokenKey::keyId).toList();
        assertTrue(onToken.contains(old.keyId()), "the old key is still on the token");
        assertTrue(onToken.contains(rotation.newKeyId()));
        keys.token(now).delete(now.keyLabel(), SoftHsm.PIN.toCharArray()); // the next run makes the same label
    }

    @Test
    void aRefusedRotationOnTheTokenTakesTheNewKeyOffTheTokenAgain() throws Exception {
        ReviewerKeys keys = keys();
        keyOnToken(keys);
        byte[] settingsBefore = Files.readAllBytes(dataDir.resolve("settings.json"));
        KeyGate gate = new KeyGate(messages, runner, dialogs, dialogs, keys, session, BO);
        gate.prepare(null, null, () -> { });
        KeySource source = session.reviewerProperty().get().keySource();
        int keysBefore = keys.token(source).keys(SoftHsm.PIN.toCharArray()).size();
        ChangeKeyViewModel vm = new ChangeKeyViewModel(messages, runner, new UserErrors(messages),
                ChangeKeyViewModel.Mode.ROTATE_TOKEN, session.reviewerProperty().get(), true,
                new KeyChanges(keys, time.clock()), gate, (r, envelope, k) -> {
                    throw new GatewayProblemException(new Problem(Problem.TYPE_PREFIX + "not-permitted",
                            "Not permitted", 403, null, null, null, null, null));
                }, null, done -> { throw new AssertionError("not done"); }, () -> { });
        vm.pinChanged(SoftHsm.PIN);
        vm.submit(SoftHsm.PIN.toCharArray(), new char[0]);

        assertEquals("The gateway refused the new key: Not permitted Nothing changed: you still sign with your "
                + "current key.", vm.errorProperty().get());
        assertArrayEquals(settingsBefore, Files.readAllBytes(dataDir.resolve("settings.json")));
        assertEquals(keysBefore, keys.token(source).keys(SoftHsm.PIN.toCharArray()).size());
        assertEquals(Optional.empty(), keys.token(source).keys(SoftHsm.PIN.toCharArray()).stream()
                .filter(k -> k.alias().startsWith("countersign-2026")).findFirst());
    }
}
