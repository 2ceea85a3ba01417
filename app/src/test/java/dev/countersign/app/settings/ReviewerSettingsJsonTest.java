package dev.countersign.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key source and unlock period in settings.json: written plainly, read back, and absent in older files. */
class ReviewerSettingsJsonTest {
    @TempDir
    Path dir;

    @Test
    void aTokenSourceAndPeriodRoundTrip() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        ReviewerSettings who = new ReviewerSettings("dana@northwind.example", "Dana", List.of("sre"),
                KeySource.token("/usr/lib/softhsm/libsofthsm2.so", "piv", "00a1", 42L, "countersign-reviewer",
                        "MFkw"), UnlockPeriod.FIFTEEN_MINUTES);
        store.save(who);
        assertEquals(who, store.load().orElseThrow());
        String json = Files.readString(dir.resolve("settings.json"));
        assertTrue(json.contains("\"kind\" : \"pkcs11\""), json);
        assertTrue(json.contains("\"unlockPeriod\" : \"15m\""), json);
    }

    @Test
    void aFileFromAnOlderConsoleReadsAsASoftwareKeyUnlockedOnlyToSign() throws Exception {
        Files.writeString(dir.resolve("settings.json"),
                "{\"reviewer\":\"old@northwind.example\",\"displayName\":\"Old\",\"roles\":[\"sre\"]}");
        ReviewerSettings who = new SettingsStore(dir.resolve("settings.json")).load().orElseThrow();
        assertFalse(who.keySource().isToken());
        assertEquals(UnlockPeriod.ONLY_TO_SIGN, who.unlockPeriod());
        assertEquals(new ReviewerSettings("old@northwind.example", "Old", List.of("sre")), who);
    }
}
