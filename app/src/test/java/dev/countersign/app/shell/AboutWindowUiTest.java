package dev.countersign.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.app.AppComposition;
import dev.countersign.app.common.Messages;
import dev.countersign.app.settings.AppPaths;
import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** Help → About names the three folders the console writes to (ADR 0013), so a user can find them. */
class AboutWindowUiTest {
    private final FxRobot robot = new FxRobot();

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void showsTheDataCacheAndLogFolders() throws Exception {
        FxToolkit.registerPrimaryStage();
        AppPaths paths = new AppPaths(Path.of("/home/a/.local/share/countersign"),
                Path.of("/home/a/.cache/countersign"), Path.of("/home/a/.local/state/countersign/logs"));
        AboutWindow about = new AboutWindow(Messages.load(Locale.ENGLISH),
                AppComposition.class.getResource("app.css").toExternalForm(), paths);
        robot.interact(() -> about.show(null));

        assertEquals("/home/a/.local/share/countersign", text("#aboutDataDir"));
        assertEquals("/home/a/.cache/countersign", text("#aboutCacheDir"));
        assertEquals("/home/a/.local/state/countersign/logs", text("#aboutLogDir"));
        assertEquals("Cache folder (safe to delete): /home/a/.cache/countersign",
                robot.lookup("#aboutCacheDir").queryAs(Label.class).getAccessibleText());
        assertTrue(robot.lookup("Log folder").tryQuery().isPresent());
    }

    private String text(String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
