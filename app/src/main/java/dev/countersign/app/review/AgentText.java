package dev.countersign.app.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countersign.app.common.UntrustedText;
import dev.countersign.model.Proposal;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;

/** Every string of a proposal that an agent wrote or chose, for checks that must see all of them at once. */
final class AgentText {
    private AgentText() {}

    /** True if any of them hides characters or holds look-alike letters (see {@link UntrustedText}). */
    static boolean suspicious(Proposal proposal) {
        return strings(proposal).anyMatch(text -> UntrustedText.reveal(text).suspicious());
    }

    /** The intent, the agent's id and owner, the target and environment as submitted, every parameter key and text. */
    static Stream<String> strings(Proposal p) {
        Stream.Builder<String> out = Stream.builder();
        out.add(p.intent()).add(p.agent().id()).add(p.agent().owner()).add(p.target().id()).add(p.target().name())
                .add(p.environment());
        collect(p.parameters().before(), out);
        collect(p.parameters().after(), out);
        return out.build();
    }

    private static void collect(JsonNode node, Stream.Builder<String> out) {
        if (node.isTextual()) {
            out.add(node.textValue());
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                out.add(field.getKey());
                collect(field.getValue(), out);
            }
        } else if (node.isArray()) {
            node.forEach(item -> collect(item, out));
        }
    }
}
