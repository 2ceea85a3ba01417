package dev.countersign.gateway.idempotency;

import dev.countersign.gateway.problem.ProblemException;
import dev.countersign.gateway.problem.ProblemType;
import dev.countersign.gateway.store.Jdbc;
import dev.countersign.gateway.store.Writer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Idempotency-Key handling. The lookup, the action and the saving of its response run in one write transaction, so
 * two requests with one key cannot both act. Only successful (2xx) responses are kept: a refused request changed
 * nothing and may be sent again, corrected, under the same key.
 */
public final class IdempotencyService {
    /** Keys are kept at least this long. */
    public static final Duration RETENTION = Duration.ofDays(7);

    /** The answer: the response, and whether it is a replay of an earlier one. */
    public record Result(StoredResponse response, boolean replayed) {}

    private final Writer writer;
    private final Clock clock;

    public IdempotencyService(Writer writer, Clock clock) {
        this.writer = writer;
        this.clock = clock;
    }

    /** A valid key is 1–200 printable ASCII characters (no spaces or controls). */
    public static boolean validKey(String key) {
        return key.length() >= 1 && key.length() <= 200 && key.chars().allMatch(ch -> ch >= 0x21 && ch <= 0x7e);
    }

    public Result run(String key, String endpoint, String requestSha256, Supplier<StoredResponse> action) {
        return writer.write(tx -> {
            Optional<String[]> seen = Jdbc.one(tx.connection(), "SELECT request_sha256, response_status,"
                            + " response_body, response_location FROM idempotency WHERE idem_key = ?",
                    rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)}, key);
            if (seen.isPresent()) {
                String[] s = seen.get();
                if (!s[0].equals(requestSha256)) {
                    throw ProblemException.of(ProblemType.IDEMPOTENCY_KEY_REUSED, "The Idempotency-Key was already"
                            + " used with a different request. Use a new key for a new request.");
                }
                return new Result(new StoredResponse(Integer.parseInt(s[1]), s[2], s[3]), true);
            }
            StoredResponse response = action.get();
            if (response.status() >= 200 && response.status() < 300) {
                Jdbc.update(tx.connection(), "INSERT INTO idempotency (idem_key, endpoint, request_sha256,"
                                + " response_status, response_body, response_location, created_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                        key, endpoint, requestSha256, response.status(), response.body(), response.location(),
                        clock.instant());
            }
            return new Result(response, false);
        });
    }

    /** Forgets keys older than the retention period. */
    public int purge() {
        Instant cutoff = clock.instant().minus(RETENTION);
        return writer.write(tx -> purge(tx.connection(), cutoff));
    }

    private static int purge(Connection c, Instant cutoff) throws SQLException {
        return Jdbc.update(c, "DELETE FROM idempotency WHERE created_at < ?", cutoff);
    }
}
