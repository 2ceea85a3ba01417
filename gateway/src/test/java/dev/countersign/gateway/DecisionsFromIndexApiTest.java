package dev.countersign.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.gateway.support.DecisionSigner;
import dev.countersign.gateway.support.Reply;
import dev.countersign.gateway.support.TestReviewer;
import dev.countersign.gateway.support.TestWorld;
import dev.countersign.model.api.DecisionReceipt;
import dev.countersign.model.api.DecisionRecordView;
import dev.countersign.model.api.ProposalView;
import dev.countersign.model.api.RecordList;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /v1/decisions?fromIndex=N&limit=M over real HTTP: records in log order from an index, for incremental sync. */
class DecisionsFromIndexApiTest {
    @TempDir
    static Path dataDir;
    static TestWorld world;
    static TestReviewer alice;
    static List<DecisionReceipt> receipts = new ArrayList<>();

    @BeforeAll
    static void start() {
        world = TestWorld.start(dataDir);
        alice = TestReviewer.ed25519("alice@example.test").enrollAt(world.http, "platform-security", "sre");
        for (int i = 0; i < 5; i++) {
            ProposalView view = world.submit("nhi-b", "dev");
            receipts.add(world.expect(201, world.decide(DecisionSigner.about(view).by(alice)
                    .nonce(world.nonce(view.proposal().id())))).as(DecisionReceipt.class));
        }
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    private static List<DecisionRecordView> records(String query) {
        return world.expect(200, world.console().get("/v1/decisions?" + query)).as(RecordList.class).records();
    }

    private static List<Long> indexes(List<DecisionRecordView> records) {
        return records.stream().map(DecisionRecordView::logIndex).toList();
    }

    @Test
    void recordsComeInLogOrderFromTheIndexAndAtMostTheLimit() {
        assertEquals(List.of(0L, 1L), indexes(records("fromIndex=0&limit=2")));
        assertEquals(List.of(2L, 3L, 4L), indexes(records("fromIndex=2")));
        assertEquals(List.of(4L), indexes(records("fromIndex=4&limit=1000")));
        assertEquals(List.of(), records("fromIndex=5"));
        assertEquals(List.of(), records("fromIndex=" + Long.MAX_VALUE));
        assertEquals(receipts.get(3).recordId(), records("fromIndex=3&limit=1").get(0).recordId());
    }

    @Test
    void pagingByTheLastIndexSyncsExactlyTheWholeListing() {
        List<DecisionRecordView> synced = new ArrayList<>();
        long next = 0;
        while (true) {
            List<DecisionRecordView> page = records("fromIndex=" + next + "&limit=2");
            if (page.isEmpty()) {
                break;
            }
            synced.addAll(page);
            next = page.get(page.size() - 1).logIndex() + 1;
        }
        assertEquals(records(""), synced);
        assertEquals(receipts.stream().map(DecisionReceipt::recordId).toList(),
                synced.stream().map(DecisionRecordView::recordId).toList());
    }

    @Test
    void badParametersAreInvalidAndNameTheParameter() {
        String id = receipts.get(0).proposalId();
        assertInvalid("fromIndex=-1", "fromIndex");
        assertInvalid("fromIndex=abc", "fromIndex");
        assertInvalid("fromIndex=1.5", "fromIndex");
        assertInvalid("fromIndex=0&limit=0", "limit");
        assertInvalid("fromIndex=0&limit=1001", "limit");
        assertInvalid("fromIndex=0&limit=many", "limit");
        assertInvalid("fromIndex=0&proposalId=" + id, "proposalId");
        assertInvalid("limit=10", "limit");
        assertInvalid("proposalId=" + id + "&limit=10", "limit");
        // the existing forms are as they were
        assertEquals(1, records("proposalId=" + id).size());
        assertEquals(5, records("").size());
    }

    private static void assertInvalid(String query, String parameter) {
        Reply reply = world.console().get("/v1/decisions?" + query);
        assertEquals(422, reply.status(), reply::toString);
        assertEquals("invalid-request", reply.problem());
        assertTrue(reply.detail().contains(parameter), reply.detail());
    }

    @Test
    void theLogFromAnIndexNeedsASession() {
        Reply none = world.http.get("/v1/decisions?fromIndex=0");
        assertEquals(401, none.status());
        assertEquals("session-required", none.problem());
        Reply bad = world.http.withSession("bm90LWEtdG9rZW4tdGhpcy1nYXRld2F5LWlzc3VlZA")
                .get("/v1/decisions?fromIndex=0");
        assertEquals("session-invalid", bad.problem());
    }
}
