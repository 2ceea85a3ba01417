package dev.countersign.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.model.bundle.BundleFormat;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The installers' recipes (installers/) name the evidence bundle's type and the runtime's modules as text: they must
 * say what the code says, on every OS, or a double-clicked bundle would open nothing.
 */
class InstallerRecipesTest {
    private static final Path INSTALLERS = Path.of("..", "installers");
    private static final String DEFAULT_HANDLER = BundleFormat.MEDIA_TYPE + "=countersign-Countersign.desktop";

    @Test
    void everyOsAssociatesTheBundlesExtensionAndMediaType() throws IOException {
        for (String os : List.of("linux", "windows", "macos")) {
            Properties association = new Properties();
            try (Reader in = Files.newBufferedReader(INSTALLERS.resolve(os).resolve("bundle.properties"))) {
                association.load(in);
            }
            assertEquals(BundleFormat.EXTENSION.substring(1), association.getProperty("extension"), os);
            assertEquals(BundleFormat.MEDIA_TYPE, association.getProperty("mime-type"), os);
            assertTrue(association.getProperty("icon").contains("countersign-bundle"), os);
        }
    }

    @Test
    void theLinuxScriptsTakeBackTheDefaultHandlerOfThatMediaType() throws IOException {
        for (String script : List.of("prerm", "countersign.spec")) {
            String text = Files.readString(INSTALLERS.resolve("linux/resources").resolve(script));
            assertTrue(text.contains("bundle_default=\"" + DEFAULT_HANDLER + "\""), script);
        }
        String smokeTest = Files.readString(INSTALLERS.resolve("linux/install-test.sh"));
        assertTrue(smokeTest.contains("mime=" + BundleFormat.MEDIA_TYPE), "install-test.sh");
    }

    @Test
    void theMenuEntryPassesTheOpenedFileToTheConsole() throws IOException {
        String entry = Files.readString(INSTALLERS.resolve("linux/resources/Countersign.desktop"));
        assertTrue(entry.lines().anyMatch("Exec=APPLICATION_LAUNCHER %f"::equals), entry);
        // JavaFX names a window's WM_CLASS after the Application class: the dock matches windows to the entry by it
        assertTrue(entry.lines().anyMatch(("StartupWMClass=" + CountersignApp.class.getName())::equals), entry);
    }

    @Test
    void theRuntimeLinksTheCryptoProvidersAndStartsTheLauncher() throws IOException {
        String recipe = Files.readString(INSTALLERS.resolve("jpackage/app-image.args"));
        String modules = recipe.lines().filter(line -> line.startsWith("--add-modules ")).findFirst().orElseThrow();
        List<String> linked = List.of(modules.substring("--add-modules ".length()).split(","));
        for (String needed : List.of("jdk.crypto.ec", "jdk.crypto.cryptoki", "java.sql", "java.naming",
                "java.desktop", "javafx.controls")) {
            assertTrue(linked.contains(needed), needed + " is not linked: " + modules);
        }
        assertTrue(recipe.contains("--main-class " + Launcher.class.getName()), recipe);
        assertTrue(recipe.contains("--add-exports=jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED"),
                "the token listing needs the PKCS#11 wrapper exported (ADR 0005)");
    }
}
