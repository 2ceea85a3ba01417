package dev.countersign.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.model.ActionType;
import dev.countersign.model.RiskTier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saved filters survive a restart; a file that cannot be read is kept aside, said so, and nothing else breaks. */
class SavedFilterStoreTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T01:02:03Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final SavedFilter urgent = new SavedFilter("Urgent prod", List.of(RiskTier.CRITICAL),
            List.of(ActionType.REVOKE_KEY), List.of("prod"), List.of("spiffe://northwind/agent/ci-bot"), true, false,
            "db");

    @Test
    void noFileMeansNoFilters() throws Exception {
        SavedFilterStore.Loaded loaded = store().load();
        assertEquals(List.of(), loaded.filters());
        assertTrue(loaded.problem().isEmpty());
    }

    @Test
    void writesAtomicallyAndReadsBack() throws Exception {
        SavedFilter plain = new SavedFilter("Everything", List.of(), List.of(), List.of(), List.of(), false, true, "");
        store().save(List.of(urgent, plain));
        assertEquals(List.of(urgent, plain), store().load().filters(), "a new store over the same file: a restart");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(SavedFilterStore.FILE), files.map(p -> p.getFileName().toString()).toList(),
                    "no temporary file left behind");
        }
        String json = Files.readString(dir.resolve(SavedFilterStore.FILE));
        assertTrue(json.contains("\"tiers\":[\"critical\"]"), json);
        assertTrue(json.contains("\"version\":1"), json);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{not json",
        "",
        "[]",
        "{\"version\":1,\"filters\":[{\"name\":\"x\"}]}",
        "{\"version\":1,\"filters\":[{\"name\":\"x\",\"tiers\":[\"urgent\"],\"actions\":[],\"environments\":[],"
                + "\"agents\":[],\"expiringSoon\":false,\"showClosed\":true,\"text\":\"\"}]}",
        "{\"version\":1,\"filters\":[],\"extra\":true}",
        "{\"version\":2,\"filters\":[]}",
        "{\"version\":1,\"filters\":[{\"name\":\" \",\"tiers\":[],\"actions\":[],\"environments\":[],"
                + "\"agents\":[],\"expiringSoon\":false,\"showClosed\":true,\"text\":\"\"}]}",
        "{\"version\":1,\"filters\":[{\"name\":7,\"tiers\":[],\"actions\":[],\"environments\":[],"
                + "\"agents\":[],\"expiringSoon\":false,\"showClosed\":true,\"text\":\"\"}]}"
    })
    void anUnreadableFileIsMovedAsideNotLost(String content) throws Exception {
        Path file = dir.resolve(SavedFilterStore.FILE);
        Files.writeString(file, content);

        SavedFilterStore.Loaded loaded = store().load();

        assertEquals(List.of(), loaded.filters());
        assertTrue(loaded.problem().isPresent());
        Path aside = loaded.movedAside().orElseThrow();
        assertEquals("filters.json.unreadable-20261202-010203", aside.getFileName().toString());
        assertEquals(content, Files.readString(aside), "kept byte for byte");
        assertFalse(Files.exists(file));

        store().save(List.of(urgent)); // and saving works again
        assertEquals(List.of(urgent), store().load().filters());
        assertEquals(content, Files.readString(aside));
    }

    private SavedFilterStore store() {
        return new SavedFilterStore(dir.resolve(SavedFilterStore.FILE), CLOCK);
    }
}
