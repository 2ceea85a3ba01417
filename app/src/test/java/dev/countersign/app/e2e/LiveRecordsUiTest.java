package dev.countersign.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.app.records.RecordRow;
import dev.countersign.app.records.RecordsViewModel;
import dev.countersign.app.support.ConsoleDriver;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console as composed for a reviewer: the Records tab shows the decisions its cache synced from the real
 * embedded gateway (the demo's automatic approvals), each verified against the gateway key the cache is bound to.
 */
class LiveRecordsUiTest {
    @TempDir
    Path dataDir;
    ConsoleDriver console;

    @AfterEach
    void stop() throws Exception {
        if (console != null) {
            console.stop();
        }
    }

    @Test
    void theRecordsTabShowsEverySyncedDecisionVerified() throws Exception {
        console = ConsoleDriver.start(dataDir, Duration.ofSeconds(30));
        console.createKey("correct horse battery staple");
        console.awaitQueue(14);
        RecordsViewModel records = console.app().composition().records();
        ConsoleDriver.await(Duration.ofSeconds(60), () -> !records.rows().isEmpty()
                && records.rows().stream().map(RecordRow::check).allMatch(c -> c != null && c.verified()));

        console.robot().clickOn("#tabRecords");
        TableView<?> table = console.awaitNode("#recordsTable", Duration.ofSeconds(10));
        ConsoleDriver.await(Duration.ofSeconds(10), () -> table.getItems().size() == records.rows().size());
        assertTrue(records.rows().stream().allMatch(r -> r.check().findings().isEmpty()),
                "no finding, not even an unpinned gateway key: the console pins the gateway its cache is bound to");
        assertEquals(0, records.totalFailedProperty().get());
    }
}
