package dev.countersign.model.record;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countersign.model.Decision;
import dev.countersign.model.Proposal;
import dev.countersign.model.crypto.KeyIds;
import dev.countersign.model.crypto.Signer;
import dev.countersign.model.json.CanonicalJson;
import dev.countersign.model.json.Digests;
import dev.countersign.model.json.Json;
import dev.countersign.model.json.JsonFormatException;
import dev.countersign.model.record.RecordVerificationException.Failure;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Decision records: a DSSE envelope holding an in-toto Statement v1 whose subject is the proposal (sha256 of its
 * RFC 8785 canonical JSON) and whose predicate is the {@link Decision}. The payload is the Statement's canonical JSON.
 */
public final class DecisionRecords {
    public static final String PAYLOAD_TYPE = "application/vnd.in-toto+json";
    public static final String PREDICATE_TYPE = "https://countersign.dev/attestations/decision/v1";

    private DecisionRecords() {}

    /** The digest a decision about this proposal must be bound to. */
    public static String proposalDigest(Proposal proposal) {
        return Digests.canonicalSha256(proposal);
    }

    public static Statement statement(Proposal proposal, Decision decision) {
        return statement(proposal.subjectName(), proposalDigest(proposal), decision);
    }

    public static Statement statement(String subjectName, String proposalDigest, Decision decision) {
        return new Statement(Statement.TYPE,
                List.of(new Subject(subjectName, Map.of("sha256", proposalDigest))),
                PREDICATE_TYPE,
                Json.toTree(decision));
    }

    public static DsseEnvelope sign(Statement statement, Signer signer) throws GeneralSecurityException {
        return Dsse.sign(PAYLOAD_TYPE, CanonicalJson.bytes(statement), signer);
    }

    /**
     * Verifies the envelope's signature with the given key and reads the decision out of it. It checks the payload
     * type, the predicate type, that the decision names the key that signed it, and the signature; it does not check
     * enrollment, rights or freshness, which are the gateway's business.
     */
    public static VerifiedDecision verify(DsseEnvelope envelope, PublicKey key) throws RecordVerificationException {
        return verify(envelope, key, Dsse::verify);
    }

    /** How the signature over an envelope's PAE is checked: {@link Dsse#verify} (the JDK's engines) by default. */
    @FunctionalInterface
    public interface SignatureCheck {
        boolean verify(DsseEnvelope envelope, String keyId, PublicKey key);
    }

    /** As {@link #verify(DsseEnvelope, PublicKey)}, with the signature checked another way (a faster provider's). */
    public static VerifiedDecision verify(DsseEnvelope envelope, PublicKey key, SignatureCheck check)
            throws RecordVerificationException {
        if (!PAYLOAD_TYPE.equals(envelope.payloadType())) {
            throw new RecordVerificationException(Failure.WRONG_PAYLOAD_TYPE,
                    "payload type is '" + envelope.payloadType() + "', expected " + PAYLOAD_TYPE);
        }
        if (envelope.signatures().size() != 1) {
            throw new RecordVerificationException(Failure.MALFORMED,
                    "a decision record carries exactly one signature, not " + envelope.signatures().size());
        }
        String keyId = KeyIds.of(key);
        boolean signed;
        Statement statement;
        try {
            signed = check.verify(envelope, keyId, key);
            statement = readStatement(envelope);
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
        if (!PREDICATE_TYPE.equals(statement.predicateType())) {
            throw new RecordVerificationException(Failure.WRONG_PREDICATE_TYPE,
                    "predicate type is '" + statement.predicateType() + "', expected " + PREDICATE_TYPE);
        }
        if (statement.subject().size() != 1 || statement.subject().get(0).sha256() == null) {
            throw new RecordVerificationException(Failure.MALFORMED, "a decision record names exactly one subject with a sha256 digest");
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
        Subject subject = statement.subject().get(0);
        return new VerifiedDecision(decision, subject.name(), subject.sha256(), keyId);
    }

    /** Reads the statement without verifying anything: for display of records whose signature is checked elsewhere. */
    public static Statement readStatement(DsseEnvelope envelope) {
        JsonNode tree = Json.tree(envelope.payloadBytes());
        return Json.convert(tree, Statement.class);
    }

    private static String shortId(String keyId) {
        return keyId.length() > 16 ? keyId.substring(0, 16) + "…" : keyId;
    }
}
