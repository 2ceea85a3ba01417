package dev.countersign.app.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.model.Proposal;
import dev.countersign.model.crypto.SignatureAlgorithm;
import dev.countersign.model.crypto.Signer;
import dev.countersign.model.record.DecisionRecords;
import dev.countersign.model.record.DsseEnvelope;
import dev.countersign.model.record.VerifiedDecision;
import dev.countersign.model.testing.Samples;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Signing on a real PKCS#11 token (SoftHSM2). */
class Pkcs11TokenTest {

    @Test
    void makesAP256KeyOnTheTokenAndSignsADecisionThatVerifies() throws Exception {
        Pkcs11Token token = SoftHsm.token();
        TokenKey key = token.generate("reviewer-" + System.nanoTime(), SoftHsm.PIN.toCharArray());
        assertEquals(SignatureAlgorithm.ECDSA_P256_SHA256, SignatureAlgorithm.of(key.publicKey()));
        assertTrue(token.keys(SoftHsm.PIN.toCharArray()).stream().anyMatch(k -> k.alias().equals(key.alias())));

        Signer signer = token.signer(key.alias(), SoftHsm.PIN.toCharArray());
        Proposal proposal = Samples.proposal();
        DsseEnvelope envelope = DecisionRecords.sign(
                DecisionRecords.statement(proposal, Samples.decision(proposal, signer.keyId(), "nonce-1")), signer);
        VerifiedDecision verified = DecisionRecords.verify(envelope, key.publicKey());
        assertEquals(key.keyId(), verified.keyId());
    }

    @Test
    void aWrongPinIsRefusedClearly() throws Exception {
        Pkcs11Token token = SoftHsm.token();
        WrongPinException e = assertThrows(WrongPinException.class, () -> token.keys("000000".toCharArray()));
        assertTrue(e.getMessage().startsWith("The token refused that PIN."), e.getMessage());
        token.keys(SoftHsm.PIN.toCharArray()); // the right PIN still works afterwards
    }

    @Test
    void aMissingLibraryGivesAClearMessage() {
        Pkcs11Token token = new Pkcs11Token(Path.of("/nonexistent/libpkcs11.so"), 0);
        KeyFileException e = assertThrows(KeyFileException.class, () -> token.keys(SoftHsm.PIN.toCharArray()));
        assertTrue(e.getMessage().contains("is not installed"), e.getMessage());
    }
}
