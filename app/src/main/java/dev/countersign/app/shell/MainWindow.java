package dev.countersign.app.shell;

import dev.countersign.app.common.Messages;
import dev.countersign.app.queue.QueueView;
import dev.countersign.app.review.ReviewView;
import dev.countersign.model.bundle.BundleFormat;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;

/**
 * The main window's content: menus on top; three tabs — the queue with the review beside it, the decision records, the
 * oversight figures; the status bar at the bottom. An evidence bundle dropped on the window is opened.
 */
public final class MainWindow {
    /** Where the queue ends, as a share of the window's width. */
    public static final double DIVIDER = 0.38;

    /**
     * What the menus do; each runs on the UI thread.
     *
     * @param openBundle     File → Open evidence bundle… (asks for a file)
     * @param openBundleFile opens the evidence bundle dropped on the window
     */
    public record Actions(Runnable showKeys, Runnable signIn, Runnable lockKey, Runnable signOut, Runnable quit,
            Runnable openBundle, Consumer<Path> openBundleFile, Runnable showAbout) {}

    private final BorderPane root = new BorderPane();
    private final SplitPane split;
    private final TabPane tabs = new TabPane();

    /**
     * @param records   the records view, shown in the Records tab
     * @param oversight the oversight figures, shown in the Oversight tab
     */
    public MainWindow(Messages messages, QueueView queue, ReviewView review, StatusBarView status, Node records,
            Node oversight, Actions actions, ObjectProperty<Theme> theme) {
        split = new SplitPane(queue, review);
        split.setDividerPositions(DIVIDER);
        split.getStyleClass().add("main-split");
        SplitPane.setResizableWithParent(queue, false);
        tabs.getTabs().addAll(tab(messages, "tabQueue", "tab.queue", split),
                tab(messages, "tabRecords", "tab.records", records),
                tab(messages, "tabOversight", "tab.oversight", oversight));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("mainTabs");
        tabs.getStyleClass().add("main-tabs");
        tabs.setAccessibleText(messages.get("tab.a11y"));
        root.setTop(menus(messages, actions, theme, tabs));
        root.setCenter(tabs);
        root.setBottom(status);
        root.getStyleClass().add("main-window");
        root.setId("mainWindow");
        acceptDroppedBundles(actions.openBundleFile());
    }

    private static Tab tab(Messages messages, String id, String key, Node content) {
        Tab tab = new Tab(messages.get(key), content);
        tab.setId(id);
        tab.setClosable(false);
        tab.setTooltip(new javafx.scene.control.Tooltip(messages.get(key + ".tip")));
        return tab;
    }

    /** One dropped file that ends in .csbundle is opened; several files, folders or anything else are not taken. */
    private void acceptDroppedBundles(Consumer<Path> open) {
        root.setOnDragOver(e -> {
            if (bundle(e.getDragboard()) != null) {
                e.acceptTransferModes(TransferMode.COPY);
                root.pseudoClassStateChanged(DROP, true);
            }
            e.consume();
        });
        root.setOnDragExited(e -> root.pseudoClassStateChanged(DROP, false));
        root.setOnDragDropped((DragEvent e) -> {
            File file = bundle(e.getDragboard());
            root.pseudoClassStateChanged(DROP, false);
            e.setDropCompleted(file != null);
            e.consume();
            if (file != null) {
                open.accept(file.toPath());
            }
        });
    }

    private static final javafx.css.PseudoClass DROP = javafx.css.PseudoClass.getPseudoClass("bundle-drop");

    /** The one bundle file on the board, or null. */
    private static File bundle(Dragboard board) {
        return board.hasFiles() ? bundle(board.getFiles()) : null;
    }

    /** The dropped file if it is exactly one regular file named *.csbundle (any case); null otherwise. */
    static File bundle(List<File> files) {
        if (files == null || files.size() != 1) {
            return null;
        }
        File file = files.get(0);
        return file.isFile() && file.getName().toLowerCase(Locale.ROOT).endsWith(BundleFormat.EXTENSION) ? file
                : null;
    }

