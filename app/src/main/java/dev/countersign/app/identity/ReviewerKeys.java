package dev.countersign.app.identity;

import dev.countersign.app.common.UserText;
import dev.countersign.app.keys.KeyFileException;
import dev.countersign.app.keys.Pkcs11Token;
import dev.countersign.app.keys.SoftwareKeyFile;
import dev.countersign.app.keys.TokenDirectory;
import dev.countersign.app.keys.TokenInfo;
import dev.countersign.app.keys.TokenKey;
import dev.countersign.app.settings.KeySource;
import dev.countersign.app.settings.ReviewerSettings;
import dev.countersign.app.settings.SettingsException;
import dev.countersign.app.settings.SettingsStore;
import dev.countersign.app.settings.UnlockPeriod;
import dev.countersign.model.crypto.KeyIds;
import dev.countersign.model.crypto.PublicKeys;
import dev.countersign.model.crypto.Signer;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The reviewer's key, wherever it lives (the console's encrypted key file, or a hardware token), and who it signs
 * as, as blocking calls for background tasks. Every method that takes a passphrase or PIN wipes the array before it
 * returns, whatever happens.
 */
public final class ReviewerKeys implements TokenChoiceViewModel.Tokens {
    private final SoftwareKeyFile keyFile;
    private final SettingsStore settings;
    private final TokenDirectory tokens;

    public ReviewerKeys(SoftwareKeyFile keyFile, SettingsStore settings) {
        this(keyFile, settings, new TokenDirectory());
    }

    public ReviewerKeys(SoftwareKeyFile keyFile, SettingsStore settings, TokenDirectory tokens) {
        this.keyFile = keyFile;
        this.settings = settings;
        this.tokens = tokens;
    }

    /** True if there is a key: the key file, or a token key named in the settings. */
    public boolean hasKey() {
        return keyFile.exists() || source().isToken();
    }

    /** Where the key lives, from the saved settings (a software key if nothing says otherwise). */
    public KeySource source() {
        try {
            return settings.load().map(ReviewerSettings::keySource).orElse(KeySource.software());
        } catch (SettingsException e) {
            return KeySource.software();
        }
    }

    public SoftwareKeyFile keyFile() {
        return keyFile;
    }

    /** Creates the software key, saves who it belongs to, and returns it unlocked so the reviewer is not asked twice. */
    public Signer create(ReviewerSettings who, char[] passphrase) throws KeyFileException, SettingsException {
        try {
            keyFile.create(passphrase);
            Signer signer = keyFile.unlock(passphrase);
            settings.save(who.withKeySource(KeySource.software()));
            return signer;
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    /** The tokens the library offers that hold keys (initialised ones). */
    @Override
    public List<TokenInfo> tokens(Path library) throws KeyFileException {
        return tokens.tokens(library).stream().filter(TokenInfo::initialized).toList();
    }

    /** The ECDSA P-256 keys on the token; a wrong PIN throws WrongPinException, a locked token TokenLockedException. */
    @Override
    public List<TokenKey> tokenKeys(Path library, TokenInfo token, char[] pin) throws KeyFileException {
        try {
            return Pkcs11Token.inSlot(library, token.slotId()).keys(pin);
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    /**
     * Uses a key on the token: an existing one ({@code existingLabel}) or a new one made under {@code newLabel}; saves
     * who it belongs to with the token as key source, and returns the key unlocked.
     */
    public Signer useToken(ReviewerSettings who, Path library, TokenInfo token, String existingLabel, String newLabel,
            char[] pin) throws KeyFileException, SettingsException {
        try {
            Pkcs11Token device = Pkcs11Token.inSlot(library, token.slotId());
            String label = existingLabel;
            if (label == null) {
                label = device.generate(newLabel, pin).alias();
            }
            Signer signer = device.signer(label, pin);
            settings.save(who.withKeySource(KeySource.token(library.toAbsolutePath().toString(), token.label(),
                    token.serial(), token.slotId(), label, PublicKeys.toBase64(signer.publicKey()))));
            return signer;
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    /** Opens the key for signing with the passphrase (software key) or PIN (token key). */
    public Signer unlock(char[] secret) throws KeyFileException {
        try {
            KeySource source = source();
            if (!source.isToken()) {
                return keyFile.unlock(secret);
            }
            Signer signer = token(source).signer(source.keyLabel(), secret);
            if (source.publicKey() != null
                    && !KeyIds.of(signer.publicKey()).equals(KeyIds.of(PublicKeys.fromBase64(source.publicKey())))) {
                throw new KeyFileException(new UserText("error.token.keyReplaced", source.keyLabel(),
                        source.tokenLabel()));
            }
            return signer;
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    /** The token a key source names, found by its serial among the library's tokens (the slot id may change). */
    public Pkcs11Token token(KeySource source) throws KeyFileException {
        Path library = Path.of(source.library());
        Optional<TokenInfo> found = Optional.empty();
        if (TokenDirectory.listingAvailable()) {
            found = tokens.tokens(library).stream()
                    .filter(t -> t.sameTokenAs(source.tokenLabel(), source.tokenSerial())).findFirst();
            if (found.isEmpty()) {
                throw new KeyFileException(new UserText("error.token.notConnected", source.tokenLabel(),
                        source.tokenSerial()));
            }
            if (found.get().pinLocked()) {
                throw new dev.countersign.app.keys.TokenLockedException();
            }
        }
        long slot = found.map(TokenInfo::slotId).orElse(source.slotId() == null ? 0L : source.slotId());
        return Pkcs11Token.inSlot(library, slot);
    }

    /** Who the existing key signs as (saved settings, else the defaults, which are then saved) and its public key. */
    public Loaded load(ReviewerSettings defaults) throws KeyFileException, SettingsException {
        ReviewerSettings who = settings.load().orElse(null);
        if (who == null || who.reviewer() == null || who.reviewer().isBlank()) {
            who = who == null ? defaults : defaults.withKeySource(who.keySource()).withUnlockPeriod(who.unlockPeriod());
            settings.save(who);
        }
        PublicKey publicKey;
        if (who.keySource().isToken()) {
            if (who.keySource().publicKey() == null) {
                throw new KeyFileException(new UserText("error.token.noPublicKey", settings.file()));
            }
            publicKey = PublicKeys.fromBase64(who.keySource().publicKey());
        } else {
            publicKey = keyFile.publicKey();
        }
        return new Loaded(who, publicKey);
    }

    /** Remembers the unlock period the reviewer chose; returns the settings as saved. */
    public ReviewerSettings rememberUnlockPeriod(ReviewerSettings who, UnlockPeriod period) throws SettingsException {
        ReviewerSettings changed = who.withUnlockPeriod(period);
        settings.save(changed);
        return changed;
    }

    /** Saves who the console signs as (after a rotation: the new key source). */
    public void save(ReviewerSettings who) throws SettingsException {
        settings.save(who);
    }

    /** An existing key's owner and public key, read without the passphrase. */
    public record Loaded(ReviewerSettings who, PublicKey publicKey) {}
}
