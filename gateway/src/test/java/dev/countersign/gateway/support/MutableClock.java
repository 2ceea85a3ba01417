package dev.countersign.gateway.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock a test moves by hand. It can also run ahead on the gateway's writer thread only, which is how a test
 * makes a write commit later than its request was authenticated (as one queued behind other writes does).
 */
public final class MutableClock extends Clock {
    /** The name of the gateway's single writer thread ({@code store.Writer}). */
    private static final String WRITER_THREAD = "gateway-writer";

    private volatile Instant now;
    private volatile Duration writerAhead = Duration.ZERO;

    public MutableClock(Instant start) {
        this.now = start;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** From now on the writer thread reads this much later than every other thread; ZERO puts it back. */
    public void writerAhead(Duration ahead) {
        writerAhead = ahead;
    }

    @Override
    public Instant instant() {
        return WRITER_THREAD.equals(Thread.currentThread().getName()) ? now.plus(writerAhead) : now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a test clock stays in UTC");
    }
}
