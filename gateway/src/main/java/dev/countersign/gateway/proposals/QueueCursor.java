package dev.countersign.gateway.proposals;

import dev.countersign.gateway.problem.ProblemException;
import dev.countersign.gateway.problem.ProblemType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The queue's opaque cursor: base64url of {@code c2:<database instance>:<change sequence>}. The instance is the
 * database's random name (gateway_meta), so a cursor another database issued is refused rather than read as a
 * position in this one's history. Cursors of the older form {@code c1:<seq>} are refused too: a console then syncs
 * from the beginning, which costs one full sync and loses nothing.
 */
public final class QueueCursor {
    private static final String PREFIX = "c2:";

    private QueueCursor() {}

    public static String encode(String instance, long seq) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + instance + ":" + seq).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The sequence a cursor stands for; no cursor means the beginning.
     *
     * @param instance this database's name
     * @param lastIssued the highest sequence this gateway has handed out
     */
    public static long decode(String cursor, String instance, long lastIssued) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        String mine = PREFIX + instance + ":";
        if (!text.startsWith(mine) || text.length() > mine.length() + 19) {
            throw invalid();
        }
        long seq;
        try {
            seq = Long.parseLong(text.substring(mine.length()));
        } catch (NumberFormatException e) {
            throw invalid();
        }
        if (seq < 0 || seq > lastIssued || !encode(instance, seq).equals(cursor)) {
            throw invalid();
        }
        return seq;
    }

    private static ProblemException invalid() {
        return ProblemException.of(ProblemType.INVALID_CURSOR,
                "The cursor was not issued by this gateway. Start again without a cursor.");
    }
}
