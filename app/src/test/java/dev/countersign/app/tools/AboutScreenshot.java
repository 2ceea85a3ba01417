package dev.countersign.app.tools;

import dev.countersign.app.shell.DisplayPreferences;
import dev.countersign.app.shell.Theme;
import dev.countersign.app.support.ConsoleDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.Node;
import javafx.scene.control.MenuBar;

/** Dev tool, not a test: Help → About in the real console, as PNG. Arguments: output folder, theme. */
public final class AboutScreenshot {
    private AboutScreenshot() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/images").toAbsolutePath();
        Theme theme = ScreenshotTour.theme(args, 1);
        Files.createDirectories(out);
        Path dataDir = Files.createTempDirectory("countersign-about");
        new DisplayPreferences(dataDir).remember(theme);
        ConsoleDriver console = ConsoleDriver.start(dataDir, Duration.ofSeconds(30));
        try {
            console.createKey(ScreenshotTour.PASSPHRASE);
            MenuBar bar = console.awaitNode("#menuBar", Duration.ofSeconds(10));
            console.robot().interact(() -> bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                    .filter(i -> "menuAbout".equals(i.getId())).findFirst().orElseThrow().fire());
            Node about = console.awaitNode("#aboutWindow", Duration.ofSeconds(10));
            Thread.sleep(500);
            ScreenshotTour.snapshot(about.getScene(), out.resolve("about" + ScreenshotTour.suffix(theme) + ".png"));
        } finally {
            console.stop();
        }
        System.exit(0);
    }
}
