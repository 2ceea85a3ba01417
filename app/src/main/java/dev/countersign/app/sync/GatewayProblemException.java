package dev.countersign.app.sync;

import dev.countersign.app.common.UserText;
import dev.countersign.model.api.Problem;

/**
 * The gateway refused a request and said why (RFC 9457 problem details). Nothing changed at the gateway. The
 * problem's title and detail are the gateway's own words: they are shown as they are, framed by the console's
 * ("The gateway refused: …"); {@link #gatewayWords()} gives them unframed for a caller with a frame of its own.
 */
public final class GatewayProblemException extends GatewayException {
    private final transient Problem problem;

    public GatewayProblemException(Problem problem) {
        super(new UserText("error.gateway.refused", gatewayWords(problem)), null);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** The stable cause, e.g. {@code stale-proposal}. */
    public String code() {
        return problem.code();
    }

    /** What the gateway said (its title, then its detail if that adds anything), without the console's frame. */
    public UserText gatewayWords() {
        return gatewayWords(problem);
    }

    /** The gateway's words, for logs: the same as {@code gatewayWords()} in the bundle's English. */
    @Override
    public String getMessage() {
        return gatewayWords().english();
    }

    private static UserText gatewayWords(Problem problem) {
        String detail = problem.detail();
        if (detail == null || detail.isBlank() || detail.equals(problem.title())) {
            return new UserText("error.gateway.problem.title", problem.title());
        }
        return new UserText("error.gateway.problem", problem.title(), detail);
    }
}
