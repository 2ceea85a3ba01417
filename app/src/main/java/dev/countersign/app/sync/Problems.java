package dev.countersign.app.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.countersign.model.JsonValue;
import dev.countersign.model.ProposalStatus;
import dev.countersign.model.api.Problem;
import java.io.IOException;

/**
 * Reads RFC 9457 problem details leniently: unknown members are ignored and a body that is not a problem at all
 * still becomes one, from the HTTP status, so the reviewer always gets words rather than a parse error.
 */
final class Problems {
    private static final ObjectMapper LENIENT = new ObjectMapper();

    private Problems() {}

    static Problem parse(int status, String reason, byte[] body) {
        JsonNode node = null;
        try {
            node = body.length == 0 ? null : LENIENT.readTree(body);
        } catch (IOException e) {
            // not JSON: fall back to the status line
        }
        if (node == null || !node.isObject()) {
            return fallback(status, reason);
        }
        String type = text(node, "type");
        String title = text(node, "title");
        if (type == null || type.isBlank()) {
            type = "about:blank";
        }
        if (title == null || title.isBlank()) {
            title = fallback(status, reason).title();
        }
        int problemStatus = node.path("status").canConvertToInt() ? node.path("status").asInt() : status;
        return new Problem(type, title, problemStatus, text(node, "detail"), text(node, "instance"),
                text(node, "proposalId"), proposalStatus(text(node, "proposalStatus")), text(node, "path"));
    }

    /**
     * A problem made from the status line alone. Its title is the answer's own words (the reason phrase and status
     * code), not the console's: the console frames it in its own words where it is shown.
     */
    private static Problem fallback(int status, String reason) {
        String title = reason == null || reason.isBlank() ? "HTTP " + status : reason + " (HTTP " + status + ")";
        return new Problem("about:blank", title, status, null, null, null, null, null);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    private static ProposalStatus proposalStatus(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JsonValue.parse(ProposalStatus.class, json);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
