package dev.countersign.gateway.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;

/** Writes JSON responses. */
final class Responses {
    static final String JSON = "application/json";

    private Responses() {}

    static void write(Context ctx, ApiResponse response, boolean replayed) {
        if (response.location() != null) {
            ctx.header("Location", response.location());
        }
        if (replayed) {
            ctx.header(Idempotent.REPLAYED_HEADER, "true");
        }
        ctx.status(response.status()).contentType(JSON).result(response.body().getBytes(StandardCharsets.UTF_8));
    }

    static void ok(Context ctx, Object value) {
        write(ctx, ApiResponse.ok(value), false);
    }
}
