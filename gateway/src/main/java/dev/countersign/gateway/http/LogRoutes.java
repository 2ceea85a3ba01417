package dev.countersign.gateway.http;

import dev.countersign.gateway.log.LogService;
import io.javalin.Javalin;
import java.nio.charset.StandardCharsets;

/**
 * The decision log: the newest signed checkpoint, segments of entries, and the gateway's public key. Checkpoint and
 * entries name every proposal, so they need a session, as console calls do; the public key is public.
 */
final class LogRoutes {
    private final LogService log;
    private final SessionGuard guard;

    LogRoutes(LogService log, SessionGuard guard) {
        this.log = log;
        this.guard = guard;
    }

    void register(Javalin app) {
        app.get("/v1/log/checkpoint", ctx -> {
            guard.require(ctx);
            Responses.ok(ctx, log.checkpoint());
        });
        app.get("/v1/log/entries", ctx -> {
            guard.require(ctx);
            Responses.ok(ctx, log.entries(Params.logIndexParam(ctx, "from"),
                    Params.intParam(ctx, "limit", 100, 1, LogService.MAX_SEGMENT)));
        });
        app.get("/v1/log/key", ctx -> ctx.contentType("text/plain; charset=utf-8")
                .result(log.publicKeyPem().getBytes(StandardCharsets.UTF_8)));
    }
}
