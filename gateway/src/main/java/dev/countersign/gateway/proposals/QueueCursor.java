package dev.countersign.gateway.proposals;

import dev.countersign.gateway.problem.ProblemException;
import dev.countersign.gateway.problem.ProblemType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The queue's opaque cursor: base64url of {@code c1:<change sequence>}. */
public final class QueueCursor {
    private static final String PREFIX = "c1:";

    private QueueCursor() {}

    public static String encode(long seq) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + seq).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The sequence a cursor stands for; no cursor means the beginning.
     *
     * @param lastIssued the highest sequence this gateway has handed out
     */
    public static long decode(String cursor, long lastIssued) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!text.startsWith(PREFIX) || text.length() > PREFIX.length() + 19) {
            throw invalid();
        }
        long seq;
        try {
            seq = Long.parseLong(text.substring(PREFIX.length()));
        } catch (NumberFormatException e) {
            throw invalid();
        }
        if (seq < 0 || seq > lastIssued || !encode(seq).equals(cursor)) {
            throw invalid();
        }
        return seq;
    }

    private static ProblemException invalid() {
        return ProblemException.of(ProblemType.INVALID_CURSOR,
                "The cursor was not issued by this gateway. Start again without a cursor.");
    }
}
