package dev.countersign.model.bundle;

import dev.countersign.model.crypto.SignatureAlgorithm;
import dev.countersign.model.record.DecisionRecords;
import dev.countersign.model.record.Dsse;
import dev.countersign.model.record.DsseEnvelope;
import dev.countersign.model.record.DsseSignature;
import dev.countersign.model.record.RecordVerificationException;
import dev.countersign.model.record.VerifiedDecision;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies decision records with {@link DecisionRecords#verify} or, given a JCA provider (Bouncy Castle's, say), with
 * that provider's signature engines and the very same checks in the same order.
 */
final class RecordSignatures {
    private final Provider provider;
    private final Map<String, PublicKey> converted = new ConcurrentHashMap<>();
    /** A provider's signature engines are reused per thread: getting one is a good part of a verification's cost. */
    private final ThreadLocal<Map<SignatureAlgorithm, Signature>> engines = ThreadLocal.withInitial(
            () -> new java.util.EnumMap<>(SignatureAlgorithm.class));

    RecordSignatures(Provider provider) {
        this.provider = provider;
    }

    VerifiedDecision verify(DsseEnvelope envelope, PublicKey key) throws RecordVerificationException {
        return provider == null ? DecisionRecords.verify(envelope, key)
                : DecisionRecords.verify(envelope, key, this::signed);
    }

    private boolean signed(DsseEnvelope envelope, String keyId, PublicKey key) {
        DsseSignature signature = envelope.signatures().get(0);
        if (!signature.keyid().equals(keyId)) {
            return false;
        }
        try {
            byte[] sig = Base64.getDecoder().decode(signature.sig());
            SignatureAlgorithm algorithm = SignatureAlgorithm.of(key);
            Map<SignatureAlgorithm, Signature> mine = engines.get();
            Signature verifier = mine.get(algorithm);
            if (verifier == null) {
                verifier = Signature.getInstance(algorithm.jcaName(), provider);
                mine.put(algorithm, verifier);
            }
            verifier.initVerify(converted.computeIfAbsent(keyId, id -> convert(key)));
            verifier.update(Dsse.pae(envelope.payloadType(), envelope.payloadBytes()));
            return verifier.verify(sig);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The key as the provider's own key class, so it does not convert it on every verification. */
    private PublicKey convert(PublicKey key) {
        String algorithm = SignatureAlgorithm.of(key) == SignatureAlgorithm.ED25519 ? "Ed25519" : "EC";
        try {
            return KeyFactory.getInstance(algorithm, provider).generatePublic(new X509EncodedKeySpec(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            return key;
        }
    }

    static String shortId(String keyId) {
        return keyId != null && keyId.length() > 16 ? keyId.substring(0, 16) + "…" : String.valueOf(keyId);
    }
}
