package dev.countersign.app.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.app.queue.QueueViewModel.SyncState;
import dev.countersign.app.support.ConsoleModels;
import dev.countersign.app.support.TestGateway;
import dev.countersign.app.support.FakeDialogService.Answer;
import dev.countersign.model.ActionType;
import dev.countersign.model.ProposalStatus;
import dev.countersign.model.RiskTier;
import dev.countersign.model.api.ProposalView;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The queue view model against the real embedded gateway, with the synchronous task runner. */
class QueueViewModelTest {
    @TempDir
    Path dir;

    @Test
    void loadsTheDemoQueueRiskiestFirstAndKeepsSelectionAcrossPolls() throws Exception {
        try (TestGateway gateway = TestGateway.start(dir)) {
            ConsoleModels models = started(gateway);
            QueueViewModel queue = models.queue;

            List<QueueRow> rows = queue.rows();
            assertTrue(rows.size() >= 14, "the demo seeds at least 14 proposals, got " + rows.size());
            assertEquals(SyncState.SYNCED, queue.stateProperty().get());
            assertNotNull(queue.lastSyncProperty().get());
            // the demo policy approves one low-tier dev proposal automatically; the rest are open
            assertEquals(rows.stream().filter(r -> r.summary().status() == ProposalStatus.PENDING).count(),
                    queue.openCountProperty().get());
            assertEquals(rows.size() - 1, queue.openCountProperty().get());
            Set<ActionType> actions = rows.stream().map(r -> r.summary().actionType())
                    .collect(Collectors.toSet());
            assertEquals(EnumSet.allOf(ActionType.class), actions);
            Set<RiskTier> tiers = rows.stream().map(r -> r.summary().riskTier()).collect(Collectors.toSet());
            assertEquals(EnumSet.allOf(RiskTier.class), tiers);
            assertEquals(RiskTier.CRITICAL, rows.get(0).summary().riskTier());
            assertEquals(RiskTier.LOW, rows.get(rows.size() - 1).summary().riskTier());
            assertEquals(rows.stream().limit(10).map(QueueRow::id).toList(), models.console.cache().orElseThrow()
                    .proposals().firstSummaries(10).stream().map(s -> s.id()).toList(),
                    "the cache's index serves the first rows in the queue's own order");
            assertEquals("Pending", rows.get(0).statusProperty().get());
            assertTrue(rows.get(0).expiryProperty().get().startsWith("in "), rows.get(0).expiryProperty().get());

            QueueRow chosen = rows.get(3);
            queue.selectedProperty().set(chosen);
            assertTrue(models.runner.periodicCount() >= 1, "a poll is scheduled");
            models.runner.tick();
            assertEquals(SyncState.SYNCED, queue.stateProperty().get());
            assertSame(chosen, queue.selectedProperty().get());
            assertEquals(rows.size(), queue.rows().size(), "nothing new: no rows added");
        }
    }

    @Test
    void aViewFetchedLaterUpdatesItsRowInPlace() throws Exception {
        try (TestGateway gateway = TestGateway.start(dir)) {
            ConsoleModels models = started(gateway);
            QueueRow row = models.queue.rows().get(0);
            ProposalView v = models.view(row);
            ProposalView denied = new ProposalView(v.proposal(), v.context(), v.proposalDigest(), v.contextDigest(),
                    ProposalStatus.DENIED, v.approvalsRequired(), v.approvals(), v.updatedAt().plusSeconds(1));
            models.queue.put(denied);
            assertSame(row, models.queue.row(v.proposal().id()).orElseThrow());
            assertEquals("Denied", row.statusProperty().get());
            assertEquals(models.queue.rows().size() - 2, models.queue.openCountProperty().get(),
                    "one denied here, one approved automatically by the demo policy");

            models.queue.put(v); // older than what the row holds: ignored
            assertEquals("Denied", row.statusProperty().get());
        }
    }

    @Test
    void aGatewayThatStopsAnsweringShowsAsOfflineInWords() throws Exception {
        TestGateway gateway = TestGateway.start(dir);
        ConsoleModels models = started(gateway);
        int rows = models.queue.rows().size();
        gateway.close();

        models.runner.tick();
        assertEquals(SyncState.OFFLINE, models.queue.stateProperty().get());
        assertTrue(models.queue.syncErrorProperty().get().contains("cannot be reached"),
                models.queue.syncErrorProperty().get());
        assertEquals(rows, models.queue.rows().size(), "what was shown stays shown");
    }

    private ConsoleModels started(TestGateway gateway) {
        ConsoleModels models = new ConsoleModels(gateway, dir.resolve("console"), "q@northwind.example");
        models.dialogs.answer(Answer.type("correct horse battery staple"));
        return models.connect();
    }
}
