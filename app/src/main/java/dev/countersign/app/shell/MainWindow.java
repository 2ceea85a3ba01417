package dev.countersign.app.shell;

import dev.countersign.app.common.Messages;
import dev.countersign.app.queue.QueueView;
import dev.countersign.app.review.ReviewView;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Parent;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;

/** The main window's content: menus on top, queue on the left, review on the right, status bar at the bottom. */
public final class MainWindow {
    /** Where the queue ends, as a share of the window's width. */
    public static final double DIVIDER = 0.38;

    /** What the menus do; each runs on the UI thread. */
    public record Actions(Runnable showKeys, Runnable signIn, Runnable lockKey, Runnable signOut, Runnable quit) {}

    private final BorderPane root = new BorderPane();
    private final SplitPane split;

    public MainWindow(Messages messages, QueueView queue, ReviewView review, StatusBarView status, Actions actions,
            ObjectProperty<Theme> theme) {
        split = new SplitPane(queue, review);
        split.setDividerPositions(DIVIDER);
        split.getStyleClass().add("main-split");
        SplitPane.setResizableWithParent(queue, false);
        root.setTop(menus(messages, actions, theme));
        root.setCenter(split);
        root.setBottom(status);
        root.getStyleClass().add("main-window");
        root.setId("mainWindow");
    }

    private static MenuBar menus(Messages messages, Actions actions, ObjectProperty<Theme> theme) {
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
        MenuBar bar = new MenuBar(console, view(messages, theme), identity);
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
