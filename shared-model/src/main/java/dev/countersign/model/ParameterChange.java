package dev.countersign.model;

import com.fasterxml.jackson.databind.JsonNode;

/** The complete state of the target before the action and the complete state the agent asks for after it. */
public record ParameterChange(JsonNode before, JsonNode after) {
    public ParameterChange {
        Require.present(before, "before");
        Require.present(after, "after");
        if (!before.isObject()) {
            throw new InvalidFieldException("before", "must be a JSON object");
        }
        if (!after.isObject()) {
            throw new InvalidFieldException("after", "must be a JSON object");
        }
        before = before.deepCopy();
        after = after.deepCopy();
    }

    @Override
    public JsonNode before() {
        return before.deepCopy();
    }

    @Override
    public JsonNode after() {
        return after.deepCopy();
    }
}
