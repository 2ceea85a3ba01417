package dev.countersign.app.keys;

import dev.countersign.model.crypto.KeyIds;
import java.security.PublicKey;

/** A signing key found on a hardware token: its label on the token and its public key. */
public record TokenKey(String alias, PublicKey publicKey) {
    public String keyId() {
        return KeyIds.of(publicKey);
    }
}
