package dev.countersign.app.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.countersign.app.common.Messages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The execution window's rules with a clock the test moves: the default start stays valid while the form is open. */
class DecisionWindowTest {
    final Messages messages = Messages.load(Locale.ENGLISH);
    final Instant t0 = Instant.parse("2026-12-02T10:00:30Z");
    final Instant expiry = Instant.parse("2026-12-02T18:00:00Z");
    final MovingClock clock = new MovingClock(t0);
    final ExecutionWindowForm form = new ExecutionWindowForm(messages, clock, ZoneId.of("Europe/Oslo"));

    @Test
    void theDefaultStartStaysValidWhileTheReviewerWritesTheReason() {
        form.enabledProperty().set(true);
        form.fillDefaults(expiry);
        assertEquals("11:00", form.startTimeProperty().get(), "10:00 UTC is 11:00 in Oslo");
        assertEquals("19:00", form.endTimeProperty().get());
        clock.now = t0.plus(Duration.ofMinutes(10));
        ExecutionWindowForm.Checked checked = form.check(expiry);
        assertNull(checked.problem());
        assertEquals(Instant.parse("2026-12-02T10:00:00Z"), checked.conditions().notBefore());
        assertEquals(expiry, checked.conditions().notAfter());
    }

    @Test
    void aStartTypedInThePastIsRefused() {
        form.enabledProperty().set(true);
        form.fillDefaults(expiry);
        clock.now = t0.plus(Duration.ofMinutes(10));
        form.startTimeProperty().set("11:05"); // five minutes before now, typed now
        assertEquals("The window cannot start in the past: start it now or later.", form.check(expiry).problem());
        form.startTimeProperty().set("11:10");
        assertNotNull(form.check(expiry).conditions());
    }

    @Test
    void aWindowThatHasEndedIsRefused() {
        form.enabledProperty().set(true);
        form.fillDefaults(expiry);
        form.endTimeProperty().set("11:02");
        clock.now = t0.plus(Duration.ofMinutes(5));
        assertEquals("The window must end in the future.", form.check(expiry).problem());
    }

    @Test
    void anOffWindowIsNoCondition() {
        form.fillDefaults(expiry);
        assertNull(form.check(expiry).conditions());
        assertNull(form.check(expiry).problem());
    }

    static final class MovingClock extends Clock {
        Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
