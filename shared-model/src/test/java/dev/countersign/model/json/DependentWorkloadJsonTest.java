package dev.countersign.model.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.model.Criticality;
import dev.countersign.model.DependentWorkload;
import dev.countersign.model.Failover;
import dev.countersign.model.ProposalContext;
import dev.countersign.model.testing.Samples;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The blast-radius edges ({@code via}) were added later: contexts stored before them must read and digest the same. */
class DependentWorkloadJsonTest {
    /** A dependent workload as stored before {@code via} existed, already in canonical form. */
    private static final String OLD = "{\"criticality\":\"critical\",\"depth\":2,\"environment\":\"prod\","
            + "\"failover\":\"none\",\"id\":\"wl-payout\",\"lastUsed\":\"2026-11-21T23:14:00Z\",\"name\":\"payout\","
            + "\"owner\":\"payments@northwind.example\"}";

    @Test
    void aStoredWorkloadWithoutViaReadsAsEmptyAndKeepsItsCanonicalBytes() {
        DependentWorkload workload = Json.parse(OLD, DependentWorkload.class);
        assertEquals(List.of(), workload.via());
        assertEquals(OLD, CanonicalJson.string(workload));
        assertEquals(Digests.sha256Hex(OLD.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                Digests.canonicalSha256(workload));
    }

    @Test
    void aStoredContextWithoutViaRoundTripsToTheSameDigest() {
        ProposalContext context = Samples.context(Samples.proposal());
        String stored = CanonicalJson.string(context);
        assertFalse(stored.contains("\"via\""), stored);
        ProposalContext read = Json.parse(stored, ProposalContext.class);
        assertEquals(Digests.canonicalSha256(context), Digests.canonicalSha256(read));
        assertEquals(stored, CanonicalJson.string(read));
    }

    @Test
    void viaIsWrittenWhenPresentAndReadBack() {
        DependentWorkload workload = new DependentWorkload("wl-payout", "payout", "payments@northwind.example", "prod",
                Criticality.CRITICAL, Failover.NONE, Instant.parse("2026-11-21T23:14:00Z"), 2, List.of("wl-settle"));
        String json = CanonicalJson.string(workload);
        assertTrue(json.contains("\"via\":[\"wl-settle\"]"), json);
        assertEquals(workload, Json.parse(json, DependentWorkload.class));
    }

    @Test
    void aNullViaReadsAsEmpty() {
        String json = OLD.replace("}", ",\"via\":null}");
        assertEquals(List.of(), Json.parse(json, DependentWorkload.class).via());
    }

    @Test
    void strictnessStillHolds() {
        JsonFormatException unknown = assertThrows(JsonFormatException.class,
                () -> Json.parse(OLD.replace("}", ",\"edges\":[]}"), DependentWorkload.class));
        assertEquals("$.edges", unknown.path());
        assertThrows(JsonFormatException.class,
                () -> Json.parse(OLD.replace("}", ",\"via\":[7]}"), DependentWorkload.class));
        assertThrows(JsonFormatException.class,
                () -> Json.parse(OLD.replace("}", ",\"via\":\"wl-settle\"}"), DependentWorkload.class));
        assertThrows(JsonFormatException.class,
                () -> Json.parse(OLD.replace("}", ",\"via\":[\"\"]}"), DependentWorkload.class));
        assertThrows(JsonFormatException.class,
                () -> Json.parse(OLD.replace(",\"depth\":2", ""), DependentWorkload.class));
    }
}
