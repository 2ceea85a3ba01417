package dev.countersign.gateway.http;

import dev.countersign.gateway.problem.ProblemException;
import dev.countersign.gateway.problem.ProblemType;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Lets admin calls through only with {@code Authorization: Bearer <admin token>}, compared in constant time. */
final class AdminGuard {
    private final byte[] token;

    AdminGuard(String token) {
        this.token = token.getBytes(StandardCharsets.US_ASCII);
    }

    void check(Context ctx) {
        String header = ctx.header("Authorization");
        byte[] given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).strip().getBytes(StandardCharsets.US_ASCII)
                : new byte[0];
        if (!MessageDigest.isEqual(given, token)) {
            throw ProblemException.of(ProblemType.UNAUTHORIZED, header == null
                    ? "Admin calls need the header 'Authorization: Bearer <admin token>'; the token is in"
                            + " admin.token in the gateway's data folder."
                    : "The admin token is wrong.");
        }
    }
}
