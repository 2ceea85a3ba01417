package dev.countersign.gateway.common;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

/**
 * New identifiers: a prefix and 26 Crockford base32 characters (48 bits of milliseconds, 80 random bits), so ids sort
 * roughly by creation; and unguessable single-use tokens.
 */
public final class Ids {
    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private final Clock clock;
    private final SecureRandom random;

    public Ids(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    public String proposalId() {
        return "prp_" + sortable();
    }

    public String recordId() {
        return "rec_" + sortable();
    }

    public String challengeId() {
        return "chl_" + sortable();
    }

    /** 256 random bits, base64url without padding. */
    public String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private String sortable() {
        long millis = clock.millis();
        byte[] rnd = new byte[10];
        random.nextBytes(rnd);
        char[] out = new char[26];
        for (int i = 9; i >= 0; i--) {
            out[9 - i] = CROCKFORD[(int) ((millis >>> (i * 5)) & 31)];
        }
        long hi = 0;
        for (int i = 0; i < 5; i++) {
            hi = (hi << 8) | (rnd[i] & 0xff);
        }
        long lo = 0;
        for (int i = 5; i < 10; i++) {
            lo = (lo << 8) | (rnd[i] & 0xff);
        }
        for (int i = 0; i < 8; i++) {
            out[10 + i] = CROCKFORD[(int) ((hi >>> (35 - i * 5)) & 31)];
            out[18 + i] = CROCKFORD[(int) ((lo >>> (35 - i * 5)) & 31)];
        }
        return new String(out);
    }
}
