package dev.countersign.app.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.app.common.Messages;
import dev.countersign.app.common.UserErrors;
import dev.countersign.app.support.TestGateway;
import dev.countersign.model.RiskTier;
import dev.countersign.model.api.DecisionRights;
import dev.countersign.model.api.EnrollmentRequest;
import dev.countersign.model.api.SessionGrant;
import dev.countersign.model.crypto.PublicKeys;
import dev.countersign.model.crypto.Signer;
import dev.countersign.model.crypto.SoftwareSigner;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's side of sessions against a real gateway over loopback: open, reuse, renew, lock, lapse. */
class ReviewerSessionsTest {
    @TempDir
    static Path dir;
    static TestGateway gateway;
    static int reviewers;

    String reviewer;
    Signer key;
    final AtomicReference<Optional<Signer>> unlocked = new AtomicReference<>(Optional.empty());
    final List<Optional<SessionGrant>> changes = new ArrayList<>();
    final MovableClock clock = new MovableClock();
    GatewayClient client;
    ReviewerSessions sessions;

    @BeforeAll
    static void startGateway() throws Exception {
        gateway = TestGateway.start(dir);
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    @BeforeEach
    void enrollAReviewer() throws Exception {
        reviewer = "sessions" + (++reviewers) + "@northwind.example";
        key = new SoftwareSigner(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        gateway.client().enroll(new EnrollmentRequest(reviewer, "Session Tester", List.of("sre"),
                PublicKeys.toBase64(key.publicKey()), DecisionRights.all(RiskTier.CRITICAL)), gateway.adminToken(),
                "enroll-" + reviewer);
        client = new GatewayClient(gateway.baseUri());
        sessions = new ReviewerSessions(client, unlocked::get, clock, changes::add);
        client.useSessions(sessions);
    }

    @Test
    void aSessionOpenedWithTheKeyCarriesConsoleCallsAndLastsAtMostFifteenMinutes() throws Exception {
        SessionGrant grant = sessions.open(reviewer, key);
        assertEquals(reviewer, grant.reviewer());
        assertEquals(key.keyId(), grant.keyId());
        assertTrue(!grant.expiresAt().isAfter(Instant.now().plus(Duration.ofMinutes(15)).plusSeconds(5)),
                "ends within 15 minutes: " + grant.expiresAt());
        assertEquals(reviewer, client.reviewer(reviewer).reviewer(), "a console call works with the key locked");
        assertEquals(grant.token(), sessions.token(), "the same session is reused while it has time left");
        assertEquals(List.of(Optional.of(grant)), changes);
    }

    @Test
    void withTheKeyLockedAnEndedSessionAsksForTheReviewerAndSendsNothing() throws Exception {
        sessions.open(reviewer, key);
        clock.advance(Duration.ofMinutes(15));
        SessionLockedException e = assertThrows(SessionLockedException.class, () -> client.queue(null, 1));
        Messages messages = Messages.load(Locale.ENGLISH);
        assertEquals(messages.get("session.locked"), new UserErrors(messages).message(e));
    }

    @Test
    void aSessionNearItsEndThatCannotBeRenewedIsUsedWhileItIsStillValid() throws Exception {
        SessionGrant grant = sessions.open(reviewer, key);
        clock.advance(Duration.between(Instant.now(), grant.expiresAt()).minusSeconds(30)); // 30 s left, key locked
        assertEquals(reviewer, client.reviewer(reviewer).reviewer());
        assertEquals(grant.token(), sessions.current().orElseThrow().token());
    }

    @Test
    void signingOutDoesNotWaitForAnOpeningInProgressAndThatOpeningDoesNotBringTheSessionBack() throws Exception {
        sessions.open(reviewer, key);
        java.util.concurrent.CountDownLatch signing = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Signer slow = new Signer() {
            @Override
            public java.security.PublicKey publicKey() {
                return key.publicKey();
            }

            @Override
            public byte[] sign(byte[] message) throws java.security.GeneralSecurityException {
                signing.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return key.sign(message);
            }
        };
        AtomicReference<Exception> outcome = new AtomicReference<>();
        Thread opener = new Thread(() -> {
            try {
                sessions.open(reviewer, slow); // e.g. a background renewal that read the key just before the lock
            } catch (GatewayException e) {
                outcome.set(e);
            }
        });
        opener.start();
        assertTrue(signing.await(10, java.util.concurrent.TimeUnit.SECONDS));
        sessions.forget(); // as signing out or a rotation does, on the UI thread: returns at once
        assertTrue(sessions.current().isEmpty());
        release.countDown();
        opener.join(10_000);
        assertTrue(sessions.current().isEmpty(), "the opening that ran across the sign-out is discarded");
        assertTrue(outcome.get() instanceof SessionLockedException, String.valueOf(outcome.get()));
    }

    @Test
    void withTheKeyUnlockedASessionNearItsEndIsRenewedWithoutAsking() throws Exception {
        SessionGrant first = sessions.open(reviewer, key);
        unlocked.set(Optional.of(key));
        clock.advance(Duration.between(Instant.now(), first.expiresAt()).minus(ReviewerSessions.RENEW_BEFORE)
                .plusSeconds(1));
        client.queue(null, 1);
        SessionGrant second = sessions.current().orElseThrow();
        assertNotEquals(first.token(), second.token());
        assertEquals(2, changes.size());
    }

    @Test
    void aSessionTheGatewayEndedIsForgottenAndReopenedOnceWhenTheKeyIsUnlocked() throws Exception {
        SessionGrant first = sessions.open(reviewer, key);
        client.closeSession(first.token()); // e.g. signed out elsewhere, or the gateway lost it
        unlocked.set(Optional.of(key));
        client.queue(null, 1);
        assertNotEquals(first.token(), sessions.current().orElseThrow().token());
    }

    @Test
    void ensureOpensASessionWithTheSignerInHandWhenThereIsNone() throws Exception {
        sessions.ensure(reviewer, key);
        SessionGrant grant = sessions.current().orElseThrow();
        sessions.ensure(reviewer, key);
        assertEquals(grant.token(), sessions.current().orElseThrow().token(), "no second session while one is good");
    }

    @Test
    void aKeyTheGatewayDoesNotKnowCannotOpenASession() throws Exception {
        Signer stranger = new SoftwareSigner(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        GatewayProblemException e = assertThrows(GatewayProblemException.class,
                () -> sessions.open(reviewer, stranger));
        assertTrue(e.problem().status() >= 400, e.getMessage());
        assertTrue(sessions.current().isEmpty());
    }

    @Test
    void closingEndsTheSessionAtTheGateway() throws Exception {
        SessionGrant grant = sessions.open(reviewer, key);
        sessions.close();
        assertTrue(sessions.current().isEmpty());
        GatewayClient other = new GatewayClient(gateway.baseUri());
        other.useSessions(new SessionAuth() {
            @Override
            public String token() {
                return grant.token();
            }

            @Override
            public void lapsed(String token) {
            }
        });
        GatewayProblemException e = assertThrows(GatewayProblemException.class, () -> other.queue(null, 1));
        assertEquals("session-invalid", e.code());
    }

    /** A clock the test moves forward; starts at the real time, as the gateway's does. */
    static final class MovableClock extends Clock {
        private Duration offset = Duration.ZERO;

        void advance(Duration by) {
            offset = offset.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }
}
