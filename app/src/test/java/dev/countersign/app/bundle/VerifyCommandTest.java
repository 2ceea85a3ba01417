package dev.countersign.app.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countersign.model.bundle.BundleFormat;
import dev.countersign.model.crypto.PublicKeys;
import dev.countersign.model.json.Json;
import dev.countersign.model.testing.EvidenceSamples;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code countersign verify}: exit codes 0, 1, 2 and the reports for people and in JSON, for real bundles. */
class VerifyCommandTest {
    static final EvidenceSamples.Sample SAMPLE = EvidenceSamples.build(12);

    @TempDir
    static Path dir;
    static Path valid;
    static Path invalid;
    static Path unreadable;
    static String tamperedRecord;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void bundles() throws Exception {
        valid = SampleBundles.write(SAMPLE, dir, "valid");
        tamperedRecord = SAMPLE.recordIds().get(4);
        invalid = SampleBundles.flipped(valid, BundleFormat.recordPath(tamperedRecord),
                dir.resolve("invalid.csbundle"));
        unreadable = Files.writeString(dir.resolve("unreadable.csbundle"), "this is not a zip");
    }

    int run(String... args) {
        return VerifyCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aValidBundleIsExitZeroAndSaysSoFirst() {
        assertEquals(0, run(valid.toString()));
        assertTrue(out().startsWith("VALID"), out());
        assertTrue(out().contains(SAMPLE.gatewayKeyId() + " (NOT pinned"), out());
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aPinnedGatewayKeyIsTakenFromAPemFile() throws Exception {
        Path pem = Files.writeString(dir.resolve("gateway.pub.pem"), PublicKeys.toPem(SAMPLE.gatewayKey().publicKey()));
        assertEquals(0, run(valid.toString(), "--gateway-key", pem.toString(), "--threads", "2"));
        assertTrue(out().contains(SAMPLE.gatewayKeyId() + " (pinned)"), out());
    }

    @Test
    void anotherGatewaysKeyMakesItInvalid() throws Exception {
        EvidenceSamples.Sample other = EvidenceSamples.build(1);
        Path pem = Files.writeString(dir.resolve("other.pub.pem"), PublicKeys.toPem(other.exporterKey().publicKey()));
        assertEquals(1, run(valid.toString(), "--gateway-key=" + pem));
    }

    @Test
    void aTamperedBundleIsExitOneAndNamesTheFileAndRecord() {
        assertEquals(1, run(invalid.toString()));
        assertTrue(out().startsWith("INVALID"), out());
        assertTrue(out().contains(BundleFormat.recordPath(tamperedRecord) + " [record " + tamperedRecord + "]"), out());
    }

    @Test
    void anUnreadableFileIsExitTwo() {
        assertEquals(2, run(unreadable.toString()));
        assertTrue(out().startsWith("UNREADABLE"), out());
    }

    @Test
    void theJsonReportCarriesStatusAndExitCode() throws Exception {
        assertEquals(0, run(valid.toString(), "--json"));
        JsonNode json = Json.tree(out.toByteArray());
        assertEquals("VALID", json.get("status").asText());
        assertEquals(0, json.get("exitCode").asInt());
        assertEquals(SAMPLE.gatewayKeyId(), json.get("gatewayKeyId").asText());
        out.reset();
        assertEquals(1, run("--json", invalid.toString()));
        json = Json.tree(out.toByteArray());
        assertEquals("INVALID", json.get("status").asText());
        assertEquals(1, json.get("exitCode").asInt());
        boolean named = false;
        for (JsonNode finding : json.get("findings")) {
            named |= BundleFormat.recordPath(tamperedRecord).equals(finding.path("file").asText())
                    && tamperedRecord.equals(finding.path("recordId").asText());
        }
        assertTrue(named, json.toString());
        out.reset();
        assertEquals(2, run(unreadable.toString(), "--json"));
        assertEquals("UNREADABLE", Json.tree(out.toByteArray()).get("status").asText());
    }
}
