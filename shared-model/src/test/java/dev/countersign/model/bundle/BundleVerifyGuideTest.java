package dev.countersign.model.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.countersign.model.testing.EvidenceSamples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundle must be checkable without Countersign's code: these tests unzip a written bundle and run the shell blocks
 * of its VERIFY.md, as an auditor would, with bash, coreutils, OpenSSL 3 and jq.
 */
class BundleVerifyGuideTest {
    private static final EvidenceSamples.Sample SAMPLE = EvidenceSamples.build(12);
    private static final Pattern SHELL_BLOCK = Pattern.compile("```sh\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path dir;

    @BeforeAll
    static void toolsAreInstalled() {
        for (String tool : List.of("bash", "openssl", "jq", "sha256sum", "base64")) {
            assumeTrue(installed(tool), tool + " is not installed (apt-get install -y openssl jq coreutils)");
        }
    }

    @Test
    void theGuidesCommandsVerifyAnIntactBundle() throws Exception {
        Path folder = unzip(Bundles.write(SAMPLE, dir, "evidence"));
        Result result = run(folder);
        assertEquals(0, result.exit, result.output);
        assertTrue(result.output.contains("All checks passed."), result.output);
        assertTrue(result.output.contains(SAMPLE.gatewayKeyId()), result.output);
    }

    @Test
    void theGuidesCommandsVerifyABundleExportedWithAP256Key() throws Exception {
        dev.countersign.model.crypto.SoftwareSigner dara = SAMPLE.keysById().values().stream()
                .filter(k -> k.algorithm() == dev.countersign.model.crypto.SignatureAlgorithm.ECDSA_P256_SHA256)
                .findFirst().orElseThrow();
        Path bundle = dir.resolve("p256.csbundle");
        BundleWriter.write(SAMPLE.evidence(), new BundleWriter.Export(EvidenceSamples.DARA, Bundles.EXPORTED, "test"),
                dara, bundle, BundleProgress.NONE);
        assertEquals(BundleReport.Status.VALID,
                BundleVerifier.verify(bundle, SAMPLE.gatewayKey().publicKey(), 1, BundleProgress.NONE).status());
        Result result = run(unzip(bundle));
        assertEquals(0, result.exit, result.output);
        assertTrue(result.output.contains("All checks passed."), result.output);
    }

    @Test
    void theGuidesCommandsRefuseATamperedRecord() throws Exception {
        Path folder = unzip(Bundles.write(SAMPLE, dir, "evidence"));
        Path record = folder.resolve(BundleFormat.recordPath(SAMPLE.recordIds().get(3)));
        byte[] bytes = Files.readAllBytes(record);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(record, bytes);
        Result result = run(folder);
        assertNotEquals(0, result.exit, result.output);
        assertTrue(result.output.contains("FAILED"), result.output);
    }

    private Path unzip(Path bundle) throws IOException {
        Path folder = Files.createDirectory(dir.resolve("unzipped"));
        for (Map.Entry<String, byte[]> member : Bundles.members(bundle).entrySet()) {
            Path file = folder.resolve(member.getKey()).normalize();
            assertTrue(file.startsWith(folder));
            Files.createDirectories(file.getParent());
            Files.write(file, member.getValue());
        }
        return folder;
    }

    private record Result(int exit, String output) {}

    /** Runs the one line VERIFY.md gives to run its shell blocks as a script, in the unzipped folder. */
    private Result run(Path folder) throws Exception {
        String guide = Files.readString(folder.resolve(BundleFormat.VERIFY_GUIDE), StandardCharsets.UTF_8);
        String command = guide.lines().map(String::strip).filter(line -> line.startsWith("sed -n ")).findFirst()
                .orElseThrow(() -> new AssertionError("VERIFY.md says how to run its blocks"));
        assertTrue(SHELL_BLOCK.matcher(guide).find());
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path out = dir.resolve("verify.out");
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", command).directory(folder.toFile())
                .redirectErrorStream(true).redirectOutput(out.toFile());
        builder.environment().put("TMPDIR", tmp.toString());
        Process process = builder.start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the guide's commands finish");
        return new Result(process.exitValue(), Files.readString(out));
    }

    private static boolean installed(String tool) {
        try {
            Process p = new ProcessBuilder("bash", "-c", "command -v " + tool).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
