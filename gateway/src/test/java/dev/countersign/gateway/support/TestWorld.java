package dev.countersign.gateway.support;

import dev.countersign.gateway.Gateway;
import dev.countersign.gateway.GatewayConfig;
import dev.countersign.gateway.GatewayStartException;
import dev.countersign.model.api.NonceGrant;
import dev.countersign.model.api.ProposalView;
import dev.countersign.model.api.RecordList;
import dev.countersign.model.api.SessionGrant;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** A gateway started for a test class, with the small test world (inventory and policy) loaded through the API. */
public final class TestWorld implements AutoCloseable {
    public static final Instant START = Instant.parse("2026-11-22T05:00:00Z");
    public static final String OWNER = "owner@example.test";
    public static final String AGENT = "spiffe://example.test/agents/rotation-bot";

    /** Reads the queue, records and reviewers and asks for nonces; holds no rights. Enrolled when first needed. */
    public static final String READER = "reader@example.test";

    public final Gateway gateway;
    public final Http http;
    public final MutableClock clock;
    private final Map<String, OpenSession> sessions = new HashMap<>();
    private TestReviewer reader;

    private record OpenSession(Http http, Instant expiresAt) {}

    private TestWorld(Gateway gateway, MutableClock clock) {
        this.gateway = gateway;
        this.clock = clock;
        this.http = new Http(gateway.baseUri(), gateway.adminToken());
    }

    public static TestWorld start(Path dataDir) {
        MutableClock clock = new MutableClock(START);
        TestWorld world = new TestWorld(startGateway(dataDir, clock, false), clock);
        world.expect(200, world.http.adminPut("/v1/admin/inventory", resource("/test-world/inventory.json")));
        world.expect(200, world.http.adminPut("/v1/admin/policy", resource("/test-world/policy.json")));
        return world;
    }

    public static Gateway startGateway(Path dataDir, Clock clock, boolean demo) {
        try {
            return Gateway.start(new GatewayConfig(dataDir, "127.0.0.1", 0, demo, clock));
        } catch (GatewayStartException e) {
            throw new AssertionError(e);
        }
    }

    public static String resource(String name) {
        try (InputStream in = TestWorld.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new AssertionError("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A submission body; the target decides the tier (nhi-b low/1 approval, nhi-c medium/1, nhi-a critical/2). */
    public static String submission(String targetId, String environment, String owner) {
        return "{\"agent\":{\"id\":\"" + AGENT + "\",\"owner\":\"" + owner + "\"},"
                + "\"actionType\":\"rotate_credential\",\"targetId\":\"" + targetId + "\",\"environment\":\""
                + environment + "\",\"parameters\":{\"before\":{\"keyVersion\":7},\"after\":{\"keyVersion\":8}},"
                + "\"intent\":\"Rotate ahead of the deadline.\",\"expiresInMinutes\":240}";
    }

    public ProposalView submit(String body) {
        return expect(201, http.post("/v1/proposals", body)).as(ProposalView.class);
    }

    public ProposalView submit(String targetId, String environment) {
        return submit(submission(targetId, environment, OWNER));
    }

    public ProposalView view(String id) {
        return expect(200, http.get("/v1/proposals/" + id)).as(ProposalView.class);
    }

    /**
     * A client in a session of this reviewer's key, as their console would be: opened on first use and opened again
     * once the test clock is past its expiry.
     */
    public synchronized Http as(TestReviewer r) {
        OpenSession open = sessions.get(r.keyId());
        if (open == null || !clock.instant().isBefore(open.expiresAt())) {
            SessionGrant grant = r.openSession(http);
            open = new OpenSession(http.withSession(grant.token()), grant.expiresAt());
            sessions.put(r.keyId(), open);
        }
        return open.http();
    }

    /** A client in a session of {@link #READER}, for console calls where who asks does not matter. */
    public synchronized Http console() {
        if (reader == null) {
            reader = TestReviewer.ed25519(READER).enrollWithRights(http, null, "auditor");
        }
        return as(reader);
    }

    public String nonce(String proposalId) {
        return expect(201, console().post("/v1/proposals/" + proposalId + "/nonces", null)).as(NonceGrant.class)
                .nonce();
    }

    /** Posts a decision in the session of the reviewer who signed it. */
    public Reply decide(DecisionSigner decision) {
        return decide(decision.signer(), decision);
    }

    /** Posts a decision in the session of the given reviewer, whoever signed it. */
    public Reply decide(TestReviewer session, DecisionSigner decision) {
        return as(session).post("/v1/decisions", decision.json());
    }

    public int records(String proposalId) {
        return expect(200, console().get("/v1/decisions?proposalId=" + proposalId)).as(RecordList.class).records()
                .size();
    }

    public Reply expect(int status, Reply reply) {
        if (reply.status() != status) {
            throw new AssertionError("expected " + status + " but got " + reply);
        }
        return reply;
    }

    @Override
    public void close() {
        gateway.close();
    }
}
