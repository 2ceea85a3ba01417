package dev.countersign.model.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.countersign.model.Decision;
import dev.countersign.model.Proposal;
import dev.countersign.model.crypto.KeyIds;
import dev.countersign.model.crypto.SoftwareSigner;
import dev.countersign.model.json.CanonicalJson;
import dev.countersign.model.json.Json;
import dev.countersign.model.record.RecordVerificationException.Failure;
import dev.countersign.model.testing.Samples;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionRecordsTest {
    private final Proposal proposal = Samples.proposal();

    @Test
    void theRfc8032SeedGivesTheRfc8032PublicKey() {
        byte[] spki = Samples.rfc8032KeyPair().getPublic().getEncoded();
        byte[] raw = java.util.Arrays.copyOfRange(spki, spki.length - 32, spki.length);
        assertEquals(Samples.RFC8032_PUBLIC, HexFormat.of().formatHex(raw));
    }

    @Test
    void aFixedKeyAndDecisionGiveTheGoldenEnvelope() throws Exception {
        KeyPair pair = Samples.rfc8032KeyPair();
        SoftwareSigner signer = new SoftwareSigner(pair);
        Decision decision = Samples.decision(proposal, signer.keyId(), "nonce-golden-0001");
        DsseEnvelope envelope = DecisionRecords.sign(DecisionRecords.statement(proposal, decision), signer);

        assertEquals(new String(golden("decision-statement.canonical.json"), StandardCharsets.UTF_8),
                new String(envelope.payloadBytes(), StandardCharsets.UTF_8));
        assertEquals(new String(golden("decision-envelope.json"), StandardCharsets.UTF_8).strip(),
                CanonicalJson.string(envelope));
        VerifiedDecision verified = DecisionRecords.verify(envelope, pair.getPublic());
        assertEquals(decision, verified.decision());
        assertEquals(DecisionRecords.proposalDigest(proposal), verified.proposalDigest());
        assertEquals("proposal:prp_sample_0001@v1", verified.subjectName());
    }

    @Test
    void flippingAnyByteOfTheEd25519PayloadOrSignatureFailsVerification() throws Exception {
        assertEveryFlipFails(Samples.rfc8032KeyPair());
    }

    @Test
    void flippingAnyByteOfTheP256PayloadOrSignatureFailsVerification() throws Exception {
        assertEveryFlipFails(Samples.freshP256());
    }

    @Test
    void p256SignaturesAreDerEncoded() throws Exception {
        KeyPair pair = Samples.freshP256();
        SoftwareSigner signer = new SoftwareSigner(pair);
        DsseEnvelope envelope = DecisionRecords.sign(
                DecisionRecords.statement(proposal, Samples.decision(proposal, signer.keyId(), "n")), signer);
        byte[] sig = Base64.getDecoder().decode(envelope.signatures().get(0).sig());
        assertEquals(0x30, sig[0] & 0xff, "a DER SEQUENCE");
        assertEquals(sig.length - 2, sig[1] & 0xff);
    }

    @Test
    void aKeyOtherThanTheSignersDoesNotVerify() throws Exception {
        KeyPair signerPair = Samples.freshEd25519();
        SoftwareSigner signer = new SoftwareSigner(signerPair);
        DsseEnvelope envelope = DecisionRecords.sign(
                DecisionRecords.statement(proposal, Samples.decision(proposal, signer.keyId(), "n")), signer);
        RecordVerificationException e = assertThrows(RecordVerificationException.class,
                () -> DecisionRecords.verify(envelope, Samples.freshEd25519().getPublic()));
        assertEquals(Failure.BAD_SIGNATURE, e.failure());
    }

    @Test
    void aDecisionNamingAnotherKeyIsRefusedEvenWhenTheSignatureIsGood() throws Exception {
        KeyPair pair = Samples.freshEd25519();
        SoftwareSigner signer = new SoftwareSigner(pair);
        String otherKeyId = KeyIds.of(Samples.freshEd25519().getPublic());
        DsseEnvelope envelope = DecisionRecords.sign(
                DecisionRecords.statement(proposal, Samples.decision(proposal, otherKeyId, "n")), signer);
        RecordVerificationException e = assertThrows(RecordVerificationException.class,
                () -> DecisionRecords.verify(envelope, pair.getPublic()));
        assertEquals(Failure.KEY_MISMATCH, e.failure());
    }

    @Test
    void aWrongPayloadTypeIsRefused() throws Exception {
        KeyPair pair = Samples.freshEd25519();
        SoftwareSigner signer = new SoftwareSigner(pair);
        byte[] body = CanonicalJson.bytes(DecisionRecords.statement(proposal, Samples.decision(proposal, signer.keyId(), "n")));
        DsseEnvelope envelope = Dsse.sign("application/json", body, signer);
        RecordVerificationException e = assertThrows(RecordVerificationException.class,
                () -> DecisionRecords.verify(envelope, pair.getPublic()));
        assertEquals(Failure.WRONG_PAYLOAD_TYPE, e.failure());
    }

    @Test
    void anEnvelopeSurvivesAJsonRoundTrip() throws Exception {
        KeyPair pair = Samples.freshEd25519();
        SoftwareSigner signer = new SoftwareSigner(pair);
        DsseEnvelope envelope = DecisionRecords.sign(
                DecisionRecords.statement(proposal, Samples.decision(proposal, signer.keyId(), "n")), signer);
        DsseEnvelope parsed = Json.parse(Json.bytes(envelope), DsseEnvelope.class);
        assertEquals(envelope, parsed);
        DecisionRecords.verify(parsed, pair.getPublic());
    }

    @Test
    void aPayloadThatIsNotCanonicalIsRefusedEvenWhenSigned() throws Exception {
        KeyPair pair = Samples.freshEd25519();
        SoftwareSigner signer = new SoftwareSigner(pair);
        Statement statement = DecisionRecords.statement(proposal, Samples.decision(proposal, signer.keyId(), "n"));
        byte[] canonical = CanonicalJson.bytes(statement);
        byte[] withBom = new byte[canonical.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(canonical, 0, withBom, 3, canonical.length);
        for (byte[] body : List.of(Json.bytes(statement), withBom,
                (" " + new String(canonical, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8))) {
            DsseEnvelope envelope = Dsse.sign(DecisionRecords.PAYLOAD_TYPE, body, signer);
            if (java.util.Arrays.equals(body, canonical)) {
                continue;
            }
            RecordVerificationException e = assertThrows(RecordVerificationException.class,
                    () -> DecisionRecords.verify(envelope, pair.getPublic()));
            assertEquals(Failure.MALFORMED, e.failure());
        }
    }

    @Test
    void aSecondSignatureIsRefused() throws Exception {
        KeyPair pair = Samples.freshEd25519();
        SoftwareSigner signer = new SoftwareSigner(pair);
        DsseEnvelope good = DecisionRecords.sign(
                DecisionRecords.statement(proposal, Samples.decision(proposal, signer.keyId(), "n")), signer);
        DsseEnvelope doubled = new DsseEnvelope(good.payloadType(), good.payload(),
                List.of(good.signatures().get(0), new DsseSignature("other", good.signatures().get(0).sig())));
        RecordVerificationException e = assertThrows(RecordVerificationException.class,
                () -> DecisionRecords.verify(doubled, pair.getPublic()));
        assertEquals(Failure.MALFORMED, e.failure());
    }

    @Test
    void paeIsTheDsseV1Encoding() {
        assertArrayEquals("DSSEv1 29 http://example.com/HelloWorld 11 hello world".getBytes(StandardCharsets.UTF_8),
                Dsse.pae("http://example.com/HelloWorld", "hello world".getBytes(StandardCharsets.UTF_8)));
    }

    private void assertEveryFlipFails(KeyPair pair) throws Exception {
        SoftwareSigner signer = new SoftwareSigner(pair);
        DsseEnvelope good = DecisionRecords.sign(
                DecisionRecords.statement(proposal, Samples.decision(proposal, signer.keyId(), "n")), signer);
        DecisionRecords.verify(good, pair.getPublic());
        byte[] payload = good.payloadBytes();
        byte[] sig = Base64.getDecoder().decode(good.signatures().get(0).sig());
        Base64.Encoder b64 = Base64.getEncoder();
        for (int i = 0; i < payload.length; i++) {
            byte[] flipped = payload.clone();
            flipped[i] ^= 0x01;
            DsseEnvelope tampered = new DsseEnvelope(good.payloadType(), b64.encodeToString(flipped), good.signatures());
            assertThrows(RecordVerificationException.class, () -> DecisionRecords.verify(tampered, pair.getPublic()),
                    "payload byte " + i);
        }
        for (int i = 0; i < sig.length; i++) {
            byte[] flipped = sig.clone();
            flipped[i] ^= 0x01;
            DsseEnvelope tampered = new DsseEnvelope(good.payloadType(), good.payload(),
                    List.of(new DsseSignature(signer.keyId(), b64.encodeToString(flipped))));
            RecordVerificationException e = assertThrows(RecordVerificationException.class,
                    () -> DecisionRecords.verify(tampered, pair.getPublic()), "signature byte " + i);
            assertEquals(Failure.BAD_SIGNATURE, e.failure());
        }
    }

    static byte[] golden(String name) throws IOException {
        try (InputStream in = DecisionRecordsTest.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new IOException("missing golden file " + name);
            }
            return in.readAllBytes();
        }
    }
}
