package dev.countersign.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.app.common.Messages;
import dev.countersign.app.common.UserErrors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
    @TempDir
    Path dir;

    @Test
    void savesAndLoadsAndIgnoresFieldsFromANewerConsole() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("nested/settings.json"));
        assertTrue(store.load().isEmpty());
        ReviewerSettings ana = new ReviewerSettings("ana@northwind.example", "Ana", List.of("sre"));
        store.save(ana);
        assertEquals(ana, store.load().orElseThrow());

        Files.writeString(store.file(), "{\"reviewer\":\"ana@northwind.example\",\"displayName\":\"Ana\","
                + "\"roles\":[\"sre\"],\"theme\":\"dark\"}");
        assertEquals(ana, store.load().orElseThrow());
    }

    @Test
    void aBrokenFileIsReportedWithItsPathAndLeftAlone() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        Files.writeString(store.file(), "{not json");
        SettingsException e = assertThrows(SettingsException.class, store::load);
        assertEquals("The settings file " + store.file() + " is not valid JSON; fix or remove it.",
                new UserErrors(Messages.load(Locale.ENGLISH)).message(e));
        assertEquals("{not json", Files.readString(store.file()));
    }
}
