package dev.countersign.model.record;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.countersign.model.InvalidFieldException;
import dev.countersign.model.Require;
import java.util.Base64;
import java.util.List;

/** A DSSE envelope (https://github.com/secure-systems-lab/dsse): base64 payload, its type, and signatures. */
public record DsseEnvelope(String payloadType, String payload, List<DsseSignature> signatures) {
    public DsseEnvelope {
        Require.text(payloadType, "payloadType");
        Require.present(payload, "payload");
        signatures = Require.list(signatures, "signatures");
        if (signatures.isEmpty()) {
            throw new InvalidFieldException("signatures", "must hold at least one signature");
        }
    }

    /** The payload bytes, decoded from standard base64. */
    @JsonIgnore
    public byte[] payloadBytes() {
        try {
            return Base64.getDecoder().decode(payload);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("payload", "is not valid base64");
        }
    }
}
