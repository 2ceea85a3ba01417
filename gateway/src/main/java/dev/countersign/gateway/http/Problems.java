package dev.countersign.gateway.http;

import dev.countersign.gateway.problem.ProblemException;
import dev.countersign.gateway.problem.ProblemType;
import dev.countersign.model.api.Problem;
import dev.countersign.model.json.Json;
import dev.countersign.model.json.JsonFormatException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes RFC 9457 problem responses and maps every exception to one. Nothing of a stack trace reaches the client;
 * an unexpected failure is logged once, here, with an id the client is given.
 */
final class Problems {
    static final String CONTENT_TYPE = "application/problem+json";
    /** Set on a context once a problem body is written, so the 404 fallback leaves it alone. */
    static final String WRITTEN = "countersign.problem";
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private Problems() {}

    static void write(Context ctx, ProblemException e) {
        Problem problem = new Problem(e.type().uri(), e.type().title(), e.type().status(), e.detail(), ctx.path(),
                e.proposalId(), e.proposalStatus(), e.path());
        ctx.attribute(WRITTEN, Boolean.TRUE);
        if (e.type() == ProblemType.UNAUTHORIZED) {
            ctx.header("WWW-Authenticate", "Bearer");
        } else if (e.type() == ProblemType.SESSION_REQUIRED) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"countersign\"");
        } else if (e.type().sessionLapsed()) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"countersign\", error=\"invalid_token\"");
        }
        ctx.status(e.type().status()).contentType(CONTENT_TYPE).result(Json.bytes(problem));
    }

    /** The problem for a JSON body that is not JSON (malformed-json) or not of the expected shape. */
    static ProblemException fromJson(JsonFormatException e, ProblemType shapeType) {
        if (e.problem().startsWith("malformed JSON")) {
            return ProblemException.of(ProblemType.MALFORMED_JSON, "The body is not valid JSON: "
                    + e.problem().substring("malformed JSON".length()).replaceFirst("^[ :]+", ""));
        }
        return ProblemException.atPath(shapeType, e.path(), e.path() + " " + e.problem());
    }

    static void handle(Exception e, Context ctx) {
        if (e instanceof ProblemException p) {
            write(ctx, p);
        } else if (e instanceof JsonFormatException j) {
            write(ctx, fromJson(j, ProblemType.INVALID_REQUEST));
        } else if (e instanceof HttpResponseException h) {
            write(ctx, fromJavalin(h));
        } else {
            String incident = UUID.randomUUID().toString();
            LOG.error("Unexpected failure answering {} {} (incident {})", ctx.method(), ctx.path(), incident, e);
            write(ctx, ProblemException.of(ProblemType.INTERNAL_ERROR,
                    "The gateway failed to answer; the operator can find incident " + incident + " in its log."));
        }
    }

    private static ProblemException fromJavalin(HttpResponseException h) {
        return switch (h.getStatus()) {
            case 413 -> ProblemException.of(ProblemType.PAYLOAD_TOO_LARGE, "The request body is too large.");
            case 404 -> ProblemException.of(ProblemType.NOT_FOUND, "Not found.");
            case 401 -> ProblemException.of(ProblemType.UNAUTHORIZED, "Authentication is required.");
            default -> ProblemException.of(ProblemType.INVALID_REQUEST, "The request was refused: " + h.getMessage());
        };
    }
}
