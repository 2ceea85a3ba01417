package dev.countersign.gateway.http;

import dev.countersign.gateway.problem.ProblemException;
import dev.countersign.gateway.problem.ProblemType;
import io.javalin.http.Context;

/** Query parameters, checked. */
final class Params {
    private Params() {}

    static int intParam(Context ctx, String name, int fallback, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ProblemException.of(ProblemType.INVALID_REQUEST,
                "The query parameter " + name + " must be an integer from " + min + " to " + max + ".");
    }

    /** A log index: an integer of 0 or more; absent or empty is 0. */
    static long logIndexParam(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isEmpty()) {
            return 0;
        }
        try {
            long value = Long.parseLong(raw);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ProblemException.of(ProblemType.INVALID_REQUEST,
                "The query parameter " + name + " must be a log index, an integer of 0 or more.");
    }
}
