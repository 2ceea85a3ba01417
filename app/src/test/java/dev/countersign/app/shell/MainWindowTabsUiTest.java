package dev.countersign.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.countersign.app.support.ConsoleDriver;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real console's window: Queue, Records and Oversight tabs by click and Ctrl+1/2/3, and File → Open bundle. */
class MainWindowTabsUiTest {
    @TempDir
    Path dataDir;
    ConsoleDriver console;

    @AfterEach
    void stop() throws Exception {
        if (console != null) {
            console.stop();
        }
    }

    @Test
    void theTabsSwitchByClickAndByKeysAndTheMenusKeepTheirKeys() throws Exception {
        console = ConsoleDriver.start(dataDir, Duration.ofSeconds(30));
        console.createKey(ThemeSwitchTest.PASSPHRASE);
        TabPane tabs = console.awaitNode("#mainTabs", Duration.ofSeconds(10));
        assertEquals(List.of("tabQueue", "tabRecords", "tabOversight"),
                tabs.getTabs().stream().map(t -> t.getId()).toList());
        assertEquals(List.of("Queue", "Records", "Oversight"), tabs.getTabs().stream().map(t -> t.getText()).toList());
        assertEquals("tabQueue", selected(tabs));
        ConsoleDriver.await(Duration.ofSeconds(10), () -> console.showing("#queueTable"));

        console.robot().clickOn("#tabRecords");
        assertEquals("tabRecords", selected(tabs));
        console.robot().press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        assertEquals("tabOversight", selected(tabs));
        console.robot().press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        assertEquals("tabRecords", selected(tabs));
        console.robot().press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        assertEquals("tabQueue", selected(tabs));
        ConsoleDriver.await(Duration.ofSeconds(10), () -> console.showing("#queueTable"));

        MenuBar bar = console.awaitNode("#menuBar", Duration.ofSeconds(5));
        assertEquals(List.of("menuFile", "menuConsole", "menuView", "menuIdentity", "menuHelp"),
                bar.getMenus().stream().map(m -> m.getId()).toList());
        assertEquals(KeyCombination.keyCombination("Shortcut+O"), item(bar, "menuOpenBundle").getAccelerator());
        assertEquals("Open evidence bundle…", item(bar, "menuOpenBundle").getText());
        assertEquals(KeyCombination.keyCombination("Shortcut+Q"), item(bar, "menuQuit").getAccelerator());
        assertEquals(KeyCombination.keyCombination("Shortcut+Shift+K"), item(bar, "menuKeys").getAccelerator());
        assertEquals(KeyCombination.keyCombination("Shortcut+L"), item(bar, "menuLockKey").getAccelerator());
        assertEquals(KeyCombination.keyCombination("Shortcut+Shift+T"),
                item(bar, "menuThemeToggle").getAccelerator());
        assertEquals(KeyCombination.keyCombination("Shortcut+2"), item(bar, "menuShowRecords").getAccelerator());

        // Help → About: the build, the runtime and the notices
        console.robot().interact(() -> item(bar, "menuAbout").fire());
        javafx.scene.control.Label version = console.awaitNode("#aboutVersion", Duration.ofSeconds(10));
        assertEquals(dev.countersign.app.BuildInfo.version(), version.getText());
        javafx.scene.control.Label data = console.awaitNode("#aboutDataDir", Duration.ofSeconds(5));
        assertEquals(dataDir.toAbsolutePath().toString(), data.getText());
        javafx.scene.control.TextArea notices = console.awaitNode("#aboutNotices", Duration.ofSeconds(5));
        org.junit.jupiter.api.Assertions.assertTrue(notices.getText().contains("org.openjfx:javafx-controls"));
    }

    @Test
    void onlyOneDroppedCsbundleFileIsTaken() throws Exception {
        File bundle = Files.writeString(dataDir.resolve("audit.csbundle"), "x").toFile();
        File upper = Files.writeString(dataDir.resolve("AUDIT2.CSBUNDLE"), "x").toFile();
        File other = Files.writeString(dataDir.resolve("notes.txt"), "x").toFile();
        File folder = Files.createDirectories(dataDir.resolve("folder.csbundle")).toFile();
        assertEquals(bundle, MainWindow.bundle(List.of(bundle)));
        assertEquals(upper, MainWindow.bundle(List.of(upper)));
        assertNull(MainWindow.bundle(List.of(bundle, upper)), "two files: neither");
        assertNull(MainWindow.bundle(List.of(other)));
        assertNull(MainWindow.bundle(List.of(folder)), "a folder is not a bundle");
        assertNull(MainWindow.bundle(List.of()));
        assertNull(MainWindow.bundle(List.of(dataDir.resolve("gone.csbundle").toFile())));
    }

    private static String selected(TabPane tabs) {
        return tabs.getSelectionModel().getSelectedItem().getId();
    }

    private static MenuItem item(MenuBar bar, String id) {
        MenuItem found = bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> id.equals(i.getId())).findFirst().orElse(null);
        assertNotNull(found, id);
        return found;
    }
}
