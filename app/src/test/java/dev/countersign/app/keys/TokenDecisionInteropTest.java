package dev.countersign.app.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.countersign.gateway.Gateway;
import dev.countersign.gateway.GatewayConfig;
import dev.countersign.model.Decision;
import dev.countersign.model.ReasonCode;
import dev.countersign.model.RiskTier;
import dev.countersign.model.Verdict;
import dev.countersign.model.api.DecisionRecordView;
import dev.countersign.model.api.NonceGrant;
import dev.countersign.model.api.ProposalView;
import dev.countersign.model.api.QueuePage;
import dev.countersign.model.api.RecordList;
import dev.countersign.model.crypto.PublicKeys;
import dev.countersign.model.crypto.Signer;
import dev.countersign.model.json.Digests;
import dev.countersign.model.json.Json;
import dev.countersign.model.record.DecisionRecords;
import dev.countersign.model.record.Dsse;
import dev.countersign.model.record.DsseEnvelope;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
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

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aTokenSignedDecisionIsAcceptedAndVerifiesWithOpenSsl() throws Exception {
        Pkcs11Token token = SoftHsm.token();
        TokenKey key = token.generate("interop-" + System.nanoTime(), SoftHsm.PIN.toCharArray());
        Signer signer = token.signer(key.alias(), SoftHsm.PIN.toCharArray());

        try (Gateway gateway = Gateway.start(GatewayConfig.embeddedDemo(dir.resolve("gateway")))) {
            URI base = gateway.baseUri();
            send(post(base, "/v1/admin/reviewers", "{\"reviewer\":\"" + REVIEWER + "\",\"displayName\":\"Token Reviewer\","
                    + "\"roles\":[\"platform-security\",\"sre\",\"identity\"],\"publicKey\":\""
                    + PublicKeys.toBase64(key.publicKey()) + "\",\"rights\":{\"maxTier\":\"critical\"}}")
                    .header("Authorization", "Bearer " + gateway.adminToken()), 201);

            ProposalView view = Json.parse(send(HttpRequest.newBuilder(base.resolve("/v1/queue?limit=500")), 200), QueuePage.class)
                    .items().stream().filter(v -> v.proposal().riskTier() == RiskTier.LOW)
                    .filter(v -> v.status() == dev.countersign.model.ProposalStatus.PENDING).findFirst().orElseThrow();
            String id = view.proposal().id();
            NonceGrant nonce = Json.parse(send(post(base, "/v1/proposals/" + id + "/nonces", ""), 201), NonceGrant.class);
            Decision decision = new Decision(id, view.proposal().version(), Digests.canonicalSha256(view.context()),
                    Verdict.APPROVE, ReasonCode.MATCHES_INTENT, "Signed on the hardware token.", null, REVIEWER,
                    signer.keyId(), nonce.nonce(), Instant.now(), view.proposal().agent().id(),
                    view.context().policyBasis().policyId(), view.context().policyBasis().policyVersion(), "tests");
            DsseEnvelope envelope = DecisionRecords.sign(DecisionRecords.statement(view.proposal(), decision), signer);
            send(post(base, "/v1/decisions", Json.string(envelope)).header("Idempotency-Key", "token-" + id), 201);

            List<DecisionRecordView> records = Json.parse(send(HttpRequest.newBuilder(
                    base.resolve("/v1/decisions?proposalId=" + id)), 200), RecordList.class).records();
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

    private static HttpRequest.Builder post(URI base, String path, String body) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private String send(HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, response.statusCode(), response.body());
        return response.body();
    }
}
