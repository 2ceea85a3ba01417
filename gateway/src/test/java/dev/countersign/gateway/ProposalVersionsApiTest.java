package dev.countersign.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.gateway.support.DecisionSigner;
import dev.countersign.gateway.support.Reply;
import dev.countersign.gateway.support.TestReviewer;
import dev.countersign.gateway.support.TestWorld;
import dev.countersign.model.api.DecisionReceipt;
import dev.countersign.model.api.ProposalVersionView;
import dev.countersign.model.api.ProposalView;
import dev.countersign.model.json.Digests;
import dev.countersign.model.record.DecisionRecords;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GET /v1/proposals/{id}/versions/{version} over real HTTP: an older version with the context its decision was shown,
 * after the proposal has moved on.
 */
class ProposalVersionsApiTest {
    @TempDir
    static Path dataDir;
    static TestWorld world;
    static TestReviewer alice;
    static ProposalView v1;
    static ProposalView v2;
    static DecisionReceipt approvedV1;

    @BeforeAll
    static void start() {
        world = TestWorld.start(dataDir);
        alice = TestReviewer.ed25519("alice@example.test").enrollAt(world.http, "platform-security", "sre");
        v1 = world.submit("nhi-a", "prod"); // two approvals: one approval leaves it pending
        String id = v1.proposal().id();
        approvedV1 = world.expect(201, world.decide(DecisionSigner.about(v1).by(alice).nonce(world.nonce(id))))
                .as(DecisionReceipt.class);
        world.expect(200, world.http.adminPost("/v1/admin/proposals/" + id + "/amend",
                "{\"parameters\":{\"before\":{\"keyVersion\":7},\"after\":{\"keyVersion\":9}}}"));
        v2 = world.view(id);
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    private static Reply version(String id, String version) {
        return world.console().get("/v1/proposals/" + id + "/versions/" + version);
    }

    @Test
    void anOlderVersionIsServedWithTheContextItsDecisionWasShown() {
        String id = v1.proposal().id();
        assertEquals(2, v2.proposal().version());
        ProposalVersionView old = world.expect(200, version(id, "1")).as(ProposalVersionView.class);
        assertEquals(v1.proposal(), old.proposal());
        assertEquals(v1.context(), old.context());
        assertEquals(v1.proposalDigest(), old.proposalDigest());
        assertEquals(v1.contextDigest(), old.contextDigest());
        // the digests are those of the served JSON, so anyone can check a record against them
        assertEquals(old.proposalDigest(), DecisionRecords.proposalDigest(old.proposal()));
        assertEquals(old.contextDigest(), Digests.canonicalSha256(old.context()));
        assertEquals(1, world.records(id));

        ProposalVersionView current = world.expect(200, version(id, "2")).as(ProposalVersionView.class);
        assertEquals(v2.proposalDigest(), current.proposalDigest());
        assertEquals(v2.contextDigest(), current.contextDigest());
        assertNotEquals(old.proposalDigest(), current.proposalDigest());
    }

    @Test
    void anUnknownProposalOrVersionIsNotFound() {
        assertProblem(version("prp_missing", "1"), 404, "not-found", "prp_missing");
        assertProblem(version(v1.proposal().id(), "3"), 404, "not-found", "version 3");
    }

    @Test
    void aVersionThatIsNotAPositiveIntegerIsInvalid() {
        String id = v1.proposal().id();
        for (String bad : new String[] {"0", "-1", "abc", "1.5", "99999999999"}) {
            assertProblem(version(id, bad), 422, "invalid-request", "version");
        }
    }

    @Test
    void versionsNeedASession() {
        Reply none = world.http.get("/v1/proposals/" + v1.proposal().id() + "/versions/1");
        assertEquals(401, none.status());
        assertEquals("session-required", none.problem());
    }

    private static void assertProblem(Reply reply, int status, String type, String inDetail) {
        assertEquals(status, reply.status(), reply::toString);
        assertEquals(type, reply.problem());
        assertTrue(reply.detail().contains(inDetail), reply.detail());
    }
}
