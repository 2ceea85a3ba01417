package dev.countersign.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
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
    void theDisplayNameComesFromTheOsUser() {
        assertEquals("Dana Reyes", AppComposition.displayName("dana.reyes", "Demo Reviewer"));
        assertEquals("Demo Reviewer", AppComposition.displayName("root", "Demo Reviewer"));
        assertEquals("Demo Reviewer", AppComposition.displayName("", "Demo Reviewer"));
    }
}
