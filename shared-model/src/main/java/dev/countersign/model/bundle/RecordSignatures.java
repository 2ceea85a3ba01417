package dev.countersign.model.bundle;

import dev.countersign.model.Decision;
import dev.countersign.model.crypto.KeyIds;
import dev.countersign.model.crypto.SignatureAlgorithm;
import dev.countersign.model.json.CanonicalJson;
import dev.countersign.model.json.Json;
import dev.countersign.model.json.JsonFormatException;
import dev.countersign.model.record.DecisionRecords;
import dev.countersign.model.record.Dsse;
import dev.countersign.model.record.DsseEnvelope;
import dev.countersign.model.record.DsseSignature;
import dev.countersign.model.record.RecordVerificationException;
import dev.countersign.model.record.RecordVerificationException.Failure;
import dev.countersign.model.record.Statement;
import dev.countersign.model.record.VerifiedDecision;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
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
        if (provider == null) {
            return DecisionRecords.verify(envelope, key);
        }
        if (!DecisionRecords.PAYLOAD_TYPE.equals(envelope.payloadType())) {
            throw new RecordVerificationException(Failure.WRONG_PAYLOAD_TYPE, "payload type is '"
                    + envelope.payloadType() + "', expected " + DecisionRecords.PAYLOAD_TYPE);
        }
        if (envelope.signatures().size() != 1) {
            throw new RecordVerificationException(Failure.MALFORMED,
                    "a decision record carries exactly one signature, not " + envelope.signatures().size());
        }
        String keyId = KeyIds.of(key);
        boolean signed;
        Statement statement;
        try {
            signed = signed(envelope, keyId, key);
            statement = DecisionRecords.readStatement(envelope);
        } catch (IllegalArgumentException | JsonFormatException e) {
            throw new RecordVerificationException(Failure.MALFORMED, "the record is malformed: " + e.getMessage(), e);
        }
        if (!signed) {
            throw new RecordVerificationException(Failure.BAD_SIGNATURE,
                    "the signature does not verify with key " + shortId(keyId));
        }
        if (!Arrays.equals(envelope.payloadBytes(), CanonicalJson.bytes(statement))) {
            throw new RecordVerificationException(Failure.MALFORMED,
                    "the payload is not the RFC 8785 canonical JSON of its statement");
        }
        if (!DecisionRecords.PREDICATE_TYPE.equals(statement.predicateType())) {
            throw new RecordVerificationException(Failure.WRONG_PREDICATE_TYPE, "predicate type is '"
                    + statement.predicateType() + "', expected " + DecisionRecords.PREDICATE_TYPE);
        }
        if (statement.subject().size() != 1 || statement.subject().get(0).sha256() == null) {
            throw new RecordVerificationException(Failure.MALFORMED,
                    "a decision record names exactly one subject with a sha256 digest");
        }
        Decision decision;
        try {
            decision = Json.convert(statement.predicate(), Decision.class);
        } catch (JsonFormatException e) {
            throw new RecordVerificationException(Failure.MALFORMED, "the decision is malformed at " + e.getMessage(), e);
        }
        if (!decision.keyId().equals(keyId)) {
            throw new RecordVerificationException(Failure.KEY_MISMATCH,
                    "the decision names key " + shortId(decision.keyId()) + " but was signed by " + shortId(keyId));
        }
        return new VerifiedDecision(decision, statement.subject().get(0).name(), statement.subject().get(0).sha256(),
                keyId);
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
