package dev.countersign.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every system's folders, worked out on whatever system runs the test (ADR 0013). */
class AppPathsTest {
    private static final String LINUX = "Linux";
    private static final String WINDOWS = "Windows 11";
    private static final String MAC = "Mac OS X";

    private static AppPaths resolve(String os, Map<String, String> env, String home) {
        return AppPaths.resolve(os, env, home, Optional.empty(), Map.of());
    }

    private static List<String> strings(AppPaths paths) {
        return List.of(paths.data().toString(), paths.cache().toString(), paths.logs().toString());
    }

    @Test
    void linuxFollowsTheXdgVariablesElseTheHomeFolder() {
        assertEquals(List.of("/home/a/.local/share/countersign", "/home/a/.cache/countersign",
                "/home/a/.local/state/countersign/logs"), strings(resolve(LINUX, Map.of(), "/home/a")));
        assertEquals(List.of("/x/data/countersign", "/x/cache/countersign", "/x/state/countersign/logs"),
                strings(resolve(LINUX, Map.of("XDG_DATA_HOME", "/x/data", "XDG_CACHE_HOME", "/x/cache",
                        "XDG_STATE_HOME", "/x/state"), "/home/a")));
        assertEquals(List.of("/home/a/.local/share/countersign", "/x/cache/countersign",
                "/home/a/.local/state/countersign/logs"), strings(resolve(LINUX, Map.of("XDG_CACHE_HOME", "/x/cache"),
                "/home/a")), "each variable on its own");
    }

    @Test
    void relativeOrBlankXdgValuesAreIgnoredAsTheSpecificationSays() {
        assertEquals(List.of("/home/a/.local/share/countersign", "/home/a/.cache/countersign",
                "/home/a/.local/state/countersign/logs"), strings(resolve(LINUX, Map.of("XDG_DATA_HOME", "data",
                "XDG_CACHE_HOME", "./cache", "XDG_STATE_HOME", " "), "/home/a")));
    }

    @Test
    void theXdgDefaultsAreUnderHomeAsTheEnvironmentSetsIt() {
        // Java's user.home comes from the password database; a session's $HOME (a sandbox, sudo -H) is what XDG means
        assertEquals(List.of("/sandbox/.local/share/countersign", "/sandbox/.cache/countersign",
                "/sandbox/.local/state/countersign/logs"), strings(resolve(LINUX, Map.of("HOME", "/sandbox"),
                "/home/a")));
        assertEquals("/home/a/.cache/countersign", resolve(LINUX, Map.of("HOME", "relative"), "/home/a").cache()
                .toString());
    }

    @Test
    void otherUnixSystemsUseTheXdgFoldersToo() {
        assertEquals("/home/a/.cache/countersign", resolve("FreeBSD", Map.of(), "/home/a").cache().toString());
        assertEquals("/home/a/.local/share/countersign", resolve("", Map.of(), "/home/a").data().toString());
    }

    @Test
    void windowsUsesRoamingForDataAndLocalForCacheAndLogs() {
        Map<String, String> env = Map.of("APPDATA", "C:\\Users\\a\\AppData\\Roaming",
                "LOCALAPPDATA", "C:\\Users\\a\\AppData\\Local");
        assertEquals(List.of("C:\\Users\\a\\AppData\\Roaming\\Countersign",
                "C:\\Users\\a\\AppData\\Local\\Countersign\\Cache", "C:\\Users\\a\\AppData\\Local\\Countersign\\Logs"),
                strings(resolve(WINDOWS, env, "C:\\Users\\a")));
        assertEquals(List.of("D:\\Roam\\Countersign", "\\\\srv\\home\\a\\Countersign\\Cache",
                "\\\\srv\\home\\a\\Countersign\\Logs"), strings(resolve(WINDOWS, Map.of("APPDATA", "D:\\Roam\\",
                "LOCALAPPDATA", "\\\\srv\\home\\a"), "C:\\Users\\a")), "a trailing separator is dropped");
    }

    @Test
    void windowsFallsBackToTheHomeFolderWhenTheVariablesAreUnsetOrRelative() {
        assertEquals(List.of("C:\\Users\\a\\AppData\\Roaming\\Countersign",
                "C:\\Users\\a\\AppData\\Local\\Countersign\\Cache", "C:\\Users\\a\\AppData\\Local\\Countersign\\Logs"),
                strings(resolve(WINDOWS, Map.of("APPDATA", "Roaming", "LOCALAPPDATA", ""), "C:\\Users\\a")));
        assertEquals("C:\\Users\\a\\AppData\\Roaming\\Countersign",
                resolve(WINDOWS, Map.of(), "C:\\Users\\a\\").data().toString());
    }

    @Test
    void macOsUsesTheLibraryFolders() {
        assertEquals(List.of("/Users/a/Library/Application Support/Countersign", "/Users/a/Library/Caches/Countersign",
                "/Users/a/Library/Logs/Countersign"), strings(resolve(MAC, Map.of("XDG_DATA_HOME", "/x"), "/Users/a")));
    }

    @Test
    void theDataDirFlagPutsEverythingUnderOneFolder() {
        AppPaths paths = AppPaths.resolve(LINUX, Map.of("XDG_CACHE_HOME", "/x/cache"), "/home/a",
                Optional.of("/portable/cs"), Map.of());
        assertEquals(AppPaths.under(Path.of("/portable/cs")), paths);
        assertEquals(List.of("/portable/cs", "/portable/cs/disposable-cache", "/portable/cs/logs"), strings(paths));
        assertEquals(Path.of("rel").toAbsolutePath(), AppPaths.resolve(LINUX, Map.of(), "/home/a",
                Optional.of("rel"), Map.of()).data(), "a relative folder is the user's: from the working folder");
    }

