package dev.countersign.model.crypto;

import java.security.GeneralSecurityException;
import java.security.PublicKey;

/**
 * Something that signs with a private key it may not reveal: a software key unlocked from a PKCS#12 file, or a
 * hardware token reached through PKCS#11.
 */
public interface Signer {
    PublicKey publicKey();

    default String keyId() {
        return KeyIds.of(publicKey());
    }

    default SignatureAlgorithm algorithm() {
        return SignatureAlgorithm.of(publicKey());
    }

    /** Signs the message; ECDSA signatures come DER-encoded. */
    byte[] sign(byte[] message) throws GeneralSecurityException;
}
