package dev.countersign.gateway.http;

import dev.countersign.gateway.problem.ProblemException;
import dev.countersign.gateway.problem.ProblemType;
import dev.countersign.model.json.Json;
import dev.countersign.model.json.JsonFormatException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/** Reads request bodies, at most {@link #MAX_BYTES}, and parses them strictly. */
final class Bodies {
    static final int MAX_BYTES = 1 << 20;

    private Bodies() {}

    static byte[] read(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > MAX_BYTES) {
            throw tooLarge();
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes(MAX_BYTES + 1);
            if (body.length > MAX_BYTES) {
                throw tooLarge();
            }
            return body;
        } catch (IOException e) {
            throw ProblemException.of(ProblemType.MALFORMED_JSON, "The body could not be read: " + e.getMessage());
        }
    }

    static <T> T parse(byte[] body, Class<T> type) {
        return parse(body, type, ProblemType.INVALID_REQUEST);
    }

    /** Parses; a syntax error is malformed-json, a shape error the given type with the JSON path. */
    static <T> T parse(byte[] body, Class<T> type, ProblemType shapeType) {
        if (body.length == 0) {
            throw ProblemException.of(ProblemType.MALFORMED_JSON, "The body is empty; send a JSON object.");
        }
        try {
            return Json.parse(body, type);
        } catch (JsonFormatException e) {
            throw Problems.fromJson(e, shapeType);
        }
    }

    private static ProblemException tooLarge() {
        return ProblemException.of(ProblemType.PAYLOAD_TOO_LARGE,
                "The request body is larger than " + MAX_BYTES + " bytes.");
    }
}
