package dev.countersign.gateway.http;

import dev.countersign.gateway.idempotency.IdempotencyService;
import dev.countersign.gateway.problem.ProblemException;
import dev.countersign.gateway.problem.ProblemType;
import dev.countersign.model.json.Digests;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** Runs a POST under its Idempotency-Key, if it has one, and writes the response (or the replay). */
final class Idempotent {
    static final String KEY_HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final IdempotencyService service;

    Idempotent(IdempotencyService service) {
        this.service = service;
    }

    void post(Context ctx, Function<byte[], ApiResponse> action) {
        byte[] body = Bodies.read(ctx);
        String key = ctx.header(KEY_HEADER);
        if (key == null) {
            Responses.write(ctx, action.apply(body), false);
            return;
        }
        if (!IdempotencyService.validKey(key)) {
            throw ProblemException.of(ProblemType.INVALID_REQUEST,
                    "The Idempotency-Key must be 1 to 200 printable ASCII characters without spaces.");
        }
        String endpoint = ctx.method() + " " + ctx.path();
        IdempotencyService.Result result = service.run(key, endpoint, requestSha256(endpoint, body),
                () -> action.apply(body).stored());
        Responses.write(ctx, ApiResponse.of(result.response()), result.replayed());
    }

    private static String requestSha256(String endpoint, byte[] body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length + 64);
        bytes.writeBytes(endpoint.getBytes(StandardCharsets.UTF_8));
        bytes.write('\n');
        bytes.writeBytes(body);
        return Digests.sha256Hex(bytes.toByteArray());
    }
}
