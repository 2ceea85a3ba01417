package dev.countersign.model.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.countersign.model.Proposal;
import dev.countersign.model.crypto.PublicKeys;
import dev.countersign.model.crypto.SoftwareSigner;
import dev.countersign.model.testing.Samples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A decision record must be checkable without Countersign's code. These tests hand the DSSE pre-authentication
 * encoding, the signature and the public key to OpenSSL 3, exactly as docs/formats.md tells an auditor to.
 */
class OpenSslInteropTest {
    @TempDir
    Path dir;

    @Test
    void openSslVerifiesAnEd25519Record() throws Exception {
        KeyPair pair = Samples.freshEd25519();
        Path[] files = writeRecordFiles(pair);
        assertEquals(0, openssl("pkeyutl", "-verify", "-pubin", "-inkey", files[0].toString(), "-rawin",
                "-in", files[1].toString(), "-sigfile", files[2].toString()));
        Files.write(files[1], tamper(Files.readAllBytes(files[1])));
        assertEquals(1, openssl("pkeyutl", "-verify", "-pubin", "-inkey", files[0].toString(), "-rawin",
                "-in", files[1].toString(), "-sigfile", files[2].toString()));
    }

    @Test
    void openSslVerifiesAP256Record() throws Exception {
        KeyPair pair = Samples.freshP256();
        Path[] files = writeRecordFiles(pair);
        assertEquals(0, openssl("dgst", "-sha256", "-verify", files[0].toString(), "-signature", files[2].toString(),
                files[1].toString()));
        Files.write(files[1], tamper(Files.readAllBytes(files[1])));
        assertEquals(1, openssl("dgst", "-sha256", "-verify", files[0].toString(), "-signature", files[2].toString(),
                files[1].toString()));
    }

    /** Returns the public key PEM, the PAE bytes and the raw signature, as an auditor would extract them. */
    private Path[] writeRecordFiles(KeyPair pair) throws Exception {
        SoftwareSigner signer = new SoftwareSigner(pair);
        Proposal proposal = Samples.proposal();
        DsseEnvelope envelope = DecisionRecords.sign(
                DecisionRecords.statement(proposal, Samples.decision(proposal, signer.keyId(), "n")), signer);
        Path pub = Files.writeString(dir.resolve("reviewer.pub.pem"), PublicKeys.toPem(pair.getPublic()), StandardCharsets.US_ASCII);
        Path pae = Files.write(dir.resolve("pae.bin"), Dsse.pae(envelope.payloadType(), envelope.payloadBytes()));
        Path sig = Files.write(dir.resolve("sig.bin"), Base64.getDecoder().decode(envelope.signatures().get(0).sig()));
        return new Path[] {pub, pae, sig};
    }

    private static byte[] tamper(byte[] bytes) {
        bytes[bytes.length / 2] ^= 0x01;
        return bytes;
    }

    private int openssl(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("openssl.out").toFile()).start();
        } catch (IOException e) {
            assumeTrue(false, "openssl is not installed: " + e.getMessage());
            throw e;
        }
        return process.waitFor();
    }
}
