package dev.countersign.model.session;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.countersign.model.InvalidFieldException;
import dev.countersign.model.Require;
import dev.countersign.model.crypto.KeyIds;
import dev.countersign.model.crypto.PublicKeys;
import dev.countersign.model.crypto.Signer;
import dev.countersign.model.json.CanonicalJson;
import dev.countersign.model.json.Json;
import dev.countersign.model.record.Dsse;
import dev.countersign.model.record.DsseEnvelope;
import dev.countersign.model.record.DsseSignature;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.time.Instant;
import java.util.List;

/**
 * A reviewer's request to replace their key, signed by both keys (docs/formats.md, "Key rotation"): the old key
 * says "this is my next key", the new key proves it is held by whoever asks. The gateway then enrolls the new key
 * with the reviewer's rights and revokes the old one.
 */
public final class KeyRotations {
    public static final String PAYLOAD_TYPE = "application/vnd.countersign.key-rotation+json";
    public static final String PURPOSE = "countersign-key-rotation";

    private KeyRotations() {}

    /** The rotation statement, serialised as RFC 8785 canonical JSON. {@code newPublicKey} is base64 SPKI DER. */
    public record Rotation(String purpose, String reviewer, String oldKeyId, String newPublicKey, Instant requestedAt) {
        public Rotation {
            Require.text(purpose, "purpose");
            if (!PURPOSE.equals(purpose)) {
                throw new InvalidFieldException("purpose", "must be \"" + PURPOSE + "\"");
            }
            Require.text(reviewer, "reviewer");
            Require.text(oldKeyId, "oldKeyId");
            Require.text(newPublicKey, "newPublicKey");
            Require.present(requestedAt, "requestedAt");
        }

        public static Rotation of(String reviewer, String oldKeyId, PublicKey newKey, Instant requestedAt) {
            return new Rotation(PURPOSE, reviewer, oldKeyId, PublicKeys.toBase64(newKey), requestedAt);
        }

        @JsonIgnore
        public PublicKey newKey() {
            return PublicKeys.fromBase64(newPublicKey);
        }

        @JsonIgnore
        public String newKeyId() {
            return KeyIds.of(newKey());
        }
    }

    /** The envelope: one payload, a signature by the old key first, then one by the new key. */
    public static DsseEnvelope sign(Rotation rotation, Signer oldKey, Signer newKey) throws GeneralSecurityException {
        if (!KeyIds.of(oldKey.publicKey()).equals(rotation.oldKeyId())) {
            throw new InvalidFieldException("oldKeyId", "does not name the key that signs as the old key");
        }
        if (!KeyIds.of(newKey.publicKey()).equals(rotation.newKeyId())) {
            throw new InvalidFieldException("newPublicKey", "is not the key that signs as the new key");
        }
        byte[] payload = CanonicalJson.bytes(rotation);
        DsseEnvelope byOld = Dsse.sign(PAYLOAD_TYPE, payload, oldKey);
        DsseEnvelope byNew = Dsse.sign(PAYLOAD_TYPE, payload, newKey);
        List<DsseSignature> both = List.of(byOld.signatures().get(0), byNew.signatures().get(0));
        return new DsseEnvelope(PAYLOAD_TYPE, byOld.payload(), both);
    }

    /** Reads the rotation statement strictly (InvalidFieldException or JsonFormatException when it is not one). */
    public static Rotation read(DsseEnvelope envelope) {
        if (!PAYLOAD_TYPE.equals(envelope.payloadType())) {
            throw new InvalidFieldException("payloadType", "must be " + PAYLOAD_TYPE);
        }
        return Json.parse(envelope.payloadBytes(), Rotation.class);
    }

    /** True if both the old key and the new key signed this envelope's payload. */
    public static boolean verify(DsseEnvelope envelope, PublicKey oldKey, PublicKey newKey) {
        return PAYLOAD_TYPE.equals(envelope.payloadType()) && envelope.signatures().size() == 2
                && Dsse.verify(envelope, KeyIds.of(oldKey), oldKey) && Dsse.verify(envelope, KeyIds.of(newKey), newKey);
    }
}
