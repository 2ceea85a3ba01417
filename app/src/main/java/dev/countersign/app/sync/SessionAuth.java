package dev.countersign.app.sync;

/**
 * Where {@link GatewayClient} gets the session token for console calls. Implementations are thread-safe: calls come
 * from background tasks.
 */
public interface SessionAuth {
    /** No sessions: calls go without a token (the gateway will refuse console calls with session-required). */
    SessionAuth NONE = new SessionAuth() {
        @Override
        public String token() {
            return null;
        }

        @Override
        public void lapsed(String token) {
            // nothing to forget
        }
    };

    /**
     * A token valid now, opening or renewing the session if needed. Throws when that needs the reviewer (the key is
     * locked) or the gateway refuses.
     */
    String token() throws GatewayException;

    /** The gateway no longer accepts this token: forget it, so the next {@link #token()} opens a fresh session. */
    void lapsed(String token);

    /** True if the gateway refused a call because its session is missing, unknown or over. */
    static boolean lapsed(GatewayProblemException e) {
        String code = e.code();
        return "session-expired".equals(code) || "session-invalid".equals(code) || "session-required".equals(code);
    }
}
