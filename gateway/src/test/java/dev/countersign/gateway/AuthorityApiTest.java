package dev.countersign.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.gateway.support.DecisionSigner;
import dev.countersign.gateway.support.Reply;
import dev.countersign.gateway.support.TestReviewer;
import dev.countersign.gateway.support.TestWorld;
import dev.countersign.model.ActionType;
import dev.countersign.model.ProposalStatus;
import dev.countersign.model.RiskTier;
import dev.countersign.model.api.DecisionReceipt;
import dev.countersign.model.api.ReviewerList;
import dev.countersign.model.api.ReviewerView;
import dev.countersign.model.json.Json;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision rights over real HTTP: a reviewer needs a role among the tier's deciders and rights over the action type,
 * environment and tier; every refusal is {@code not-permitted}, says why in plain words and changes nothing.
 */
class AuthorityApiTest {
    @TempDir
    static Path dataDir;
    static TestWorld world;

    @BeforeAll
    static void start() {
        world = TestWorld.start(dataDir);
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    /** Low tier, one approval, deciders sre: rotate_credential of nhi-b in dev. */
    private static String lowTier() {
        return world.submit("nhi-b", "dev").proposal().id();
    }

    /** Critical tier, two approvals, deciders platform-security: nhi-a in prod. */
    private static String critical() {
        String id = world.submit("nhi-a", "prod").proposal().id();
        assertEquals(RiskTier.CRITICAL, world.view(id).proposal().riskTier());
        return id;
    }

    /** Refused as not-permitted with the given detail; status, version, approvals, records unchanged; nonce unused. */
    private static void assertNotPermitted(TestReviewer reviewer, String id, String nonce, String detail) {
        var before = world.view(id);
        Reply reply = world.decide(DecisionSigner.about(before).by(reviewer).nonce(nonce));
        assertEquals(403, reply.status(), reply::toString);
        assertEquals("not-permitted", reply.problem());
        assertEquals(detail, reply.json().get("detail").asText());
        assertEquals(id, reply.json().get("proposalId").asText());
        var after = world.view(id);
        assertEquals(ProposalStatus.PENDING, after.status());
        assertEquals(before.proposal().version(), after.proposal().version());
        assertEquals(before.approvals(), after.approvals());
        assertEquals(before.approvals().size(), world.records(id));
        assertEquals(before.updatedAt(), after.updatedAt());
    }

    @Test
    void aRoleThatIsNotAmongTheDecidersIsNotPermitted() {
        TestReviewer sre = TestReviewer.ed25519("sre-only@example.test").enrollAt(world.http, "sre");
        String id = critical();
        assertNotPermitted(sre, id, world.nonce(id),
                "Only platform-security may decide critical proposals; you hold sre.");
    }

    @Test
    void aTierAboveTheReviewersMaxTierIsNotPermittedUntilGranted() {
        TestReviewer ps = TestReviewer.ed25519("ps-high@example.test")
                .enrollWithRights(world.http, "{\"maxTier\":\"high\"}", "platform-security");
        String id = critical();
        String nonce = world.nonce(id);
        assertNotPermitted(ps, id, nonce, "Your rights cover tiers up to high; this proposal is critical.");

        ReviewerView granted = world.expect(200, world.http.adminPost("/v1/admin/reviewers/" + ps.reviewer()
                + "/rights", "{\"rights\":{\"maxTier\":\"critical\"}}")).as(ReviewerView.class);
        assertEquals(RiskTier.CRITICAL, granted.rights().maxTier());
        // The refused attempt left the nonce unused: the same nonce now records the decision.
        Reply accepted = world.decide(DecisionSigner.about(world.view(id)).by(ps).nonce(nonce));
        assertEquals(201, accepted.status(), accepted::toString);
        assertEquals(1, accepted.as(DecisionReceipt.class).approvalsGiven());
    }

    @Test
    void anActionTypeThatIsNotGrantedIsNotPermitted() {
        TestReviewer sre = TestReviewer.ed25519("sre-revoker@example.test").enrollWithRights(world.http,
                "{\"actionTypes\":[\"revoke_key\",\"disable_integration\"],\"maxTier\":\"critical\"}", "sre");
        String id = lowTier();
        assertNotPermitted(sre, id, world.nonce(id),
                "Your rights do not cover rotate_credential; they cover revoke_key, disable_integration.");
    }

    @Test
    void anEnvironmentThatIsNotGrantedIsNotPermitted() {
        TestReviewer sre = TestReviewer.ed25519("sre-prod@example.test").enrollWithRights(world.http,
                "{\"environments\":[\"prod\",\"staging\"],\"maxTier\":\"critical\"}", "sre");
        String id = lowTier();
        assertNotPermitted(sre, id, world.nonce(id),
                "Your rights do not cover the dev environment; they cover prod, staging.");
    }

    @Test
    void aReviewerEnrolledWithoutRightsHoldsNoneAndADenialNeedsRightsToo() {
        TestReviewer none = TestReviewer.ed25519("no-rights@example.test").enrollWithRights(world.http, null, "sre");
        assertNull(world.console().get("/v1/reviewers/" + none.reviewer()).as(ReviewerView.class).rights());
        String id = lowTier();
        var view = world.view(id);
        Reply deny = world.decide(DecisionSigner.about(view).by(none).verdict(dev.countersign.model.Verdict.DENY)
                .nonce(world.nonce(id)));
        assertEquals("not-permitted", deny.problem());
        assertEquals(ProposalStatus.PENDING, world.view(id).status());
        assertNotPermitted(none, id, world.nonce(id), "You hold no decision rights yet; ask an admin to grant them.");
    }

    @Test
    void aNewKeyWithoutRightsKeepsTheReviewersRights() {
        TestReviewer first = TestReviewer.ed25519("rotating@example.test").enrollWithRights(world.http,
                "{\"environments\":[\"dev\"],\"maxTier\":\"medium\"}", "sre");
        TestReviewer second = new TestReviewer(first.reviewer(), TestReviewer.ed25519("x@example.test").signer());
        second.enrollWithRights(world.http, null, "sre");
        ReviewerView view = world.console().get("/v1/reviewers/" + first.reviewer()).as(ReviewerView.class);
        assertEquals(2, view.keys().size());
        assertEquals(List.of("dev"), view.rights().environments());
        assertTrue(view.rights().allActionTypes());
        assertEquals(RiskTier.MEDIUM, view.rights().maxTier());
        String id = lowTier();
        assertEquals(201, world.decide(DecisionSigner.about(world.view(id)).by(second).nonce(world.nonce(id)))
                .status());
    }

    @Test
    void rightsAreServedAndListedWithKeysAndRevocations() {
        TestReviewer r = TestReviewer.ed25519("listed@example.test").enrollWithRights(world.http,
                "{\"actionTypes\":[\"rotate_credential\"],\"maxTier\":\"high\"}", "identity");
        String json = world.console().get("/v1/reviewers/" + r.reviewer()).body();
        assertTrue(json.contains("\"rights\":{\"actionTypes\":[\"rotate_credential\"],\"maxTier\":\"high\"}"), json);
        world.expect(200, world.http.adminPost("/v1/admin/keys/" + r.keyId() + "/revoke", null));

        assertEquals(401, world.http.get("/v1/admin/reviewers").status());
        ReviewerList list = world.expect(200, world.http.adminGet("/v1/admin/reviewers")).as(ReviewerList.class);
        ReviewerView listed = list.reviewers().stream().filter(v -> v.reviewer().equals(r.reviewer())).findFirst()
                .orElseThrow();
        assertEquals(List.of("identity"), listed.roles());
        assertEquals(List.of(ActionType.ROTATE_CREDENTIAL), listed.rights().actionTypes());
        assertNotNull(listed.keys().get(0).revokedAt());
    }

    @Test
    void aGrantCanReplaceRolesAndRefusesUnknownReviewersAndBadShapes() {
        TestReviewer r = TestReviewer.ed25519("regrant@example.test").enrollAt(world.http, "sre");
        ReviewerView v = world.expect(200, world.http.adminPost("/v1/admin/reviewers/" + r.reviewer() + "/rights",
                "{\"rights\":{\"environments\":[],\"maxTier\":\"low\"},\"roles\":[\"identity\"]}"))
                .as(ReviewerView.class);
        assertEquals(List.of("identity"), v.roles());
        assertEquals(List.of(), v.rights().environments());
        assertFalse(v.rights().coversEnvironment("dev"));

        assertEquals("not-found", world.http.adminPost("/v1/admin/reviewers/nobody@example.test/rights",
                "{\"rights\":{\"maxTier\":\"low\"}}").problem());
        Reply bad = world.http.adminPost("/v1/admin/reviewers/" + r.reviewer() + "/rights",
                "{\"rights\":{\"maxTier\":\"extreme\"}}");
        assertEquals(422, bad.status(), bad::toString);
        Reply missing = world.http.adminPost("/v1/admin/reviewers/" + r.reviewer() + "/rights", "{\"rights\":{}}");
        assertEquals("invalid-request", missing.problem());
        assertEquals("$.rights.maxTier", missing.json().get("path").asText());
        ReviewerView unchanged = Json.parse(world.console().get("/v1/reviewers/" + r.reviewer()).body(),
                ReviewerView.class);
        assertEquals(RiskTier.LOW, unchanged.rights().maxTier());
    }
}
