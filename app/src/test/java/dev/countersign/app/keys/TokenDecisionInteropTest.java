package dev.countersign.app.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;


import dev.countersign.app.sync.GatewayClient;
import dev.countersign.app.sync.ReviewerSessions;
import dev.countersign.gateway.Gateway;
import dev.countersign.gateway.GatewayConfig;
import dev.countersign.model.Decision;
import dev.countersign.model.ReasonCode;
import dev.countersign.model.RiskTier;
import dev.countersign.model.Verdict;
import dev.countersign.model.api.DecisionRecordView;
import dev.countersign.model.api.DecisionRights;
import dev.countersign.model.api.EnrollmentRequest;
import dev.countersign.model.api.NonceGrant;
import dev.countersign.model.api.ProposalView;
import dev.countersign.model.crypto.PublicKeys;
import dev.countersign.model.crypto.Signer;
import dev.countersign.model.json.Digests;
import dev.countersign.model.record.DecisionRecords;
import dev.countersign.model.record.Dsse;
import dev.countersign.model.record.DsseEnvelope;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A decision signed on a real PKCS#11 token (SoftHSM2) is accepted by a real gateway over loopback HTTP, and the
 * record the gateway stored verifies with OpenSSL, which knows nothing of Countersign.
 */
class TokenDecisionInteropTest {
    private static final String REVIEWER = "token.reviewer@northwind.example";

    @TempDir
    Path dir;

    @Test
    void aTokenSignedDecisionIsAcceptedAndVerifiesWithOpenSsl() throws Exception {
        Pkcs11Token token = SoftHsm.token();
        TokenKey key = token.generate("interop-" + System.nanoTime(), SoftHsm.PIN.toCharArray());
        Signer signer = token.signer(key.alias(), SoftHsm.PIN.toCharArray());

        try (Gateway gateway = Gateway.start(GatewayConfig.embeddedDemo(dir.resolve("gateway")))) {
            GatewayClient client = new GatewayClient(gateway.baseUri());
            client.enroll(new EnrollmentRequest(REVIEWER, "Token Reviewer", List.of("platform-security", "sre",
                    "identity"), PublicKeys.toBase64(key.publicKey()), DecisionRights.all(RiskTier.CRITICAL)),
                    gateway.adminToken(), "enroll-token-reviewer");
            // the session's challenge is signed on the token too, as the console does
            ReviewerSessions sessions = new ReviewerSessions(client, () -> Optional.of(signer), Clock.systemUTC(),
                    grant -> { });
            client.useSessions(sessions);
            assertEquals(key.keyId(), sessions.open(REVIEWER, signer).keyId());

            ProposalView view = client.queue(null, 500).items().stream()
                    .filter(v -> v.proposal().riskTier() == RiskTier.LOW)
                    .filter(v -> v.status() == dev.countersign.model.ProposalStatus.PENDING).findFirst().orElseThrow();
            String id = view.proposal().id();
            NonceGrant nonce = client.issueNonce(id, "nonce-" + id);
            Decision decision = new Decision(id, view.proposal().version(), Digests.canonicalSha256(view.context()),
                    Verdict.APPROVE, ReasonCode.MATCHES_INTENT, "Signed on the hardware token.", null, REVIEWER,
                    signer.keyId(), nonce.nonce(), Instant.now(), view.proposal().agent().id(),
                    view.context().policyBasis().policyId(), view.context().policyBasis().policyVersion(), "tests");
            DsseEnvelope envelope = DecisionRecords.sign(DecisionRecords.statement(view.proposal(), decision), signer);
            client.postDecision(envelope, "token-" + id);

            List<DecisionRecordView> records = client.decisions(id).records();
            assertEquals(1, records.size());
            DsseEnvelope stored = records.get(0).envelope();
            assertEquals(key.keyId(), DecisionRecords.verify(stored, key.publicKey()).keyId());

            Path pub = Files.writeString(dir.resolve("reviewer.pub.pem"), PublicKeys.toPem(key.publicKey()));
            Path pae = Files.write(dir.resolve("pae.bin"), Dsse.pae(stored.payloadType(), stored.payloadBytes()));
            Path sig = Files.write(dir.resolve("sig.bin"), Base64.getDecoder().decode(stored.signatures().get(0).sig()));
            assertEquals(0, openssl("dgst", "-sha256", "-verify", pub.toString(), "-signature", sig.toString(), pae.toString()));
        }
    }

    private int openssl(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(30, TimeUnit.SECONDS);
        assertEquals(0, process.exitValue(), output);
        return process.exitValue();
    }
}
