package dev.countersign.gateway.http;

import dev.countersign.gateway.sessions.KeyRotationService;
import dev.countersign.gateway.sessions.Session;
import dev.countersign.gateway.sessions.SessionService;
import dev.countersign.model.api.SessionChallengeRequest;
import dev.countersign.model.api.SessionGrant;
import dev.countersign.model.record.DsseEnvelope;
import io.javalin.Javalin;

/**
 * Sessions and keys: ask for a challenge, open a session with it signed, close it, rotate the session's key. Opening
 * a session is never run under an Idempotency-Key: its answer holds a token, which must not be stored.
 */
final class SessionRoutes {
    private final SessionService sessions;
    private final KeyRotationService rotations;
    private final SessionGuard guard;
    private final Idempotent idempotent;

    SessionRoutes(SessionService sessions, KeyRotationService rotations, SessionGuard guard, Idempotent idempotent) {
        this.sessions = sessions;
        this.rotations = rotations;
        this.guard = guard;
        this.idempotent = idempotent;
    }

    void register(Javalin app) {
        app.post("/v1/sessions/challenges", ctx -> Responses.write(ctx, ApiResponse.created(sessions.challenge(
                Bodies.parse(Bodies.read(ctx), SessionChallengeRequest.class)), null), false));
        app.post("/v1/sessions", ctx -> {
            SessionGrant grant = sessions.open(Bodies.parse(Bodies.read(ctx), DsseEnvelope.class));
            ctx.header("Cache-Control", "no-store");
            Responses.write(ctx, ApiResponse.created(grant, null), false);
        });
        app.delete("/v1/sessions/current", ctx -> {
            guard.require(ctx);
            sessions.close(SessionGuard.token(ctx));
            ctx.status(204);
        });
        app.post("/v1/reviewers/{reviewer}/keys/rotations", ctx -> {
            Session session = guard.require(ctx);
            String reviewer = ctx.pathParam("reviewer");
            idempotent.post(ctx, body -> ApiResponse.created(rotations.rotate(session, reviewer,
                    Bodies.parse(body, DsseEnvelope.class)), "/v1/reviewers/" + reviewer));
        });
    }
}
