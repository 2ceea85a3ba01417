package dev.countersign.app.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.app.settings.SavedFilterStore;
import dev.countersign.app.support.ConsoleModels;
import dev.countersign.app.support.FakeDialogService.Answer;
import dev.countersign.app.support.TestGateway;
import dev.countersign.app.common.UserErrors;
import dev.countersign.model.ActionType;
import dev.countersign.model.ProposalStatus;
import dev.countersign.model.RiskTier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Working the queue without a window: filters with counts, saved filters, selection, new critical work. */
class QueueWorkViewModelTest {
    @TempDir
    Path dir;

    @Test
    void aNewCriticalProposalIsAnnouncedOnceAndNeverOnFirstLoad() throws Exception {
        try (TestGateway gateway = TestGateway.start(dir)) {
            List<List<String>> heard = new ArrayList<>();
            ConsoleModels models = models(gateway, heard);
            QueueRow critical = models.queue.rows().stream()
                    .filter(r -> r.summary().riskTier() == RiskTier.CRITICAL).findFirst().orElseThrow();
            QueueRow low = models.queue.rows().stream()
                    .filter(r -> r.summary().riskTier() == RiskTier.LOW).findFirst().orElseThrow();
            assertEquals(List.of(), heard, "what the first sync brings is not news");

            String fresh = Proposals.submitLike(gateway.baseUri(), models.view(critical), 120);
            Proposals.submitLike(gateway.baseUri(), models.view(low), 120);
            models.runner.tick();
            assertEquals(List.of(List.of(fresh)), heard);
            assertEquals(RiskTier.CRITICAL, models.queue.row(fresh).orElseThrow().summary().riskTier());

            models.runner.tick();
            models.runner.tick();
            assertEquals(1, heard.size(), "once per proposal");

            String whileAway = Proposals.submitLike(gateway.baseUri(), models.view(critical), 120);
            models.stop(); // stops the embedded gateway too
            heard.clear();
            try (TestGateway restarted = TestGateway.start(dir)) {
                ConsoleModels again = models(restarted, heard); // a restart: the cache, then the first round
                assertTrue(again.queue.row(whileAway).isPresent(), again.queue.syncErrorProperty().get());
                assertEquals(List.of(), heard, "the first load after a restart announces nothing");
                again.stop();
            }
        }
    }

    @Test
    void filtersNarrowTheQueueAndCountPerTier() throws Exception {
        try (TestGateway gateway = TestGateway.start(dir)) {
            QueueViewModel queue = models(gateway, new ArrayList<>()).queue;
            int all = queue.rows().size();
            int critical = (int) queue.rows().stream().filter(r -> r.summary().riskTier() == RiskTier.CRITICAL)
                    .count();
            assertEquals(critical, queue.choices().tierCountsProperty().get().get(RiskTier.CRITICAL));
            assertTrue(queue.choices().environments().contains("prod"), queue.choices().environments().toString());
            assertFalse(queue.filtered());

            queue.queueFilterProperty().set(QueueFilter.ALL.withTiers(Set.of(RiskTier.CRITICAL)));
            assertTrue(queue.filtered());
            assertEquals(critical, queue.visibleRows().size());
            assertTrue(queue.visibleRows().stream().allMatch(r -> r.summary().riskTier() == RiskTier.CRITICAL));

            queue.filterProperty().set("prod"); // the search box combines with the choices
            assertEquals("prod", queue.queueFilterProperty().get().text());
            assertTrue(queue.queueFilterProperty().get().tiers().contains(RiskTier.CRITICAL));
            assertTrue(queue.visibleRows().stream().allMatch(r -> r.summary().riskTier() == RiskTier.CRITICAL
                    && r.summary().environment().equals("prod")), "critical ones in prod");

            queue.queueFilterProperty().set(QueueFilter.ALL.withShowClosed(false));
            assertEquals("", queue.filterProperty().get(), "the search box follows the whole filter");
            assertEquals(queue.openCountProperty().get(), queue.visibleRows().size());
            assertEquals(all - 1, queue.visibleRows().size(), "the demo approves one proposal by policy");

            queue.queueFilterProperty().set(QueueFilter.ALL);
            assertEquals(all, queue.visibleRows().size());
        }
    }

