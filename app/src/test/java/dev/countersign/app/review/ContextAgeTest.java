package dev.countersign.app.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.app.common.TimeTexts;
import dev.countersign.app.queue.QueueRow;
import dev.countersign.app.support.ConsoleModels;
import dev.countersign.app.support.FakeDialogService.Answer;
import dev.countersign.app.support.TestGateway;
import dev.countersign.model.ProposalStatus;
import dev.countersign.model.api.ProposalView;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each proposal says how old its context is; a stale one is flagged and can be refreshed on its own. */
class ContextAgeTest {
    @TempDir
    Path dir;

    @Test
    void theContextSaysHowOldItIsIsFlaggedWhenStaleAndCanBeRefreshedForThatProposalAlone() throws Exception {
        try (TestGateway gateway = TestGateway.start(dir)) {
            ConsoleModels models = new ConsoleModels(gateway, dir.resolve("console"), "age@northwind.example");
            models.dialogs.answer(Answer.type("correct horse battery staple"));
            models.connect();
            ReviewViewModel strict = new ReviewViewModel(models.queue, Clock.systemUTC(), Duration.ofMillis(1),
                    models.messages, new TimeTexts(models.messages, ZoneOffset.UTC), models.runner);
            QueueRow row = models.queue.rows().stream()
                    .filter(r -> r.summary().status() == ProposalStatus.PENDING).findFirst().orElseThrow();
            ProposalView before = models.view(row);
            models.queue.selectedProperty().set(row);

            assertFalse(models.review.contextStaleProperty().get(), "the demo's contexts were just taken");
            assertTrue(models.review.contextAgeProperty().get().startsWith("Context captured "),
                    models.review.contextAgeProperty().get());
            Thread.sleep(5);
            strict.retime();
            assertTrue(strict.contextStaleProperty().get());
            assertTrue(strict.contextAgeProperty().get().contains("older than 0 minutes; the platform facts may have"
                    + " changed."), strict.contextAgeProperty().get());

            java.util.Map<String, java.time.Instant> others = new java.util.HashMap<>();
            models.queue.rows().stream().filter(r -> r != row)
                    .forEach(r -> others.put(r.id(), models.view(r).context().capturedAt()));
            Thread.sleep(1100); // capturedAt has second precision at the gateway
            models.review.refreshContext();
            assertEquals("The gateway took the context again.", models.review.refreshMessageProperty().get());
            ProposalView after = models.review.shown();
            assertTrue(after.context().capturedAt().isAfter(before.context().capturedAt()),
                    before.context().capturedAt() + " → " + after.context().capturedAt());
            assertEquals(after, gateway.client().proposal(before.proposal().id()), "what the gateway now holds");
            assertEquals(after, models.view(row), "and the cache");
            others.forEach((id, captured) -> assertEquals(captured,
                    models.queue.view(id).orElseThrow().context().capturedAt(), "the others are untouched"));
            models.stop();
        }
    }
}