    /** Shows the tab with this id ("tabQueue", "tabRecords", "tabOversight"). */
    public void select(String tabId) {
        tabs.getTabs().stream().filter(t -> tabId.equals(t.getId())).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    public TabPane tabs() {
        return tabs;
    }

    private static MenuBar menus(Messages messages, Actions actions, ObjectProperty<Theme> theme, TabPane tabs) {
        Menu file = new Menu(messages.get("menu.file"));
        file.setId("menuFile");
        MenuItem open = item(messages.get("menu.openBundle"), "menuOpenBundle", actions.openBundle());
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        file.getItems().add(open);

        Menu console = new Menu(messages.get("menu.console"));
        console.setId("menuConsole");
        MenuItem quit = item(messages.get("menu.quit"), "menuQuit", actions.quit());
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        console.getItems().add(quit);

        Menu identity = new Menu(messages.get("menu.identity"));
        identity.setId("menuIdentity");
        MenuItem keys = item(messages.get("menu.keys"), "menuKeys", actions.showKeys());
        keys.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+K"));
        MenuItem lock = item(messages.get("menu.lockKey"), "menuLockKey", actions.lockKey());
        lock.setAccelerator(KeyCombination.keyCombination("Shortcut+L"));
        identity.getItems().addAll(keys, new SeparatorMenuItem(),
                item(messages.get("menu.signIn"), "menuSignIn", actions.signIn()), lock,
                item(messages.get("menu.signOut"), "menuSignOut", actions.signOut()));
        Menu view = view(messages, theme);
        view.getItems().add(0, new SeparatorMenuItem());
        String[][] shown = {{"menuShowQueue", "menu.show.queue"}, {"menuShowRecords", "menu.show.records"},
                {"menuShowOversight", "menu.show.oversight"}};
        for (int i = shown.length - 1; i >= 0; i--) {
            int index = i;
            MenuItem show = item(messages.get(shown[i][1]), shown[i][0],
                    () -> tabs.getSelectionModel().select(index));
            show.setAccelerator(KeyCombination.keyCombination("Shortcut+" + (i + 1)));
            view.getItems().add(0, show);
        }
        Menu help = new Menu(messages.get("menu.help"));
        help.setId("menuHelp");
        help.getItems().add(item(messages.get("menu.about"), "menuAbout", actions.showAbout()));
        MenuBar bar = new MenuBar(file, console, view, identity, help);
        bar.setId("menuBar");
        return bar;
    }

    /** View → Light / Dark: the theme follows the choice, and the choice follows the theme. */
    private static Menu view(Messages messages, ObjectProperty<Theme> theme) {
        Menu view = new Menu(messages.get("menu.view"));
        view.setId("menuView");
        ToggleGroup themes = new ToggleGroup();
        for (Theme t : Theme.values()) {
            String name = t.json();
            RadioMenuItem item = new RadioMenuItem(messages.get("menu.theme." + name));
            item.setId("menuTheme" + Character.toUpperCase(name.charAt(0)) + name.substring(1));
            item.setToggleGroup(themes);
            item.setUserData(t);
            item.setSelected(theme.get() == t);
            item.setOnAction(e -> theme.set(t));
            view.getItems().add(item);
        }
        theme.addListener((obs, old, latest) -> themes.getToggles().forEach(
                toggle -> toggle.setSelected(toggle.getUserData() == latest)));
        MenuItem toggle = item(messages.get("menu.theme.toggle"), "menuThemeToggle",
                () -> theme.set(theme.get() == Theme.DARK ? Theme.LIGHT : Theme.DARK));
        toggle.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+T"));
        view.getItems().addAll(new SeparatorMenuItem(), toggle);
        return view;
    }

    private static MenuItem item(String text, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }

    public Parent root() {
        return root;
    }
}
