package dev.countersign.app.identity;

import dev.countersign.app.keys.KeyFileException;
import dev.countersign.app.keys.SoftwareKeyFile;
import dev.countersign.app.settings.ReviewerSettings;
import dev.countersign.app.settings.SettingsException;
import dev.countersign.app.settings.SettingsStore;
import dev.countersign.model.crypto.Signer;
import java.security.PublicKey;
import java.util.Arrays;

/**
 * The reviewer's key file and who it signs as, as blocking calls for background tasks. Every method that takes a
 * passphrase wipes the array before it returns, whatever happens.
 */
public final class ReviewerKeys {
    private final SoftwareKeyFile keyFile;
    private final SettingsStore settings;

    public ReviewerKeys(SoftwareKeyFile keyFile, SettingsStore settings) {
        this.keyFile = keyFile;
        this.settings = settings;
    }

    public boolean hasKey() {
        return keyFile.exists();
    }

    /** Creates the key, saves who it belongs to, and returns it unlocked so the reviewer is not asked twice. */
    public Signer create(ReviewerSettings who, char[] passphrase) throws KeyFileException, SettingsException {
        try {
            keyFile.create(passphrase);
            Signer signer = keyFile.unlock(passphrase);
            settings.save(who);
            return signer;
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    public Signer unlock(char[] passphrase) throws KeyFileException {
        try {
            return keyFile.unlock(passphrase);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    /** Who the existing key signs as (saved settings, else the defaults, which are then saved) and its public key. */
    public Loaded load(ReviewerSettings defaults) throws KeyFileException, SettingsException {
        PublicKey publicKey = keyFile.publicKey();
        ReviewerSettings who = settings.load().orElse(null);
        if (who == null || who.reviewer() == null || who.reviewer().isBlank()) {
            who = defaults;
            settings.save(who);
        }
        return new Loaded(who, publicKey);
    }

    /** An existing key's owner and public key, read without the passphrase. */
    public record Loaded(ReviewerSettings who, PublicKey publicKey) {}
}
