package dev.countersign.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What About shows comes from the build: the version and time Maven filtered in, and the notices it generated. */
class BuildInfoTest {
    @Test
    void theBuildSaysItsVersionAndWhenItWasMade() {
        assertFalse(BuildInfo.version().equals("dev"), "filtered by Maven");
        assertEquals("countersign-console/" + BuildInfo.version(), BuildInfo.consoleVersion());
        assertTrue(BuildInfo.builtAt().orElseThrow().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"),
                BuildInfo.builtAt().toString());
        assertTrue(BuildInfo.runtime().startsWith(System.getProperty("java.version").split("[+-]")[0]),
                BuildInfo.runtime());
    }

    @Test
    void theNoticesListEveryShippedLibraryWithItsLicenceAndNothingElse() {
        String notices = BuildInfo.notices().orElseThrow();
        for (String shipped : new String[] {"org.openjfx:javafx-controls", "io.github.mkpaz:atlantafx-base",
                "org.apache.pdfbox:pdfbox", "com.h2database:h2", "org.bouncycastle:bcprov-jdk18on",
                "com.fasterxml.jackson.core:jackson-databind", "io.javalin:javalin"}) {
            assertTrue(notices.contains(shipped), shipped);
        }
        assertTrue(notices.contains("(Apache-2.0)") || notices.contains("Apache License"), "licences named");
        for (String notShipped : new String[] {"dev.countersign:", "junit", "testfx", "archunit", "mockwebserver"}) {
            assertFalse(notices.contains(notShipped), notShipped + " is not shipped");
        }
    }
}
