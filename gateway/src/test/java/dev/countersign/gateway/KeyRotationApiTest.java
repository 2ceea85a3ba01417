package dev.countersign.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.gateway.support.DecisionSigner;
import dev.countersign.gateway.support.Http;
import dev.countersign.gateway.support.MutableClock;
import dev.countersign.gateway.support.Reply;
import dev.countersign.gateway.support.TestReviewer;
import dev.countersign.gateway.support.TestWorld;
import dev.countersign.model.ProposalStatus;
import dev.countersign.model.api.DecisionReceipt;
import dev.countersign.model.api.DecisionRecordView;
import dev.countersign.model.api.ProposalView;
import dev.countersign.model.api.RecordList;
import dev.countersign.model.api.ReviewerView;
import dev.countersign.model.api.SessionGrant;
import dev.countersign.model.crypto.PublicKeys;
import dev.countersign.model.json.Json;
import dev.countersign.model.record.DecisionRecords;
import dev.countersign.model.record.DsseEnvelope;
import dev.countersign.model.record.DsseSignature;
import dev.countersign.model.session.KeyRotations;
import dev.countersign.model.session.KeyRotations.Rotation;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reviewer replaces their key through their own session, signed by the old and the new key. */
class KeyRotationApiTest {
    @TempDir
    static Path dataDir;
    static TestWorld world;
    static TestReviewer bob;

