package dev.countersign.app.sync;

import dev.countersign.model.api.Problem;

/** The gateway refused a request and said why (RFC 9457 problem details). Nothing changed at the gateway. */
public final class GatewayProblemException extends GatewayException {
    private final Problem problem;

    public GatewayProblemException(Problem problem) {
        super(describe(problem), null);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** The stable cause, e.g. {@code stale-proposal}. */
    public String code() {
        return problem.code();
    }

    private static String describe(Problem problem) {
        String detail = problem.detail();
        if (detail == null || detail.isBlank() || detail.equals(problem.title())) {
            return problem.title();
        }
        return problem.title() + ". " + detail;
    }
}
