package dev.countersign.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countersign.model.api.Problem;
import dev.countersign.model.json.Json;
import java.net.http.HttpHeaders;
import java.util.Optional;

/** An HTTP reply as a test reads it. */
public record Reply(int status, String body, HttpHeaders headers) {
    public JsonNode json() {
        return Json.tree(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public <T> T as(Class<T> type) {
        return Json.parse(body, type);
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    public String contentType() {
        return header("Content-Type").orElse("");
    }

    /** The problem's short type, e.g. {@code stale-proposal}; fails if the reply is not a problem. */
    public String problem() {
        if (!contentType().startsWith("application/problem+json")) {
            throw new AssertionError("not a problem (" + status + " " + contentType() + "): " + body);
        }
        return as(Problem.class).code();
    }

    /** The problem's detail, the words a person reads. */
    public String detail() {
        problem();
        return as(Problem.class).detail();
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
