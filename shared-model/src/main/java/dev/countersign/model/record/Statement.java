package dev.countersign.model.record;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.countersign.model.InvalidFieldException;
import dev.countersign.model.Require;
import java.util.List;

/** An in-toto Statement v1 (https://in-toto.io/Statement/v1). */
public record Statement(
        @JsonProperty("_type") String type,
        List<Subject> subject,
        String predicateType,
        JsonNode predicate) {

    public static final String TYPE = "https://in-toto.io/Statement/v1";

    public Statement {
        Require.text(type, "_type");
        if (!TYPE.equals(type)) {
            throw new InvalidFieldException("_type", "must be " + TYPE);
        }
        subject = Require.list(subject, "subject");
        if (subject.isEmpty()) {
            throw new InvalidFieldException("subject", "must name at least one subject");
        }
        Require.text(predicateType, "predicateType");
        Require.present(predicate, "predicate");
        predicate = predicate.deepCopy();
    }

    @Override
    public JsonNode predicate() {
        return predicate.deepCopy();
    }
}