    @Test
    void savedFiltersSurviveARestartAndAnUnreadableFileIsKeptAside() throws Exception {
        try (TestGateway gateway = TestGateway.start(dir)) {
            ConsoleModels models = models(gateway, new ArrayList<>());
            SavedFiltersViewModel saved = saved(models);
            saved.load();
            assertEquals(List.of(), saved.filters());
            QueueFilter urgent = QueueFilter.ALL.withTiers(Set.of(RiskTier.CRITICAL, RiskTier.HIGH))
                    .withActions(Set.of(ActionType.REVOKE_KEY)).withText("prod");
            models.queue.queueFilterProperty().set(urgent);
            saved.saveCurrent("Urgent revocations");
            models.queue.queueFilterProperty().set(QueueFilter.ALL.withShowClosed(false));
            saved.saveCurrent("Open");
            saved.saveCurrent("  open "); // same name: replaced, not doubled
            assertEquals(List.of("Urgent revocations", "open"), saved.filters().stream().map(f -> f.name()).toList(),
                    "replaced in place, as last typed");
            models.stop();

            ConsoleModels again = models(gateway, new ArrayList<>());
            SavedFiltersViewModel reread = saved(again);
            reread.load();
            assertEquals(List.of("Urgent revocations", "open"), reread.filters().stream().map(f -> f.name()).toList());
            reread.apply(reread.find("urgent revocations").orElseThrow());
            assertEquals(urgent, again.queue.queueFilterProperty().get());
            assertEquals("prod", again.queue.filterProperty().get());
            reread.delete(reread.find("Open").orElseThrow());
            assertEquals(1, reread.filters().size());
            assertEquals("", reread.problemProperty().get());

            Path file = dir.resolve("console").resolve(SavedFilterStore.FILE);
            Files.writeString(file, "{\"version\":1,\"filters\":[{\"name\":\"broken\"");
            SavedFiltersViewModel broken = saved(again);
            broken.load();
            assertEquals(List.of(), broken.filters());
            String problem = broken.problemProperty().get();
            assertTrue(problem.startsWith("The saved filters file filters.json could not be read"), problem);
            assertTrue(problem.contains("renamed filters.json.unreadable-"), problem);
            try (var files = Files.list(file.getParent())) {
                assertEquals(1, files.filter(f -> f.getFileName().toString().startsWith("filters.json.unreadable-"))
                        .count());
            }
            broken.dismissProblem();
            assertEquals("", broken.problemProperty().get());
            again.stop();
        }
    }

    @Test
    void theSelectionGoesToTheBulkHandlerWhichAloneDecides() throws Exception {
        try (TestGateway gateway = TestGateway.start(dir)) {
            ConsoleModels models = models(gateway, new ArrayList<>());
            QueueViewModel queue = models.queue;
            List<QueueRow> lows = queue.rows().stream().filter(r -> r.summary().riskTier() == RiskTier.LOW
                    && r.summary().status() == ProposalStatus.PENDING).limit(2).toList();
            assertEquals(2, lows.size());
            queue.selectedRows().setAll(lows);
            assertFalse(queue.canApproveSelectionProperty().get(), "no handler: not offered");
            queue.requestBulkApproval(); // nothing happens

            List<List<QueueRow>> handed = new ArrayList<>();
            queue.setBulkApprovalHandler(handed::add);
            assertTrue(queue.canApproveSelectionProperty().get());
            queue.selectedRows().setAll(lows.subList(0, 1));
            assertFalse(queue.canApproveSelectionProperty().get(), "one row is reviewed on its own");
            queue.selectedRows().setAll(lows);
            queue.requestBulkApproval();
            assertEquals(List.of(lows), handed);
            for (QueueRow row : lows) {
                assertEquals(ProposalStatus.PENDING, gateway.client().proposal(row.id()).status(),
                        "handing over approves nothing");
            }
        }
    }

    private ConsoleModels models(TestGateway gateway, List<List<String>> heard) {
        ConsoleModels models = new ConsoleModels(gateway, dir.resolve("console"), "q@northwind.example");
        models.queue.addNewCriticalListener(rows -> heard.add(rows.stream().map(QueueRow::id).toList()));
        models.dialogs.answer(Answer.type("correct horse battery staple"));
        return models.connect();
    }

    private SavedFiltersViewModel saved(ConsoleModels models) {
        return new SavedFiltersViewModel(models.queue, new SavedFilterStore(dir.resolve("console")
                .resolve(SavedFilterStore.FILE), Clock.systemUTC()), models.runner, models.messages,
                new UserErrors(models.messages));
    }
}
