package dev.countersign.model.crypto;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;

/**
 * The two signature schemes a decision may be signed with: Ed25519 for software keys, ECDSA P-256 with SHA-256
 * (DER-encoded signatures) for hardware tokens, which SunPKCS11 cannot drive with EdDSA.
 */
public enum SignatureAlgorithm {
    ED25519("Ed25519"),
    ECDSA_P256_SHA256("SHA256withECDSA");

    private final String jcaName;

    SignatureAlgorithm(String jcaName) {
        this.jcaName = jcaName;
    }

    public String jcaName() {
        return jcaName;
    }

    public static SignatureAlgorithm of(PublicKey key) {
        if (key instanceof EdECPublicKey ed && "Ed25519".equals(ed.getParams().getName())) {
            return ED25519;
        }
        if (key instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() == 256
                && ec.getParams().getOrder().equals(P256.ORDER)) {
            return ECDSA_P256_SHA256;
        }
        throw new UnsupportedKeyException("only Ed25519 and ECDSA P-256 keys are accepted, not "
                + key.getAlgorithm() + " (" + key.getFormat() + ")");
    }

    private static final class P256 {
        static final java.math.BigInteger ORDER = new java.math.BigInteger(
                "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", 16);
    }
}
