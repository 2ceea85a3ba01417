package dev.countersign.model.crypto;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;

/** Verifies a signature with the scheme the public key implies. */
public final class Signatures {
    private Signatures() {}

    /** True only if the signature is valid; a malformed signature is simply not valid. */
    public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        SignatureAlgorithm algorithm = SignatureAlgorithm.of(key);
        try {
            Signature verifier = Signature.getInstance(algorithm.jcaName());
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
