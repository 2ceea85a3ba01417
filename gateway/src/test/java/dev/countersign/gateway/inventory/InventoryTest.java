package dev.countersign.gateway.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.countersign.model.BlastRadius;
import dev.countersign.model.Criticality;
import dev.countersign.model.DependentWorkload;
import dev.countersign.model.json.JsonFormatException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class InventoryTest {
    private static final String NHI = "{\"id\":\"%s\",\"name\":\"%s\",\"kind\":\"api_key\",\"environment\":\"%s\","
            + "\"owner\":\"o\",\"privilege\":\"low\",\"provider\":\"p\"}";
    private static final String WL = "{\"id\":\"%s\",\"name\":\"%s\",\"owner\":\"o\",\"environment\":\"%s\","
            + "\"criticality\":\"%s\",\"failover\":\"%s\",\"lastUsed\":\"2026-01-01T00:00:00Z\",\"uses\":%s,"
            + "\"dependsOn\":%s}";

    private static Inventory parse(String json) {
        return Inventory.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    /** t is used by a (critical, no failover), b (critical, full) and c (low); d depends on c; a and d form a cycle. */
    private static Inventory sample() {
        return parse("{\"nhis\":[" + String.format(NHI, "t", "target", "prod") + "," + String.format(NHI, "u", "other", "prod")
                + "],\"workloads\":["
                + String.format(WL, "a", "alpha", "prod", "critical", "none", "[\"t\"]", "[\"d\"]") + ","
                + String.format(WL, "b", "bravo", "prod", "critical", "full", "[\"t\",\"u\"]", "[]") + ","
                + String.format(WL, "c", "charlie", "prod", "low", "none", "[\"t\"]", "[]") + ","
                + String.format(WL, "d", "delta", "staging", "high", "partial", "[]", "[\"c\",\"a\"]") + ","
                + String.format(WL, "e", "echo", "dev", "medium", "none", "[\"u\"]", "[]")
                + "],\"incidents\":["
                + "{\"id\":\"i1\",\"date\":\"2024-05-01\",\"severity\":\"sev2\",\"summary\":\"old\",\"nhiIds\":[\"t\"]},"
                + "{\"id\":\"i2\",\"date\":\"2026-02-01\",\"severity\":\"sev1\",\"summary\":\"new\",\"workloadIds\":[\"d\"]},"
                + "{\"id\":\"i3\",\"date\":\"2026-03-01\",\"severity\":\"sev4\",\"summary\":\"unrelated\",\"workloadIds\":[\"e\"]}"
                + "]}");
    }

    @Test
    void affectedWorkloadsAreOrderedByWhatBreaksFirstAndCyclesEnd() {
        List<DependentWorkload> affected = sample().affectedBy("t");
        assertEquals(List.of("a", "b", "c", "d"), affected.stream().map(DependentWorkload::id).toList());
        assertEquals(List.of(1, 1, 1, 2), affected.stream().map(DependentWorkload::depth).toList());
    }

    @Test
    void eachAffectedWorkloadNamesTheAffectedWorkloadsItDependsOnEvenAroundACycle() {
        List<DependentWorkload> affected = sample().affectedBy("t");
        assertEquals(List.of(List.of("d"), List.of(), List.of(), List.of("a", "c")),
                affected.stream().map(DependentWorkload::via).toList());
    }

    @Test
    void viaLeavesOutWorkloadsOutsideTheBlastRadius() {
        Inventory inventory = parse("{\"nhis\":[" + String.format(NHI, "t", "target", "prod") + "],\"workloads\":["
                + String.format(WL, "a", "alpha", "prod", "high", "none", "[\"t\"]", "[\"z\"]") + ","
                + String.format(WL, "z", "zulu", "prod", "low", "full", "[]", "[]") + "],\"incidents\":[]}");
        List<DependentWorkload> affected = inventory.affectedBy("t");
        assertEquals(List.of("a"), affected.stream().map(DependentWorkload::id).toList());
        assertEquals(List.of(), affected.get(0).via());
    }

    @Test
    void theBlastRadiusCountsIdentitiesWorkloadsAndEnvironments() {
        Inventory inventory = sample();
        Nhi target = inventory.nhi("t").orElseThrow();
        BlastRadius radius = inventory.blastRadius(target, inventory.affectedBy("t"));
        assertEquals(2, radius.identities());
        assertEquals(2, radius.count(Criticality.CRITICAL));
        assertEquals(1, radius.count(Criticality.HIGH));
        assertEquals(0, radius.count(Criticality.MEDIUM));
        assertEquals(1, radius.count(Criticality.LOW));
        assertEquals(4, radius.workloadsByCriticality().size());
        assertEquals(List.of("prod", "staging"), radius.environments());
    }

    @Test
    void aTargetNothingUsesStillCountsItself() {
        Inventory inventory = parse("{\"nhis\":[" + String.format(NHI, "lonely", "lonely", "dev") + "]}");
        Nhi target = inventory.nhi("lonely").orElseThrow();
        BlastRadius radius = inventory.blastRadius(target, inventory.affectedBy("lonely"));
        assertEquals(1, radius.identities());
        assertEquals(0, radius.workloads());
        assertEquals(List.of("dev"), radius.environments());
    }

    @Test
    void incidentsTouchingTheTargetOrAnAffectedWorkloadComeNewestFirst() {
        Inventory inventory = sample();
        assertEquals(List.of("i2", "i1"), inventory.incidents("t", inventory.affectedBy("t")).stream()
                .map(i -> i.id()).toList());
    }

    @Test
    void brokenReferencesAndRepeatedIdsNameTheirPath() {
        JsonFormatException dangling = assertThrows(JsonFormatException.class, () -> parse("{\"nhis\":[],"
                + "\"workloads\":[" + String.format(WL, "a", "a", "prod", "low", "none", "[\"x\"]", "[]") + "]}"));
        assertEquals("$.workloads[0].uses[0]", dangling.path());
        JsonFormatException repeated = assertThrows(JsonFormatException.class, () -> parse("{\"nhis\":["
                + String.format(NHI, "t", "t", "dev") + "," + String.format(NHI, "t", "t", "dev") + "]}"));
        assertEquals("$.nhis[1].id", repeated.path());
        JsonFormatException unknownKey = assertThrows(JsonFormatException.class, () -> parse("{\"nhis\":[],\"x\":1}"));
        assertEquals("$.x", unknownKey.path());
    }
}
