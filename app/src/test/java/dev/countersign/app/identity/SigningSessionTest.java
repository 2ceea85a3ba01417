package dev.countersign.app.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.app.settings.ReviewerSettings;
import dev.countersign.app.settings.UnlockPeriod;
import dev.countersign.model.crypto.Signer;
import dev.countersign.model.crypto.SoftwareSigner;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Unlock periods: a timed unlock ends when the clock passes it, "Lock now" ends it at once. */
class SigningSessionTest {
    private final ManualTime time = new ManualTime(Instant.parse("2026-12-01T09:00:00Z"));
    private final SigningSession session = new SigningSession(time.clock(), time);

    private Signer identified() throws Exception {
        Signer signer = new SoftwareSigner(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        session.identify(new ReviewerSettings("ana@northwind.example", "Ana", List.of()), signer.publicKey());
        return signer;
    }

    @Test
    void aFiveMinuteUnlockLocksWhenTheClockPassesIt() throws Exception {
        Signer signer = identified();
        session.unlock(signer, UnlockPeriod.FIVE_MINUTES);
        assertTrue(session.unlockedProperty().get());
        assertEquals(Instant.parse("2026-12-01T09:05:00Z"), session.unlockedUntilProperty().get());
        assertFalse(session.onlyToSign());

        time.advance(Duration.ofMinutes(4).plusSeconds(59));
        assertSame(signer, session.currentSigner().orElseThrow());
        assertTrue(session.unlockedProperty().get());

        time.advance(Duration.ofSeconds(1));
        assertFalse(session.unlockedProperty().get(), "the timer locked it");
        assertTrue(session.currentSigner().isEmpty());
        assertNull(session.unlockedUntilProperty().get());
    }

    @Test
    void backgroundWorkGetsOnlyAKeyUnlockedForAPeriodNeverOneUnlockedOnlyToSign() throws Exception {
        Signer signer = identified();
        session.unlock(signer, UnlockPeriod.ONLY_TO_SIGN);
        assertTrue(session.backgroundSigner().isEmpty(), "only to sign: the key belongs to the step that asked");
        session.lockNow();
        session.unlock(signer, UnlockPeriod.FIFTEEN_MINUTES);
        assertSame(signer, session.backgroundSigner().orElseThrow());
        time.setWithoutFiring(Instant.parse("2026-12-01T09:15:00Z"));
        assertTrue(session.backgroundSigner().isEmpty(), "the period has passed");
    }

    @Test
    void aBackgroundThreadNeverGetsAKeyWhosePeriodHasPassedEvenBeforeTheTimerRuns() throws Exception {
        Signer signer = identified();
        session.unlock(signer, UnlockPeriod.FIVE_MINUTES);
        time.setWithoutFiring(Instant.parse("2026-12-01T09:06:00Z"));
        var pool = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> seen = pool.submit(() -> session.currentSigner().isPresent());
            assertFalse(seen.get(), "past the period: no signer, whatever the timer did");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void lockNowEndsAnUnlockAtOnceAndCancelsItsTimer() throws Exception {
        Signer signer = identified();
        session.unlock(signer, UnlockPeriod.ONE_HOUR);
        assertEquals(1, time.pending());
        session.lockNow();
        assertFalse(session.unlockedProperty().get());
        assertTrue(session.currentSigner().isEmpty());
        assertEquals(0, time.pending(), "the relock timer was cancelled");
    }

    @Test
    void onlyToSignHoldsTheKeyWithoutATimer() throws Exception {
        Signer signer = identified();
        session.unlock(signer, UnlockPeriod.ONLY_TO_SIGN);
        assertTrue(session.onlyToSign());
        assertNull(session.unlockedUntilProperty().get());
        assertEquals(0, time.pending());
        assertSame(signer, session.currentSigner().orElseThrow());
    }

    @Test
    void aRotatedKeyKeepsTheRemainingPeriod() throws Exception {
        Signer old = identified();
        session.unlock(old, UnlockPeriod.FIFTEEN_MINUTES);
        time.advance(Duration.ofMinutes(5));
        Signer next = new SoftwareSigner(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        session.replaceKey(session.reviewerProperty().get(), next);
        assertEquals(next.keyId(), session.keyIdProperty().get());
        assertSame(next, session.currentSigner().orElseThrow());
        assertEquals(Instant.parse("2026-12-01T09:15:00Z"), session.unlockedUntilProperty().get());
        time.advance(Duration.ofMinutes(10));
        assertFalse(session.unlockedProperty().get());
    }
}
