package dev.countersign.model.log;

import dev.countersign.model.crypto.KeyIds;
import dev.countersign.model.crypto.Signer;
import dev.countersign.model.json.CanonicalJson;
import dev.countersign.model.json.Json;
import dev.countersign.model.json.JsonFormatException;
import dev.countersign.model.record.Dsse;
import dev.countersign.model.record.DsseEnvelope;
import java.security.GeneralSecurityException;
import java.security.PublicKey;

/** Signed checkpoints: a DSSE envelope around the checkpoint's canonical JSON, signed with the gateway's key. */
public final class Checkpoints {
    public static final String PAYLOAD_TYPE = "application/vnd.countersign.checkpoint+json";

    private Checkpoints() {}

    public static DsseEnvelope sign(Checkpoint checkpoint, Signer gatewayKey) throws GeneralSecurityException {
        if (!checkpoint.gatewayKeyId().equals(gatewayKey.keyId())) {
            throw new IllegalArgumentException("the checkpoint names key " + checkpoint.gatewayKeyId()
                    + " but would be signed by " + gatewayKey.keyId());
        }
        return Dsse.sign(PAYLOAD_TYPE, CanonicalJson.bytes(checkpoint), gatewayKey);
    }

    /** Verifies the gateway's signature and returns the checkpoint it covers. */
    public static Checkpoint verify(DsseEnvelope envelope, PublicKey gatewayKey) throws LogVerificationException {
        if (!PAYLOAD_TYPE.equals(envelope.payloadType())) {
            throw new LogVerificationException(-1, "the checkpoint's payload type is '" + envelope.payloadType()
                    + "', expected " + PAYLOAD_TYPE);
        }
        String keyId = KeyIds.of(gatewayKey);
        Checkpoint checkpoint;
        try {
            if (!Dsse.verify(envelope, keyId, gatewayKey)) {
                throw new LogVerificationException(-1, "the checkpoint's signature does not verify with the gateway key");
            }
            checkpoint = Json.parse(envelope.payloadBytes(), Checkpoint.class);
        } catch (IllegalArgumentException | JsonFormatException e) {
            throw new LogVerificationException(-1, "the checkpoint is malformed: " + e.getMessage());
        }
        if (!checkpoint.gatewayKeyId().equals(keyId)) {
            throw new LogVerificationException(-1, "the checkpoint names another gateway key than the one that signed it");
        }
        return checkpoint;
    }
}
