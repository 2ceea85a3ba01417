package dev.countersign.model.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.model.crypto.SoftwareSigner;
import dev.countersign.model.json.Digests;
import dev.countersign.model.record.DsseEnvelope;
import dev.countersign.model.record.DsseSignature;
import dev.countersign.model.testing.Samples;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogVerifierTest {
    private static final int SIZE = 12;
    private static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");

    private static List<LogEntry> log(int size) {
        List<LogEntry> entries = new ArrayList<>();
        String previous = LogEntry.GENESIS;
        for (int i = 0; i < size; i++) {
            LogEntry entry = new LogEntry(i, "rec_" + i, "prp_" + (i / 2),
                    Digests.sha256Hex(("record " + i).getBytes(StandardCharsets.UTF_8)), T0.plusSeconds(i), previous);
            entries.add(entry);
            previous = entry.entryHash();
        }
        return entries;
    }

    private static Checkpoint checkpoint(List<LogEntry> log) {
        String head = log.isEmpty() ? LogEntry.GENESIS : log.get(log.size() - 1).entryHash();
        return new Checkpoint("gw-key", log.size(), head, T0.plusSeconds(3600));
    }

    private static long failingIndex(List<LogEntry> segment, Checkpoint checkpoint) {
        return assertThrows(LogVerificationException.class, () -> LogVerifier.verify(segment, checkpoint)).index();
    }

    @Test
    void anIntactLogAndAnyTailSegmentVerify() throws Exception {
        List<LogEntry> log = log(SIZE);
        Checkpoint checkpoint = checkpoint(log);
        for (int from = 0; from <= SIZE; from++) {
            LogVerifier.verify(log.subList(from, SIZE), from, checkpoint);
        }
        LogVerifier.verify(List.of(), checkpoint(List.of()));
    }

    @Test
    void alteringAnyEntryIsCaughtAndNamed() {
        List<LogEntry> log = log(SIZE);
        Checkpoint checkpoint = checkpoint(log);
        for (int k = 0; k < SIZE; k++) {
            List<LogEntry> altered = new ArrayList<>(log);
            LogEntry e = log.get(k);
            altered.set(k, new LogEntry(e.index(), e.recordId(), "prp_forged", e.recordDigest(), e.recordedAt(), e.previousHash()));
            assertEquals(k, failingIndex(altered, checkpoint), "altered entry " + k);
        }
    }

    @Test
    void removingAnyEntryIsCaughtAndNamed() {
        List<LogEntry> log = log(SIZE);
        Checkpoint checkpoint = checkpoint(log);
        for (int k = 0; k < SIZE; k++) {
            List<LogEntry> removed = new ArrayList<>(log);
            removed.remove(k);
            assertEquals(k, failingIndex(removed, checkpoint), "removed entry " + k);
        }
    }

    @Test
    void removingAnEntryAndRenumberingTheRestIsCaughtWhereItWasRemoved() {
        List<LogEntry> log = log(SIZE);
        Checkpoint checkpoint = checkpoint(log);
        List<LogEntry> forged = new ArrayList<>(log.subList(0, 5));
        for (int i = 6; i < SIZE; i++) {
            LogEntry e = log.get(i);
            forged.add(new LogEntry(i - 1, e.recordId(), e.proposalId(), e.recordDigest(), e.recordedAt(), e.previousHash()));
        }
        LogEntry last = forged.get(forged.size() - 1);
        Checkpoint shortened = new Checkpoint("gw-key", SIZE - 1, last.entryHash(), checkpoint.time());
        assertEquals(5, failingIndex(forged, shortened));
    }

    @Test
    void reorderingEntriesIsCaughtAndNamed() {
        List<LogEntry> log = log(SIZE);
        Checkpoint checkpoint = checkpoint(log);
        for (int k = 0; k < SIZE - 1; k++) {
            List<LogEntry> swapped = new ArrayList<>(log);
            swapped.set(k, log.get(k + 1));
            swapped.set(k + 1, log.get(k));
            assertEquals(k, failingIndex(swapped, checkpoint), "swapped " + k + " and " + (k + 1));

            List<LogEntry> relabelled = new ArrayList<>(log);
            LogEntry a = log.get(k);
            LogEntry b = log.get(k + 1);
            relabelled.set(k, new LogEntry(k, b.recordId(), b.proposalId(), b.recordDigest(), b.recordedAt(), b.previousHash()));
            relabelled.set(k + 1, new LogEntry(k + 1, a.recordId(), a.proposalId(), a.recordDigest(), a.recordedAt(), a.previousHash()));
            assertEquals(k, failingIndex(relabelled, checkpoint), "swapped and relabelled " + k + " and " + (k + 1));
        }
    }

    @Test
    void aSegmentThatStopsShortOfTheCheckpointIsRefused() {
        List<LogEntry> log = log(SIZE);
        LogVerificationException e = assertThrows(LogVerificationException.class,
                () -> LogVerifier.verify(log.subList(0, SIZE - 2), checkpoint(log)));
        assertEquals(SIZE - 2, e.index());
        assertTrue(e.getMessage().contains("ends at entry 9"), e.getMessage());
    }

    @Test
    void aSignedCheckpointVerifiesAndATamperedOneDoesNot() throws Exception {
        KeyPair gateway = Samples.freshEd25519();
        SoftwareSigner signer = new SoftwareSigner(gateway);
        List<LogEntry> log = log(SIZE);
        Checkpoint checkpoint = new Checkpoint(signer.keyId(), SIZE, log.get(SIZE - 1).entryHash(), T0);
        DsseEnvelope signed = Checkpoints.sign(checkpoint, signer);
        assertEquals(checkpoint, Checkpoints.verify(signed, gateway.getPublic()));

        Checkpoint bigger = new Checkpoint(signer.keyId(), SIZE + 1, checkpoint.headHash(), T0);
        DsseEnvelope forged = new DsseEnvelope(signed.payloadType(),
                Base64.getEncoder().encodeToString(dev.countersign.model.json.CanonicalJson.bytes(bigger)),
                signed.signatures());
        assertThrows(LogVerificationException.class, () -> Checkpoints.verify(forged, gateway.getPublic()));
        DsseEnvelope otherKey = new DsseEnvelope(signed.payloadType(), signed.payload(),
                List.of(new DsseSignature(signer.keyId(), signed.signatures().get(0).sig())));
        assertThrows(LogVerificationException.class, () -> Checkpoints.verify(otherKey, Samples.freshEd25519().getPublic()));
    }
}
