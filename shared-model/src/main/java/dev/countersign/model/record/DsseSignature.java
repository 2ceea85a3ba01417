package dev.countersign.model.record;

import dev.countersign.model.Require;

/** One signature of a DSSE envelope: the signer's key id and the base64 signature. */
public record DsseSignature(String keyid, String sig) {
    public DsseSignature {
        Require.text(keyid, "keyid");
        Require.text(sig, "sig");
    }
}