    @Test
    void theDataFolderSettingsMoveEverythingEachAtItsOwnLevel() {
        assertEquals(AppPaths.under(Path.of("/p")), AppPaths.resolve(WINDOWS, Map.of(), "C:\\Users\\a",
                Optional.empty(), Map.of(AppPaths.DATA_PROPERTY, "/p")));
        assertEquals(AppPaths.under(Path.of("/e")), AppPaths.resolve(MAC, Map.of(AppPaths.DATA_ENV, "/e"),
                "/Users/a", Optional.empty(), Map.of()));
    }

    @Test
    void theCommandLineBeatsPropertiesWhichBeatTheEnvironment() {
        Map<String, String> env = Map.of(AppPaths.DATA_ENV, "/e", AppPaths.CACHE_ENV, "/e-cache",
                AppPaths.LOG_ENV, "/e-logs");
        Map<String, String> properties = Map.of(AppPaths.DATA_PROPERTY, "/p", AppPaths.CACHE_PROPERTY, "/p-cache",
                AppPaths.LOG_PROPERTY, "/p-logs");
        assertEquals(AppPaths.under(Path.of("/c")),
                AppPaths.resolve(LINUX, env, "/home/a", Optional.of("/c"), properties), "--data-dir moves all");
        assertEquals(List.of("/p", "/p-cache", "/p-logs"),
                strings(AppPaths.resolve(LINUX, env, "/home/a", Optional.empty(), properties)));
        assertEquals(List.of("/e", "/e-cache", "/e-logs"),
                strings(AppPaths.resolve(LINUX, env, "/home/a", Optional.empty(), Map.of())));
    }

    @Test
    void aFolderOfItsOwnBeatsTheDataFolderAtTheSameLevelButNotAStrongerOne() {
        assertEquals(List.of("/p", "/p/disposable-cache", "/p-logs"), strings(AppPaths.resolve(LINUX, Map.of(),
                "/home/a", Optional.empty(), Map.of(AppPaths.DATA_PROPERTY, "/p", AppPaths.LOG_PROPERTY, "/p-logs"))));
        assertEquals(List.of("/p", "/p/disposable-cache", "/p/logs"), strings(AppPaths.resolve(LINUX,
                Map.of(AppPaths.LOG_ENV, "/e-logs"), "/home/a", Optional.empty(), Map.of(AppPaths.DATA_PROPERTY,
                        "/p"))), "the environment's log folder is weaker than the property's data folder");
        assertEquals(List.of("/home/a/.local/share/countersign", "/e-cache", "/p-logs"), strings(AppPaths.resolve(
                LINUX, Map.of(AppPaths.CACHE_ENV, "/e-cache"), "/home/a", Optional.empty(),
                Map.of(AppPaths.LOG_PROPERTY, "/p-logs"))), "the cache or the logs alone leave the rest");
    }

    @Test
    void blankSettingsCountAsUnset() {
        assertEquals(resolve(LINUX, Map.of(), "/home/a"), AppPaths.resolve(LINUX, Map.of(AppPaths.DATA_ENV, " ",
                AppPaths.CACHE_ENV, ""), "/home/a", Optional.empty(), Map.of(AppPaths.LOG_PROPERTY, "")));
    }

    @Test
    void aSettingThatIsNoFolderNameSaysWhichOneItIs() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AppPaths.resolve(LINUX,
                Map.of(AppPaths.CACHE_ENV, "/a\0b"), "/home/a", Optional.empty(), Map.of()));
        assertEquals("COUNTERSIGN_CACHE_DIR is not a folder name: /a\0b", e.getMessage());
    }

    @Test
    void anUnknownHomeFolderIsAnErrorOnlyWhenADefaultIsNeeded() {
        // a JVM whose user has no home entry reports user.home as "?": never write to "?/.local/share" in the
        // working folder
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> resolve(LINUX, Map.of(), "?"));
        assertEquals("the home folder is not known (user.home is \"?\"): name a data folder with --data-dir DIR or"
                + " COUNTERSIGN_DATA_DIR", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> resolve(WINDOWS, Map.of(), "Users\\a"));
        assertEquals(AppPaths.under(Path.of("/d")), AppPaths.resolve(LINUX, Map.of(), "?", Optional.of("/d"),
                Map.of()));
        assertEquals(List.of("/x/d/countersign", "/x/c/countersign", "/x/s/countersign/logs"), strings(resolve(LINUX,
                Map.of("XDG_DATA_HOME", "/x/d", "XDG_CACHE_HOME", "/x/c", "XDG_STATE_HOME", "/x/s"), "")));
    }

    @Test
    void oneFolderHoldingEverythingKeepsTheDatabaseFolderApartFromTheDisposableCache() {
        AppPaths paths = AppPaths.under(Path.of("/d"));
        assertEquals(Path.of("/d/disposable-cache"), paths.cache());
        // the console's databases (with their outbox) live in <data>/cache: deleting the cache must not touch them
        assertEquals(Path.of("/d/cache/embedded"), dev.countersign.app.cache.ConsoleCache.stem(paths.data(),
                Optional.empty()));
        assertFalse(dev.countersign.app.cache.ConsoleCache.stem(paths.data(), Optional.empty())
                .startsWith(paths.cache()));
    }
}
