package dev.countersign.model.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.model.InvalidFieldException;
import dev.countersign.model.crypto.KeyIds;
import dev.countersign.model.crypto.SoftwareSigner;
import dev.countersign.model.json.CanonicalJson;
import dev.countersign.model.record.DecisionRecords;
import dev.countersign.model.record.Dsse;
import dev.countersign.model.record.DsseEnvelope;
import dev.countersign.model.session.KeyRotations.Rotation;
import dev.countersign.model.testing.Goldens;
import dev.countersign.model.testing.Samples;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyRotationsTest {
    private static final String REVIEWER = "amara@northwind.example";
    private final SoftwareSigner oldKey = new SoftwareSigner(Samples.rfc8032KeyPair());
    private final SoftwareSigner newKey = new SoftwareSigner(Samples.rfc8032KeyPair2());
    private final Rotation rotation = Rotation.of(REVIEWER, oldKey.keyId(), newKey.publicKey(),
            Instant.parse("2026-11-22T09:00:00Z"));

    @Test
    void theStatementIsItsCanonicalJsonAndBothKeysSignIt() throws Exception {
        DsseEnvelope envelope = KeyRotations.sign(rotation, oldKey, newKey);
        assertEquals(Goldens.text("key-rotation.canonical.json"),
                new String(envelope.payloadBytes(), StandardCharsets.UTF_8));
        assertEquals(Goldens.text("key-rotation-envelope.json"), CanonicalJson.string(envelope));
        assertEquals(rotation, KeyRotations.read(envelope));
        assertEquals(newKey.keyId(), KeyRotations.read(envelope).newKeyId());
        assertEquals(List.of(oldKey.keyId(), newKey.keyId()),
                envelope.signatures().stream().map(s -> s.keyid()).toList());
        assertTrue(KeyRotations.verify(envelope, oldKey.publicKey(), newKey.publicKey()));
    }

    @Test
    void theSignersMustBeTheKeysTheStatementNames() {
        SoftwareSigner stranger = new SoftwareSigner(Samples.freshEd25519());
        assertThrows(InvalidFieldException.class, () -> KeyRotations.sign(rotation, stranger, newKey));
        assertThrows(InvalidFieldException.class, () -> KeyRotations.sign(rotation, oldKey, stranger));
    }

    @Test
    void verifyRefusesAMissingSignatureTheWrongTypeAndATamperedPayload() throws Exception {
        DsseEnvelope envelope = KeyRotations.sign(rotation, oldKey, newKey);
        DsseEnvelope oldOnly = new DsseEnvelope(envelope.payloadType(), envelope.payload(),
                List.of(envelope.signatures().get(0)));
        assertFalse(KeyRotations.verify(oldOnly, oldKey.publicKey(), newKey.publicKey()));
        DsseEnvelope relabelled = new DsseEnvelope(DecisionRecords.PAYLOAD_TYPE, envelope.payload(),
                envelope.signatures());
        assertFalse(KeyRotations.verify(relabelled, oldKey.publicKey(), newKey.publicKey()));
        assertThrows(InvalidFieldException.class, () -> KeyRotations.read(relabelled));
        byte[] payload = envelope.payloadBytes();
        DsseEnvelope byOldAsSession = Dsse.sign(SessionChallenges.PAYLOAD_TYPE, payload, oldKey);
        assertFalse(KeyRotations.verify(new DsseEnvelope(KeyRotations.PAYLOAD_TYPE, envelope.payload(),
                List.of(byOldAsSession.signatures().get(0), envelope.signatures().get(1))), oldKey.publicKey(),
                newKey.publicKey()));
        for (int i = 0; i < payload.length; i++) {
            byte[] flipped = payload.clone();
            flipped[i] ^= 0x01;
            DsseEnvelope tampered = new DsseEnvelope(envelope.payloadType(),
                    Base64.getEncoder().encodeToString(flipped), envelope.signatures());
            assertFalse(KeyRotations.verify(tampered, oldKey.publicKey(), newKey.publicKey()), "byte " + i);
        }
    }

    @Test
    void theStatementIsReadStrictly() {
        assertThrows(InvalidFieldException.class, () -> new Rotation(SessionChallenges.PURPOSE, REVIEWER,
                oldKey.keyId(), rotation.newPublicKey(), rotation.requestedAt()));
        assertEquals(KeyIds.of(newKey.publicKey()), rotation.newKeyId());
    }
}
