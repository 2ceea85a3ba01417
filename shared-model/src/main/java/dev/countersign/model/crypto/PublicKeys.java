package dev.countersign.model.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Public keys to and from SubjectPublicKeyInfo DER, base64 and PEM. */
public final class PublicKeys {
    private static final String PEM_BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String PEM_END = "-----END PUBLIC KEY-----";

    private PublicKeys() {}

    /** Decodes DER SubjectPublicKeyInfo of an Ed25519 or P-256 key. */
    public static PublicKey fromSpki(byte[] der) {
        for (String algorithm : new String[] {"Ed25519", "EC"}) {
            try {
                PublicKey key = KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
                SignatureAlgorithm.of(key);
                return key;
            } catch (GeneralSecurityException | UnsupportedKeyException e) {
                // try the next algorithm
            }
        }
        throw new UnsupportedKeyException("not an Ed25519 or ECDSA P-256 public key (SubjectPublicKeyInfo DER)");
    }

    public static PublicKey fromBase64(String spkiBase64) {
        try {
            return fromSpki(Base64.getDecoder().decode(spkiBase64.strip()));
        } catch (IllegalArgumentException e) {
            if (e instanceof UnsupportedKeyException u) {
                throw u;
            }
            throw new UnsupportedKeyException("public key is not valid base64", e);
        }
    }

    public static PublicKey fromPem(String pem) {
        String body = pem.replace(PEM_BEGIN, "").replace(PEM_END, "").replaceAll("\\s", "");
        return fromBase64(body);
    }

    public static String toBase64(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public static String toPem(PublicKey key) {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
        return PEM_BEGIN + "\n" + b64 + "\n" + PEM_END + "\n";
    }
}
