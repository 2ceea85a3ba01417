package dev.countersign.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.app.settings.AppPaths;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppConfigTest {

    @Test
    void noGatewayMeansTheEmbeddedDemo() {
        AppConfig config = AppConfig.parse(List.of("--data-dir", "/tmp/cs-a"));
        assertTrue(config.gateway().isEmpty());
        assertEquals(Path.of("/tmp/cs-a"), config.dataDir());
    }

    @Test
    void teamModeTakesAGatewayUrlInEitherSpelling() {
        assertEquals(URI.create("http://127.0.0.1:8470/"),
                AppConfig.parse(List.of("--gateway", "http://127.0.0.1:8470/")).gateway().orElseThrow());
        assertEquals(URI.create("https://gw.example/"),
                AppConfig.parse(List.of("--gateway=https://gw.example/")).gateway().orElseThrow());
    }

    @Test
    void plainHttpToAnotherMachineIsRefusedUnlessAskedForInALab() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AppConfig.parse(List.of("--gateway", "http://10.0.0.5:8470/")));
        assertTrue(e.getMessage().startsWith("--gateway http://10.0.0.5:8470/ is plain http to another machine"),
                e.getMessage());
        assertEquals(URI.create("http://10.0.0.5:8470/"), AppConfig.parse(List.of("--gateway",
                "http://10.0.0.5:8470/", "--insecure-http")).gateway().orElseThrow());
        assertEquals(URI.create("http://[::1]:8470/"),
                AppConfig.parse(List.of("--gateway", "http://[::1]:8470/")).gateway().orElseThrow());
        assertThrows(IllegalArgumentException.class,
                () -> AppConfig.parse(List.of("--gateway", "http://127.attacker.example:8470/")),
                "a name that starts like a loopback address is not one");
        assertTrue(AppConfig.loopback("127.0.0.1") && AppConfig.loopback("LOCALHOST") && AppConfig.loopback("[::1]"));
    }

    @Test
    void badArgumentsSayWhatIsWrong() {
        assertEquals("--gateway needs an http(s) URL such as http://127.0.0.1:8470/",
                assertThrows(IllegalArgumentException.class,
                        () -> AppConfig.parse(List.of("--gateway", "ftp://x/"))).getMessage());
        assertEquals("--gateway needs a value",
                assertThrows(IllegalArgumentException.class, () -> AppConfig.parse(List.of("--gateway")))
                        .getMessage());
        assertEquals("unknown option --demo",
                assertThrows(IllegalArgumentException.class, () -> AppConfig.parse(List.of("--demo"))).getMessage());
    }

    @Test
    void aBundleNamedAloneOpensInAuditorMode() {
        AppConfig config = AppConfig.parse(List.of("--data-dir", "/tmp/cs-a", "evidence.csbundle"));
        assertTrue(config.auditor());
        assertEquals(Path.of("evidence.csbundle").toAbsolutePath(), config.bundle().orElseThrow());
        assertTrue(config.gateway().isEmpty());
        assertEquals(Path.of("/tmp/cs-a/b.csbundle"),
                AppConfig.parse(List.of("file:///tmp/cs-a/b.csbundle")).bundle().orElseThrow());
        assertTrue(AppConfig.parse(List.of("--data-dir", "/tmp/cs-a")).bundle().isEmpty());
        assertTrue(AppConfig.embedded(Path.of("/tmp/cs-a")).withBundle(Path.of("x.csbundle")).withPollPeriod(
                java.time.Duration.ofSeconds(1)).auditor(), "a copy keeps the bundle");
    }

    @Test
    void aBundleOpensAloneAndOneAtATime() {
        assertEquals("one evidence bundle at a time: a.csbundle and b.csbundle",
                assertThrows(IllegalArgumentException.class,
                        () -> AppConfig.parse(List.of("a.csbundle", "b.csbundle"))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AppConfig.parse(List.of("--gateway",
                "http://127.0.0.1:8470/", "a.csbundle"))).getMessage().startsWith(
                "an evidence bundle opens on its own, with no gateway"));
        assertTrue(AppConfig.USAGE.contains("countersign verify FILE.csbundle [--json] [--gateway-key PUBKEY.pem]"
                + " [--threads N]"), AppConfig.USAGE);
    }

    @Test
    void theDataDirFlagKeepsDataCacheAndLogsInOneFolderInEitherSpelling() {
        AppConfig config = AppConfig.parse(List.of("--data-dir", "/tmp/cs-a"));
        assertEquals(AppPaths.under(Path.of("/tmp/cs-a")), config.paths());
        assertEquals(Path.of("/tmp/cs-a/disposable-cache"), config.paths().cache());
        assertEquals(Path.of("/tmp/cs-a/logs"), config.paths().logs());
        assertEquals(Path.of("/tmp/cs-b"), AppConfig.parse(List.of("--data-dir=/tmp/cs-b")).dataDir());
        assertEquals("--data-dir needs a folder", assertThrows(IllegalArgumentException.class,
                () -> AppConfig.parse(List.of("--data-dir="))).getMessage());
        assertEquals("--data-dir is not a folder name: a\0b", assertThrows(IllegalArgumentException.class,
                () -> AppConfig.parse(List.of("--data-dir", "a\0b"))).getMessage());
        assertEquals(AppPaths.under(Path.of("/tmp/cs-c")), AppConfig.embedded(Path.of("/tmp/cs-c")).paths(),
                "tests keep everything in their temporary folder");
        assertTrue(AppConfig.USAGE.contains("COUNTERSIGN_DATA_DIR"), AppConfig.USAGE);
    }

    @Test
    void theDataDirFlagBeatsSystemPropertiesWhichBeatTheEnvironment() {
        Map<String, String> saved = new HashMap<>();
        for (String name : List.of(AppPaths.DATA_PROPERTY, AppPaths.LOG_PROPERTY)) {
            saved.put(name, System.getProperty(name));
        }
        try {
            System.setProperty(AppPaths.DATA_PROPERTY, "/tmp/cs-p");
            System.setProperty(AppPaths.LOG_PROPERTY, "/tmp/cs-p-logs");
            assertEquals(AppPaths.under(Path.of("/tmp/cs-a")),
                    AppConfig.parse(List.of("--data-dir", "/tmp/cs-a")).paths(), "the command line moves all");
            AppPaths fromProperties = AppConfig.parse(List.of()).paths();
            assertEquals(Path.of("/tmp/cs-p"), fromProperties.data());
            assertEquals(Path.of("/tmp/cs-p/disposable-cache"), fromProperties.cache());
            assertEquals(Path.of("/tmp/cs-p-logs"), fromProperties.logs());
        } finally {
            saved.forEach((name, value) -> {
                if (value == null) {
                    System.clearProperty(name);
                } else {
                    System.setProperty(name, value);
                }
            });
        }
    }

    @Test
    void javaFxExtractsItsLibrariesIntoTheCacheFolderUnlessTheUserSaidWhere() {
        String saved = System.getProperty(Launcher.JAVAFX_CACHE_PROPERTY);
        try {
            System.clearProperty(Launcher.JAVAFX_CACHE_PROPERTY);
            Launcher.useCacheFolderForJavaFx(AppPaths.under(Path.of("/tmp/cs-a")));
            assertEquals("/tmp/cs-a/disposable-cache/openjfx", System.getProperty(Launcher.JAVAFX_CACHE_PROPERTY));
            System.setProperty(Launcher.JAVAFX_CACHE_PROPERTY, "/elsewhere");
            Launcher.useCacheFolderForJavaFx(AppPaths.under(Path.of("/tmp/cs-a")));
            assertEquals("/elsewhere", System.getProperty(Launcher.JAVAFX_CACHE_PROPERTY));
        } finally {
            if (saved == null) {
                System.clearProperty(Launcher.JAVAFX_CACHE_PROPERTY);
            } else {
                System.setProperty(Launcher.JAVAFX_CACHE_PROPERTY, saved);
            }
        }
    }

    @Test
    void theDisplayNameComesFromTheOsUser() {
        assertEquals("Dana Reyes", AppComposition.displayName("dana.reyes", "Demo Reviewer"));
        assertEquals("Demo Reviewer", AppComposition.displayName("root", "Demo Reviewer"));
        assertEquals("Demo Reviewer", AppComposition.displayName("", "Demo Reviewer"));
    }
}
