package dev.countersign.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.countersign.app.AppComposition;
import dev.countersign.app.support.ConsoleDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.application.Application;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** View → Dark theme restyles the console at once and is remembered for the next start. */
class ThemeSwitchTest {
    static final String PASSPHRASE = "correct horse battery staple";

    @TempDir
    Path dataDir;
    ConsoleDriver console;

    @AfterEach
    void stop() throws Exception {
        if (console != null) {
            console.stop();
        }
        // the theme is the application's user-agent stylesheet: leave the next test the default look
        FxToolkit.setupFixture(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    }

    @Test
    void theViewMenuSwitchesToDarkAndTheNextStartRemembersIt() throws Exception {
        console = ConsoleDriver.start(dataDir, Duration.ofSeconds(30));
        assertEquals(new PrimerLight().getUserAgentStylesheet(), Application.getUserAgentStylesheet());
        console.createKey(PASSPHRASE);
        assertTrue(Files.exists(dataDir.resolve(AppComposition.KEY_FILE)));

        console.robot().clickOn("View").clickOn("Dark theme");
        ConsoleDriver.await(Duration.ofSeconds(10), () -> Files.isRegularFile(dataDir.resolve(DisplayPreferences.FILE)));
        assertEquals(new PrimerDark().getUserAgentStylesheet(), Application.getUserAgentStylesheet());
        assertEquals(Theme.DARK, console.app().composition().theme().get());
        assertTrue(Files.readString(dataDir.resolve(DisplayPreferences.FILE)).contains("\"dark\""));
        console.stop();

        console = ConsoleDriver.start(dataDir, Duration.ofSeconds(30));
        ConsoleDriver.await(Duration.ofSeconds(10), () -> console.app().composition() != null);
        assertEquals(Theme.DARK, console.app().composition().theme().get());
        assertEquals(new PrimerDark().getUserAgentStylesheet(), Application.getUserAgentStylesheet());
    }

    @Test
    void anUnreadablePreferenceMeansTheLightThemeAndIsLeftForThePersonToFix() throws Exception {
        Files.writeString(dataDir.resolve(DisplayPreferences.FILE), "{\"theme\": ");
        assertEquals(Theme.LIGHT, new DisplayPreferences(dataDir).theme());
        Files.writeString(dataDir.resolve(DisplayPreferences.FILE), "{\"theme\": \"solarized\"}");
        assertEquals(Theme.LIGHT, new DisplayPreferences(dataDir).theme());
        assertEquals("{\"theme\": \"solarized\"}", Files.readString(dataDir.resolve(DisplayPreferences.FILE)));
        assertFalse(Files.exists(dataDir.resolve("missing").resolve(DisplayPreferences.FILE)));
        assertEquals(Theme.LIGHT, new DisplayPreferences(dataDir.resolve("missing")).theme());
    }
}
