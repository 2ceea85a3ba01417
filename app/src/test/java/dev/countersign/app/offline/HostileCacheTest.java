package dev.countersign.app.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.app.cache.CacheDatabase;
import dev.countersign.app.cache.CacheRefusedException;
import dev.countersign.app.cache.ConsoleCache;
import dev.countersign.app.cache.InspectedCacheFile;
import dev.countersign.app.queue.QueueViewModel.SyncState;
import dev.countersign.app.support.ConsoleModels;
import dev.countersign.app.support.FakeDialogService.Answer;
import dev.countersign.app.support.TestGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cache file the console did not make (here: one given a trigger whose code would write a file) is refused before
 * H2 opens it, so its code never runs; the console says so, offers to move it aside, and then syncs a fresh one.
 */
class HostileCacheTest {
    private static final String PASSPHRASE = "correct horse battery staple";

    @TempDir
    Path dir;

    @Test
    void aCacheWithATriggerIsRefusedBeforeItsCodeRunsAndCanBeMovedAsideAndResynced() throws Exception {
        Path console = dir.resolve("console");
        Path marker = dir.resolve("trigger-ran");
        Path file = hostileCache(console, marker);
        try (TestGateway gateway = TestGateway.start(dir)) {
            ConsoleModels models = new ConsoleModels(gateway, console, "hostile@northwind.example");
            models.dialogs.confirmWith(true).answer(Answer.type(PASSPHRASE));
            models.connect();

            assertEquals(1, models.dialogs.confirms().size());
            String asked = models.dialogs.confirms().get(0);
            assertTrue(asked.startsWith("The console’s cache was refused: The console’s cache embedded.mv.db is not"
                    + " one this console created (it has a trigger"), asked);
            assertTrue(asked.contains("It was not opened, so nothing in it ran."), asked);
            assertFalse(Files.exists(marker), "the trigger's code never ran");
            List<Path> aside;
            try (Stream<Path> files = Files.list(file.getParent())) {
                aside = files.filter(p -> p.getFileName().toString().startsWith("embedded.mv.db.refused-")).toList();
            }
            assertEquals(1, aside.size(), "kept, renamed, for inspection");
            assertEquals(SyncState.SYNCED, models.queue.stateProperty().get(), models.queue.syncErrorProperty().get());
            assertTrue(models.queue.rows().size() >= 14, "a fresh cache, synced");
            models.stop();
        }
        assertFalse(Files.exists(marker));
    }

    @Test
    void declinedTheConsoleStaysDisconnectedAndTheFileIsLeftAsItWas() throws Exception {
        Path console = dir.resolve("console");
        Path file = hostileCache(console, dir.resolve("trigger-ran"));
        byte[] before = Files.readAllBytes(file);
        try (TestGateway gateway = TestGateway.start(dir)) {
            ConsoleModels models = new ConsoleModels(gateway, console, "hostile@northwind.example");
            models.connect();
            assertEquals(1, models.dialogs.confirms().size());
            assertEquals(1, models.dialogs.errors().size());
            assertTrue(models.dialogs.errors().get(0).startsWith("The console’s cache cannot be opened"),
                    models.dialogs.errors().get(0));
            assertTrue(models.queue.rows().isEmpty());
            assertEquals(SyncState.NOT_CONNECTED, models.queue.stateProperty().get());
        }
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(file)), "left untouched");
        assertFalse(Files.exists(dir.resolve("trigger-ran")));
    }

    @Test
    void aCacheTheConsoleMadePassesAfterUseAndReopening() throws Exception {
        Path stem = ConsoleCache.stem(dir, Optional.empty());
        for (int i = 0; i < 3; i++) {
            try (ConsoleCache cache = ConsoleCache.open(stem, InspectedCacheFile.check())) {
                cache.proposals().bindGateway("k" + i);
                cache.proposals().resetCursor();
            }
        }
    }

    @Test
    void aCacheMissingAConstraintTheConsoleMakesIsRefused() throws Exception {
        Path stem = ConsoleCache.stem(dir, Optional.empty());
        try (ConsoleCache cache = ConsoleCache.open(stem, InspectedCacheFile.check())) {
            cache.proposals().bindGateway("some-gateway");
        }
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + stem, "console", "");
                Statement s = c.createStatement()) {
            s.execute("DROP INDEX outbox_nonce"); // the index that keeps one nonce to one signed decision
        }
        CacheRefusedException refused = org.junit.jupiter.api.Assertions.assertThrows(CacheRefusedException.class,
                () -> ConsoleCache.open(stem, InspectedCacheFile.check()));
        assertTrue(refused.getMessage().contains("(it lacks an index \"OUTBOX_NONCE\""), refused.getMessage());
    }

    /** A genuine console cache, then given a trigger whose Java source writes {@code marker}. */
    private static Path hostileCache(Path console, Path marker) throws Exception {
        Path stem = ConsoleCache.stem(console, Optional.empty());
        try (ConsoleCache cache = ConsoleCache.open(stem, InspectedCacheFile.check())) {
            cache.proposals().bindGateway("some-gateway");
        }
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + stem, "console", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE TRIGGER cache_meta_spy BEFORE INSERT ON cache_meta AS $$org.h2.api.Trigger create() {"
                    + " try { java.nio.file.Files.writeString(java.nio.file.Path.of(\""
                    + marker.toString().replace("\\", "\\\\") + "\"), \"ran\"); } catch (Exception e) { }"
                    + " return new org.h2.api.Trigger() { public void fire(java.sql.Connection c, Object[] o,"
                    + " Object[] n) { } }; } $$");
        }
        Files.deleteIfExists(marker); // creating it ran the code once, here, on purpose; opening must not
        return CacheDatabase.mvFile(stem);
    }
}
