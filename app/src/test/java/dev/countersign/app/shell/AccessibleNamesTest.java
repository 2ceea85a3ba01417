package dev.countersign.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.countersign.app.queue.QueueRow;
import dev.countersign.app.support.ConsoleDriver;
import dev.countersign.model.ActionType;
import dev.countersign.model.RiskTier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Spinner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Walks the real window, at the 1280×800 it opens at, with proposals of each kind open, and checks what a screen reader
 * and a reviewer would meet: every control a person operates has a name, and no text is a missing bundle key.
 */
class AccessibleNamesTest {
    static final String PASSPHRASE = "correct horse battery staple";

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
    void everyControlHasANameAndEveryTextComesFromTheBundle() throws Exception {
        console = ConsoleDriver.start(dataDir, Duration.ofSeconds(30));
        PasswordField passphrase = console.awaitNode("#newPassphrase", Duration.ofSeconds(30));
        assertEquals(List.of(), problems(passphrase.getScene().getRoot()), "first-run window");
        console.createKey(PASSPHRASE);
        console.awaitQueue(14);
        assertEquals(1280, console.stage().getScene().getWidth(), 1);
        assertEquals(800, console.stage().getScene().getHeight(), 1);

        List<QueueRow> rows = new ArrayList<>();
        console.row(ConsoleDriver.is(ActionType.ROTATE_CREDENTIAL, RiskTier.CRITICAL, "prod")).ifPresent(rows::add);
        console.row(v -> v.proposal().riskTier() == RiskTier.LOW).ifPresent(rows::add);
        console.row(v -> v.proposal().riskTier() == RiskTier.HIGH).ifPresent(rows::add);
        assertEquals(3, rows.size(), "the demo queue has a critical prod rotation, a low and a high proposal");
        for (QueueRow row : rows) {
            console.select(row);
            ConsoleDriver.await(Duration.ofSeconds(10), () -> console.showing("#decisionBar"));
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(List.of(), problems(console.stage().getScene().getRoot()), "with " + row.id() + " open");
        }
    }

    /** What is wrong with the showing controls under root, one line each; empty when all is well. */
    static List<String> problems(Parent root) throws ExecutionException, InterruptedException {
        return WaitForAsyncUtils.asyncFx(() -> {
            List<String> found = new ArrayList<>();
            walk(root, found);
            return found;
        }).get();
    }

    private static void walk(Node node, List<String> found) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null
                && labeled.getText().matches("(?s)!\\S+!")) {
            found.add(describe(node) + " shows a missing bundle key " + labeled.getText());
        }
        if (operable(node) && !named(node)) {
            found.add(describe(node) + " has no accessible name");
        }
        if (node instanceof Parent parent && !(node instanceof ComboBoxBase)) { // a combo box's list is its own part
            parent.getChildrenUnmodifiable().forEach(child -> walk(child, found));
        }
    }

    /** Controls a person operates, as opposed to the parts controls are built of (cells, skins, scroll bars). */
    private static boolean operable(Node node) {
        if (!(node instanceof Control) || node instanceof ScrollBar || node.getStyleClass().contains("cell")
                || node.getStyleClass().contains("table-cell") || node.getStyleClass().contains("list-cell")) {
            return false;
        }
        return node instanceof Button || node instanceof ToggleButton || node instanceof TextInputControl
                || node instanceof ComboBoxBase || node instanceof ChoiceBox || node instanceof Spinner
                || node instanceof ListView || node instanceof TableView
                || node instanceof javafx.scene.control.Hyperlink || node instanceof javafx.scene.control.CheckBox
                || node instanceof javafx.scene.control.MenuButton;
    }

    private static boolean named(Node node) {
        if (node.getAccessibleText() != null && !node.getAccessibleText().isBlank()) {
            return true;
        }
        // a button's own words are its name, unless it shows only an icon
        return node instanceof Labeled labeled && !(node instanceof TextInputControl)
                && labeled.getText() != null && !labeled.getText().isBlank();
    }

    private static String describe(Node node) {
        String id = node.getId() == null ? "" : "#" + node.getId();
        Node parent = node.getParent();
        while (id.isEmpty() && parent != null) {
            id = parent.getId() == null ? "" : "(in #" + parent.getId() + ")";
            parent = parent.getParent();
        }
        return node.getClass().getSimpleName() + id;
    }
}
