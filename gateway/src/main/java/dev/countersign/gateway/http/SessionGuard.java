package dev.countersign.gateway.http;

import dev.countersign.gateway.problem.ProblemException;
import dev.countersign.gateway.problem.ProblemType;
import dev.countersign.gateway.sessions.Session;
import dev.countersign.gateway.sessions.SessionService;
import io.javalin.http.Context;
import java.util.regex.Pattern;

/** Console calls carry {@code Authorization: Bearer <session token>}; this finds the open session it names. */
final class SessionGuard {
    /** RFC 6750 b64token; a session token is base64url, so it always fits. */
    private static final Pattern BEARER = Pattern.compile("(?i)Bearer +([A-Za-z0-9\\-._~+/]+=*) *");

    private final SessionService sessions;

    SessionGuard(SessionService sessions) {
        this.sessions = sessions;
    }

    /** The caller's open session, or a 401 problem: session-required, session-invalid or session-expired. */
    Session require(Context ctx) {
        return sessions.authenticate(token(ctx));
    }

    static String token(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null) {
            throw ProblemException.of(ProblemType.SESSION_REQUIRED, "Console calls need a session: send"
                    + " 'Authorization: Bearer <token>' with a token from POST /v1/sessions.");
        }
        var m = BEARER.matcher(header);
        if (!m.matches()) {
            throw ProblemException.of(ProblemType.SESSION_REQUIRED, "The Authorization header is not"
                    + " 'Bearer <token>'; console calls need a session token from POST /v1/sessions.");
        }
        return m.group(1);
    }
}
