package dev.countersign.gateway.decisions;

import dev.countersign.gateway.problem.ProblemException;
import dev.countersign.gateway.problem.ProblemType;
import dev.countersign.model.Decision;
import dev.countersign.model.json.Json;
import dev.countersign.model.json.JsonFormatException;
import dev.countersign.model.record.DecisionRecords;
import dev.countersign.model.record.DsseEnvelope;
import dev.countersign.model.record.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first check of a posted decision: the envelope holds an in-toto Statement about one proposal version whose
 * predicate is a decision about that same version. Nothing here is trusted yet; the signature is checked later.
 */
final class RecordShape {
    private static final Pattern SUBJECT = Pattern.compile("proposal:(.+)@v([1-9][0-9]{0,8})");

    /** The claims read from an unverified record. */
    record Claims(Decision decision, String subjectName) {}

    private RecordShape() {}

    static Claims read(DsseEnvelope envelope) {
        if (!DecisionRecords.PAYLOAD_TYPE.equals(envelope.payloadType())) {
            throw invalid("$.payloadType", "The payload type is '" + envelope.payloadType() + "', expected "
                    + DecisionRecords.PAYLOAD_TYPE + ".");
        }
        Statement statement;
        try {
            statement = DecisionRecords.readStatement(envelope);
        } catch (JsonFormatException e) {
            throw invalid("$.payload", "The payload is not an in-toto Statement v1: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw invalid("$.payload", "The payload is not valid: " + e.getMessage());
        }
        if (!DecisionRecords.PREDICATE_TYPE.equals(statement.predicateType())) {
            throw invalid("$.payload", "The predicate type is '" + statement.predicateType() + "', expected "
                    + DecisionRecords.PREDICATE_TYPE + ".");
        }
        if (statement.subject().size() != 1 || statement.subject().get(0).sha256() == null) {
            throw invalid("$.payload", "A decision record names exactly one subject with a sha256 digest.");
        }
        Decision decision;
        try {
            decision = Json.convert(statement.predicate(), Decision.class);
        } catch (JsonFormatException e) {
            throw invalid("$.payload", "The decision is malformed at " + e.getMessage().replaceFirst("^\\$",
                    "predicate"));
        }
        String subjectName = statement.subject().get(0).name();
        Matcher m = SUBJECT.matcher(subjectName);
        if (!m.matches()) {
            throw invalid("$.payload", "The subject name '" + subjectName + "' is not proposal:{id}@v{version}.");
        }
        if (!m.group(1).equals(decision.proposalId()) || Integer.parseInt(m.group(2)) != decision.proposalVersion()) {
            throw invalid("$.payload", "The subject " + subjectName + " and the decision (" + decision.proposalId()
                    + " v" + decision.proposalVersion() + ") name different proposals.");
        }
        return new Claims(decision, subjectName);
    }

    private static ProblemException invalid(String path, String detail) {
        return ProblemException.atPath(ProblemType.INVALID_RECORD, path, detail);
    }
}
