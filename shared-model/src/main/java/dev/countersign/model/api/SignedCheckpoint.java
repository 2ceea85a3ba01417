package dev.countersign.model.api;

import dev.countersign.model.Require;
import dev.countersign.model.record.DsseEnvelope;

/**
 * The gateway's newest signed checkpoint ({@code GET /v1/log/checkpoint}): a DSSE envelope of payload type
 * {@code application/vnd.countersign.checkpoint+json}, the gateway key's id, and the key as base64 DER
 * SubjectPublicKeyInfo. Check it with {@code Checkpoints.verify} against a gateway key obtained out of band.
 */
public record SignedCheckpoint(DsseEnvelope checkpoint, String gatewayKeyId, String gatewayPublicKey) {
    public SignedCheckpoint {
        Require.present(checkpoint, "checkpoint");
        Require.text(gatewayKeyId, "gatewayKeyId");
        Require.text(gatewayPublicKey, "gatewayPublicKey");
    }
}
