package dev.countersign.model.crypto;

import dev.countersign.model.json.Digests;
import java.security.PublicKey;

/** A key id is the lowercase hex sha256 of the public key's DER SubjectPublicKeyInfo. */
public final class KeyIds {
    private KeyIds() {}

    public static String of(PublicKey key) {
        return Digests.sha256Hex(key.getEncoded());
    }
}