    @BeforeAll
    static void start() {
        world = TestWorld.start(dataDir);
        bob = TestReviewer.p256("bob@example.test").enrollAt(world.http, "platform-security", "sre");
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    private static String path(String reviewer) {
        return "/v1/reviewers/" + reviewer + "/keys/rotations";
    }

    private static DsseEnvelope rotation(TestReviewer old, TestReviewer next, Instant requestedAt) {
        try {
            return KeyRotations.sign(Rotation.of(old.reviewer(), old.keyId(), next.signer().publicKey(), requestedAt),
                    old.signer(), next.signer());
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static Reply rotate(Http session, String reviewer, DsseEnvelope envelope) {
        return session.post(path(reviewer), Json.string(envelope));
    }

    private static ReviewerView reviewer(String name) {
        return world.expect(200, world.console().get("/v1/reviewers/" + name)).as(ReviewerView.class);
    }

    /** The refusal has its own type and words, and the reviewer's keys and the session are as they were. */
    private static void assertRefused(Reply reply, int status, String type, String detailPart, TestReviewer old,
            Http session) {
        ReviewerView before = reviewer(old.reviewer());
        assertEquals(status, reply.status(), reply::toString);
        assertEquals(type, reply.problem());
        assertTrue(reply.detail().contains(detailPart), reply.detail());
        assertEquals(before, reviewer(old.reviewer()));
        assertTrue(before.keys().stream().allMatch(k -> k.revokedAt() == null), before::toString);
        assertEquals(200, session.get("/v1/queue").status());
    }

    @Test
    void theNewKeyTakesOverWithTheRightsAndTheOldKeysRecordsStayValid(@TempDir Path dir) {
        TestReviewer old = TestReviewer.ed25519("erin@example.test");
        TestReviewer next = old.nextKey();
        MutableClock clock;
        try (TestWorld own = TestWorld.start(dir)) {
            clock = own.clock;
            old.enrollAt(own.http, "platform-security", "sre");
            ProposalView first = own.submit("nhi-b", "dev");
            DecisionReceipt signedByOld = own.expect(201, own.decide(DecisionSigner.about(first).by(old)
                    .nonce(own.nonce(first.proposal().id())))).as(DecisionReceipt.class);
            ReviewerView before = own.expect(200, own.console().get("/v1/reviewers/" + old.reviewer()))
                    .as(ReviewerView.class);

            Http oldSession = old.sessionAt(own.http);
            Reply rotated = rotate(oldSession, old.reviewer(), rotation(old, next, own.clock.instant()));
            assertEquals(201, rotated.status(), rotated::toString);
            ReviewerView after = rotated.as(ReviewerView.class);
            assertEquals(before.rights(), after.rights());
            assertEquals(before.roles(), after.roles());
            assertEquals(2, after.keys().size());
            ReviewerView.Key oldKey = key(after, old);
            ReviewerView.Key newKey = key(after, next);
            assertNotNull(oldKey.revokedAt());
            assertEquals("rotated to " + next.keyId(), oldKey.revokedReason());
            assertNull(newKey.revokedAt());
            assertEquals("Ed25519", newKey.algorithm());
            // the rotation's own signed statement stays with the new key: checkable with the two public keys alone
            assertNotNull(newKey.rotationProof(), "the new key carries its proof");
            assertNull(oldKey.rotationProof(), "an admin-enrolled key has none");
            assertTrue(KeyRotations.verify(newKey.rotationProof(), PublicKeys.fromBase64(oldKey.publicKey()),
                    PublicKeys.fromBase64(newKey.publicKey())));
            assertEquals(old.keyId(), KeyRotations.read(newKey.rotationProof()).oldKeyId());

            // the old key's session ended, and the old key opens no other
            assertEquals("session-invalid", oldSession.get("/v1/queue").problem());
            // (answered as an unknown key: the console learns from this 4xx that the rotation took effect)
            Reply noChallenge = own.http.post("/v1/sessions/challenges", old.challengeRequestJson());
            assertEquals(403, noChallenge.status(), noChallenge::toString);
            assertEquals("unknown-key", noChallenge.problem());
            assertEquals(201, own.http.post("/v1/sessions/challenges", next.challengeRequestJson()).status());
            // a replay of the rotation has no session to run in
            assertEquals("session-invalid", rotate(oldSession, old.reviewer(), rotation(old, next,
                    own.clock.instant())).problem());

            // the new key opens a session and decides with the rights the reviewer held
            ProposalView second = own.submit("nhi-b", "dev");
            Reply decided = own.decide(DecisionSigner.about(second).by(next)
                    .nonce(own.nonce(second.proposal().id())));
            assertEquals(201, decided.status(), decided::toString);
            assertEquals(ProposalStatus.APPROVED, decided.as(DecisionReceipt.class).status());

            // the record the old key signed is still served and verifies with the old key
            DecisionRecordView record = own.expect(200, own.console().get("/v1/decisions/"
                    + signedByOld.recordId())).as(DecisionRecordView.class);
            assertEquals(old.keyId(), record.keyId());
            assertEquals(old.keyId(), assertVerifies(record.envelope(), old));
        }

        // the log, holding a record of a key revoked since, still verifies when the gateway starts again
        try (Gateway again = TestWorld.startGateway(dir, clock, false)) {
            Http http = new Http(again.baseUri(), again.adminToken());
            Http console = next.sessionAt(http);
            assertEquals(2, console.get("/v1/decisions").as(RecordList.class).records().size());
            assertEquals("unknown-key", http.post("/v1/sessions/challenges", old.challengeRequestJson()).problem());
        }
    }

    private static ReviewerView.Key key(ReviewerView view, TestReviewer holder) {
        return view.keys().stream().filter(k -> k.keyId().equals(holder.keyId())).findFirst().orElseThrow();
    }

    private static String assertVerifies(DsseEnvelope envelope, TestReviewer by) {
        try {
            return DecisionRecords.verify(envelope, by.signer().publicKey()).decision().keyId();
        } catch (Exception e) {
            throw new AssertionError("the old record no longer verifies: " + e, e);
        }
    }

    @Test
    void bothKeysMustSignInOrder() {
        TestReviewer old = TestReviewer.ed25519("frank@example.test").enrollAt(world.http, "sre");
        TestReviewer next = old.nextKey();
        Http session = old.sessionAt(world.http);
        DsseEnvelope both = rotation(old, next, world.clock.instant());
        DsseEnvelope oldOnly = new DsseEnvelope(both.payloadType(), both.payload(), List.of(both.signatures().get(0)));
        assertRefused(rotate(session, old.reviewer(), oldOnly), 422, "invalid-request", "carries 1", old, session);

        DsseEnvelope byStranger = rotation(old, old.nextKey(), world.clock.instant());
        DsseSignature strangers = byStranger.signatures().get(1);
        DsseEnvelope wrongNew = new DsseEnvelope(both.payloadType(), both.payload(),
                List.of(both.signatures().get(0), strangers));
        assertRefused(rotate(session, old.reviewer(), wrongNew), 422, "bad-signature", "then by the new key", old,
                session);
        DsseEnvelope forged = new DsseEnvelope(both.payloadType(), both.payload(),
                List.of(both.signatures().get(0), new DsseSignature(next.keyId(), strangers.sig())));
        assertRefused(rotate(session, old.reviewer(), forged), 422, "bad-signature", "does not prove", old, session);
        DsseEnvelope swapped = new DsseEnvelope(both.payloadType(), both.payload(),
                List.of(both.signatures().get(1), both.signatures().get(0)));
        assertRefused(rotate(session, old.reviewer(), swapped), 422, "bad-signature", "signed first by the old key",
                old, session);
        DsseEnvelope wrongType = new DsseEnvelope("application/vnd.in-toto+json", both.payload(), both.signatures());
        assertRefused(rotate(session, old.reviewer(), wrongType), 422, "invalid-request", KeyRotations.PAYLOAD_TYPE,
                old, session);
        assertEquals(201, rotate(session, old.reviewer(), both).status());
    }

    @Test
    void onlyTheSessionOfTheOldKeyMayRotateIt() {
        TestReviewer old = TestReviewer.ed25519("grace@example.test").enrollAt(world.http, "sre");
        TestReviewer second = old.nextKey().enrollAt(world.http, "sre");
        Http own = old.sessionAt(world.http);
        DsseEnvelope envelope = rotation(old, old.nextKey(), world.clock.instant());
        assertRefused(rotate(world.as(bob), old.reviewer(), envelope), 403, "session-mismatch",
                "This session is " + bob.reviewer() + "'s", old, own);
        assertRefused(rotate(world.as(bob), bob.reviewer(), envelope), 403, "session-mismatch", "rotate key", old,
                own);
        assertRefused(rotate(second.sessionAt(world.http), old.reviewer(), envelope), 403, "session-mismatch",
                second.keyId(), old, own);
        assertRefused(world.http.post(path(old.reviewer()), Json.string(envelope)), 401, "session-required",
                "Authorization", old, own);
        assertEquals(201, rotate(own, old.reviewer(), envelope).status());
    }

    @Test
    void aRotationMustBeRequestedWithinFiveMinutesOfNow() {
        TestReviewer old = TestReviewer.ed25519("heidi@example.test").enrollAt(world.http, "sre");
        TestReviewer next = old.nextKey();
        Http session = old.sessionAt(world.http);
        Instant now = world.clock.instant();
        assertRefused(rotate(session, old.reviewer(), rotation(old, next, now.minus(Duration.ofMinutes(5))
                .minusSeconds(1))), 422, "rotation-stale", "The console's clock and the gateway's differ by 6"
                + " minutes", old, session);
        assertRefused(rotate(session, old.reviewer(), rotation(old, next, now.plus(Duration.ofMinutes(5))
                .plusSeconds(1))), 422, "rotation-stale", "differ by 6 minutes", old, session);
        assertRefused(rotate(session, old.reviewer(), rotation(old, next, now.minus(Duration.ofDays(1)))), 422,
                "rotation-stale", "differ by 1440 minutes", old, session);
        assertRefused(rotate(session, old.reviewer(), rotation(old, next, now.minus(Duration.ofDays(1)))), 422,
                "rotation-stale", "may differ by 5 minutes at most", old, session);
        assertEquals(201, rotate(session, old.reviewer(), rotation(old, next, now.minus(Duration.ofMinutes(4))))
                .status());
    }

    @Test
    void aRotationWhoseSessionExpiresBeforeItsWriteChangesNothing() {
        TestReviewer old = TestReviewer.ed25519("judy@example.test").enrollAt(world.http, "sre");
        TestReviewer next = old.nextKey();
        SessionGrant grant = old.openSession(world.http);
        Http session = world.http.withSession(grant.token());
        DsseEnvelope envelope = rotation(old, next, world.clock.instant());
        // authenticated in time; the write runs when the session has just expired
        world.clock.writerAhead(Duration.between(world.clock.instant(), grant.expiresAt()));
        Reply refused;
        try {
            refused = rotate(session, old.reviewer(), envelope);
        } finally {
            world.clock.writerAhead(Duration.ZERO);
        }
        assertRefused(refused, 401, "session-expired", "expired at " + grant.expiresAt(), old, session);
        assertEquals(1, reviewer(old.reviewer()).keys().size());
        assertEquals(201, rotate(session, old.reviewer(), envelope).status());
    }

    @Test
    void theNewKeyMustNotBeEnrolledAlready() {
        TestReviewer old = TestReviewer.ed25519("ivan@example.test").enrollAt(world.http, "sre");
        TestReviewer second = old.nextKey().enrollAt(world.http, "sre");
        Http session = old.sessionAt(world.http);
        TestReviewer bobsKey = new TestReviewer(old.reviewer(), bob.signer());
        assertRefused(rotate(session, old.reviewer(), rotation(old, bobsKey, world.clock.instant())), 409,
                "key-in-use", "already enrolled", old, session);
        assertRefused(rotate(session, old.reviewer(), rotation(old, second, world.clock.instant())), 409,
                "key-in-use", second.keyId(), old, session);
    }
}
