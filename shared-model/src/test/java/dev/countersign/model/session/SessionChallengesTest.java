package dev.countersign.model.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.model.InvalidFieldException;
import dev.countersign.model.crypto.SoftwareSigner;
import dev.countersign.model.json.CanonicalJson;
import dev.countersign.model.json.JsonFormatException;
import dev.countersign.model.record.DecisionRecords;
import dev.countersign.model.record.Dsse;
import dev.countersign.model.record.DsseEnvelope;
import dev.countersign.model.session.SessionChallenges.Challenge;
import dev.countersign.model.testing.Goldens;
import dev.countersign.model.testing.Samples;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SessionChallengesTest {
    private static final String REVIEWER = "amara@northwind.example";
    private final SoftwareSigner key = new SoftwareSigner(Samples.rfc8032KeyPair());
    private final Challenge challenge = Challenge.of("chl_01M80T0740XDA5K8J93R4BD5R6", REVIEWER, key.keyId(),
            "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8", Instant.parse("2026-11-22T09:00:00Z"),
            Instant.parse("2026-11-22T09:02:00Z"));

    @Test
    void theChallengeIsItsCanonicalJsonAndReadsBackTheSame() throws Exception {
        byte[] payload = SessionChallenges.payload(challenge);
        assertEquals(Goldens.text("session-challenge.canonical.json"), new String(payload, StandardCharsets.UTF_8));
        assertEquals(challenge, SessionChallenges.read(payload));
        assertEquals(new String(CanonicalJson.bytes(SessionChallenges.read(payload)), StandardCharsets.UTF_8),
                new String(payload, StandardCharsets.UTF_8));
    }

    @Test
    void theAnswerIsTheGoldenEnvelopeAndVerifiesWithTheKey() throws Exception {
        DsseEnvelope answer = SessionChallenges.answer(SessionChallenges.payload(challenge), REVIEWER, key);
        assertEquals(Goldens.text("session-challenge-envelope.json"), CanonicalJson.string(answer));
        assertEquals(SessionChallenges.PAYLOAD_TYPE, answer.payloadType());
        assertEquals(key.keyId(), answer.signatures().get(0).keyid());
        assertTrue(SessionChallenges.verify(answer, key.publicKey()));
    }

    @Test
    void aConsoleDoesNotSignAChallengeForAnotherReviewerOrKey() {
        byte[] payload = SessionChallenges.payload(challenge);
        InvalidFieldException other = assertThrows(InvalidFieldException.class,
                () -> SessionChallenges.answer(payload, "bob@northwind.example", key));
        assertTrue(other.getMessage().contains("not for bob@northwind.example"), other.getMessage());
        SoftwareSigner otherKey = new SoftwareSigner(Samples.freshP256());
        assertThrows(InvalidFieldException.class, () -> SessionChallenges.answer(payload, REVIEWER, otherKey));
    }

    @Test
    void verifyRefusesTheWrongTypeAnotherKeyAndATamperedPayload() throws Exception {
        byte[] payload = SessionChallenges.payload(challenge);
        DsseEnvelope answer = SessionChallenges.answer(payload, REVIEWER, key);
        DsseEnvelope asDecision = Dsse.sign(DecisionRecords.PAYLOAD_TYPE, payload, key);
        assertFalse(SessionChallenges.verify(asDecision, key.publicKey()));
        DsseEnvelope relabelled = new DsseEnvelope(DecisionRecords.PAYLOAD_TYPE, answer.payload(),
                answer.signatures());
        assertFalse(SessionChallenges.verify(relabelled, key.publicKey()));
        assertFalse(SessionChallenges.verify(answer, Samples.freshEd25519().getPublic()));
        for (int i = 0; i < payload.length; i++) {
            byte[] flipped = payload.clone();
            flipped[i] ^= 0x01;
            DsseEnvelope tampered = new DsseEnvelope(answer.payloadType(),
                    Base64.getEncoder().encodeToString(flipped), answer.signatures());
            assertFalse(SessionChallenges.verify(tampered, key.publicKey()), "byte " + i);
        }
        DsseEnvelope twice = new DsseEnvelope(answer.payloadType(), answer.payload(),
                java.util.List.of(answer.signatures().get(0), answer.signatures().get(0)));
        assertFalse(SessionChallenges.verify(twice, key.publicKey()));
    }

    @Test
    void readIsStrict() {
        assertThrows(InvalidFieldException.class, () -> new Challenge(KeyRotations.PURPOSE, "c", "r", "k", "n",
                Instant.EPOCH, Instant.EPOCH));
        String good = new String(SessionChallenges.payload(challenge), StandardCharsets.UTF_8);
        assertThrows(JsonFormatException.class, () -> SessionChallenges.read(good.replace("\"keyId\"",
                "\"extra\":1,\"keyId\"").getBytes(StandardCharsets.UTF_8)));
        assertThrows(RuntimeException.class, () -> SessionChallenges.read(good.replace("countersign-session",
                "countersign-key-rotation").getBytes(StandardCharsets.UTF_8)));
        assertThrows(JsonFormatException.class, () -> SessionChallenges.read("{".getBytes(StandardCharsets.UTF_8)));
    }
}
