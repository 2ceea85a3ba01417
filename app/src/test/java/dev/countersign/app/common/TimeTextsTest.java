package dev.countersign.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TimeTextsTest {
    private final TimeTexts time = new TimeTexts(Messages.load(Locale.ENGLISH), ZoneOffset.UTC);
    private final Instant now = Instant.parse("2026-11-22T05:00:00Z");

    @Test
    void spansUseTheirTwoLargestUnits() {
        assertEquals("45s", time.span(Duration.ofSeconds(45)));
        assertEquals("12m", time.span(Duration.ofMinutes(12)));
        assertEquals("3h 20m", time.span(Duration.ofMinutes(200)));
        assertEquals("2h", time.span(Duration.ofHours(2)));
        assertEquals("2d 4h", time.span(Duration.ofHours(52)));
    }

    @Test
    void untilSaysInOrExpired() {
        assertEquals("in 1h 30m", time.until(now.plus(Duration.ofMinutes(90)), now));
        assertEquals("expired 5m ago", time.until(now.minus(Duration.ofMinutes(5)), now));
    }

    @Test
    void agoIsJustNowWithinAMinute() {
        assertEquals("just now", time.ago(now.minusSeconds(20), now));
        assertEquals("3h ago", time.ago(now.minus(Duration.ofHours(3)), now));
    }
}
