package dev.countersign.app.identity;

import dev.countersign.app.common.UserText;
import dev.countersign.app.keys.KeyFileException;
import dev.countersign.app.keys.Pkcs11Token;
import dev.countersign.app.keys.SoftwareKeyFile;
import dev.countersign.app.settings.KeySource;
import dev.countersign.app.settings.ReviewerSettings;
import dev.countersign.app.sync.GatewayProblemException;
import dev.countersign.app.sync.GatewayResponseException;
import dev.countersign.app.sync.GatewayUnavailableException;
import dev.countersign.model.api.ReviewerView;
import dev.countersign.model.crypto.PublicKeys;
import dev.countersign.model.crypto.Signer;
import dev.countersign.model.crypto.SoftwareSigner;
import dev.countersign.model.record.DsseEnvelope;
import dev.countersign.model.session.KeyRotations;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replacing the reviewer's key, as blocking calls for background tasks: a new key (in the key file, or on the token)
 * or an imported one is made ready beside the current one, the rotation statement is signed by both keys and posted
 * to the gateway, and only when the gateway accepted it does the console switch to the new key. If the gateway
 * refuses or cannot be reached, the new key is thrown away and nothing changes locally.
 */
public final class KeyChanges {
    private static final Logger LOG = LoggerFactory.getLogger(KeyChanges.class);
    private static final DateTimeFormatter LABEL_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    /** Posts a signed rotation (GatewayClient.rotateKey in the console; a fake in tests). */
    @FunctionalInterface
    public interface Poster {
        ReviewerView rotate(String reviewer, DsseEnvelope rotation, String idempotencyKey) throws Exception;

        /**
         * After a post whose answer was lost: whether the gateway has this key in force for the reviewer (so the
         * rotation took effect). Throws when the gateway cannot be asked either; by default it cannot.
         */
        default boolean inForce(String reviewer, String keyId) throws Exception {
            throw new GatewayUnavailableException(new UserText("error.rotation.cannotAsk"), null);
        }
    }

    /** What changed: who the console signs as now (with the new key source) and the new key, unlocked. */
    public record Rotated(ReviewerSettings who, Signer newSigner, ReviewerView view) {}

    /** A new key ready beside the current one: kept with {@link #commit}, or thrown away with {@link #abort}. */
    private interface Staged {
        Signer signer();

        KeySource source();

        /** Where the new key waits until the switch, in words. */
        UserText where();

        void commit() throws Exception;

        void abort() throws Exception;
    }

    private final ReviewerKeys keys;
    private final Clock clock;

