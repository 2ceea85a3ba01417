package dev.countersign.model.record;

import dev.countersign.model.crypto.Signatures;
import dev.countersign.model.crypto.Signer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;

/** DSSE v1 signing and verification over the pre-authentication encoding. */
public final class Dsse {
    private Dsse() {}

    /**
     * PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body, where LEN is the byte length in ASCII
     * decimal and type is UTF-8. These are the bytes a signature covers.
     */
    public static byte[] pae(String payloadType, byte[] body) {
        byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + type.length + 32);
        out.writeBytes(("DSSEv1 " + type.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(type);
        out.writeBytes((" " + body.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        return out.toByteArray();
    }

    public static DsseEnvelope sign(String payloadType, byte[] body, Signer signer) throws GeneralSecurityException {
        byte[] signature = signer.sign(pae(payloadType, body));
        Base64.Encoder b64 = Base64.getEncoder();
        return new DsseEnvelope(payloadType, b64.encodeToString(body),
                List.of(new DsseSignature(signer.keyId(), b64.encodeToString(signature))));
    }

    /** True if the signature from the given key id verifies with the given key over the envelope's payload. */
    public static boolean verify(DsseEnvelope envelope, String keyId, PublicKey key) {
        byte[] message = pae(envelope.payloadType(), envelope.payloadBytes());
        for (DsseSignature signature : envelope.signatures()) {
            if (!signature.keyid().equals(keyId)) {
                continue;
            }
            byte[] sig;
            try {
                sig = Base64.getDecoder().decode(signature.sig());
            } catch (IllegalArgumentException e) {
                return false;
            }
            return Signatures.verify(key, message, sig);
        }
        return false;
    }
}