    public KeyChanges(ReviewerKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** A new software key under a new passphrase (wiped), replacing the key the old signer holds. */
    public Rotated rotateToNewSoftwareKey(ReviewerSettings who, Signer oldSigner, char[] newPassphrase, Poster poster)
            throws Exception {
        try {
            return rotate(who, oldSigner, stageSoftware(SoftwareKeyFile.newKeyPair(), newPassphrase), poster);
        } finally {
            Arrays.fill(newPassphrase, '\0');
        }
    }

    /**
     * A key from someone else's PKCS#12 file (opened with {@code filePassphrase}), stored re-encrypted in the
     * console's key file under {@code newPassphrase}. With a current key (old signer) this is a rotation; without
     * one ({@code oldSigner} null) the key is simply put in place. Both arrays are wiped.
     */
    public Rotated importPkcs12(ReviewerSettings who, Signer oldSigner, Path file, char[] filePassphrase,
            char[] newPassphrase, Poster poster) throws Exception {
        try {
            KeyPair pair = SoftwareKeyFile.readPkcs12(file, filePassphrase);
            Staged staged = stageSoftware(pair, newPassphrase);
            if (oldSigner == null) {
                staged.commit();
                ReviewerSettings now = who.withKeySource(staged.source());
                keys.save(now);
                return new Rotated(now, staged.signer(), null);
            }
            return rotate(who, oldSigner, staged, poster);
        } finally {
            Arrays.fill(filePassphrase, '\0');
            Arrays.fill(newPassphrase, '\0');
        }
    }

    /**
     * A new ECDSA P-256 key on the same token as the current one (the PIN, wiped, opens it and signs with the old
     * key too). The old key stays on the token, untouched, but the console no longer uses it.
     */
    public Rotated rotateOnToken(ReviewerSettings who, char[] pin, Poster poster) throws Exception {
        KeySource source = who.keySource();
        if (!source.isToken()) {
            Arrays.fill(pin, '\0');
            throw new KeyFileException(new UserText("error.rotation.notOnToken"));
        }
        try {
            Pkcs11Token token = keys.token(source);
            String label = "countersign-" + LABEL_TIME.format(clock.instant());
            token.generate(label, pin); // pin is wiped by the finally below
            java.util.List<Signer> both = token.signers(pin, source.keyLabel(), label);
            Signer oldSigner = both.get(0);
            Signer newSigner = both.get(1);
            char[] abortPin = pin.clone();
            Staged staged = new Staged() {
                @Override
                public Signer signer() {
                    return newSigner;
                }

                @Override
                public KeySource source() {
                    return KeySource.token(source.library(), source.tokenLabel(), source.tokenSerial(),
                            source.slotId() == null ? 0L : source.slotId(), label,
                            PublicKeys.toBase64(newSigner.publicKey()));
                }

                @Override
                public UserText where() {
                    return new UserText("error.rotation.whereToken", source.tokenLabel(), label);
                }

                @Override
                public void commit() {
                    Arrays.fill(abortPin, '\0');
                }

                @Override
                public void abort() throws Exception {
                    try {
                        token.delete(label, abortPin);
                    } finally {
                        Arrays.fill(abortPin, '\0');
                    }
                }
            };
            return rotate(who, oldSigner, staged, poster);
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    private Rotated rotate(ReviewerSettings who, Signer oldSigner, Staged staged, Poster poster) throws Exception {
        ReviewerView view;
        try {
            DsseEnvelope statement = KeyRotations.sign(KeyRotations.Rotation.of(who.reviewer(), oldSigner.keyId(),
                    staged.signer().publicKey(), clock.instant()), oldSigner, staged.signer());
            view = poster.rotate(who.reviewer(), statement, "rotate-" + UUID.randomUUID());
        } catch (Exception e) {
            if (!answerLost(e)) {
                throw abort(staged, e); // the gateway said no: nothing changed there
            }
            // the gateway may have rotated and only its answer was lost: throwing the new key away now could leave
            // the reviewer with no key in force, so ask whether it is
            boolean inForce;
            try {
                inForce = poster.inForce(who.reviewer(), staged.signer().keyId());
            } catch (Exception unknown) {
                LOG.warn("rotation outcome unknown: {} / {}", e.getMessage(), unknown.getMessage());
                throw new KeyFileException(new UserText("error.rotation.unknown", staged.where(),
                        staged.signer().keyId().substring(0, 12)), e);
            }
            if (!inForce) {
                throw abort(staged, e);
            }
            LOG.info("the rotation's answer was lost, but the gateway has the new key in force: switching to it");
            view = null;
        }
        // the gateway has the new key and revoked the old one: from here on the console must sign with the new key
        staged.commit();
        ReviewerSettings now = who.withKeySource(staged.source());
        keys.save(now);
        return new Rotated(now, staged.signer(), view);
    }

    /** True if the post may have reached the gateway and been applied, though no definite answer came back. */
    private static boolean answerLost(Exception e) {
        if (e instanceof GatewayProblemException refused) {
            return refused.problem().status() >= 500;
        }
        return e instanceof GatewayUnavailableException || e instanceof GatewayResponseException;
    }

    private static Exception abort(Staged staged, Exception cause) {
        try {
            staged.abort();
        } catch (Exception cleanup) {
            LOG.warn("the new key could not be thrown away after the rotation failed: {}", cleanup.getMessage());
        }
        return cause;
    }

    private Staged stageSoftware(KeyPair pair, char[] newPassphrase) throws KeyFileException {
        SoftwareKeyFile current = keys.keyFile();
        SoftwareKeyFile next = new SoftwareKeyFile(current.path().resolveSibling(current.path().getFileName() + ".next"));
        if (next.exists()) {
            // left by a change that stopped between the gateway's answer and the switch: it may be the only key the
            // gateway still accepts, so it is never deleted here
            throw new KeyFileException(new UserText("error.rotation.leftOver", next.path(), current.path()));
        }
        next.store(pair, newPassphrase);
        Signer signer = new SoftwareSigner(pair);
        return new Staged() {
            @Override
            public Signer signer() {
                return signer;
            }

            @Override
            public KeySource source() {
                return KeySource.software();
            }

            @Override
            public UserText where() {
                return new UserText("error.rotation.whereFile", next.path());
            }

            @Override
            public void commit() throws KeyFileException {
                current.replaceWith(next);
            }

            @Override
            public void abort() throws KeyFileException {
                next.delete();
            }
        };
    }
}
