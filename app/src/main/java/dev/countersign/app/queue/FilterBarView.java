package dev.countersign.app.queue;

import atlantafx.base.theme.Styles;
import dev.countersign.app.common.Messages;
import dev.countersign.app.common.UntrustedText;
import dev.countersign.app.settings.SavedFilter;
import dev.countersign.model.ActionType;
import dev.countersign.model.RiskTier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/**
 * The compact bar above the queue: tier, action, environment and agent choices, "expiring soon", decided and expired
 * rows shown or not, clearing the filter, saved filters, and — when rows are selected for it — "Approve selection…".
 */
final class FilterBarView extends VBox {
    private static final String ACTIVE = "filter-active";

    private final QueueViewModel vm;
    private final Messages messages;
    private final QueueTexts texts;
    private final MenuButton tiers = new MenuButton();
    private final MenuButton actions = new MenuButton();
    private final MenuButton environments = new MenuButton();
    private final MenuButton agents = new MenuButton();
    private final ToggleButton expiringSoon = new ToggleButton();
    private final ToggleButton openOnly = new ToggleButton();

    FilterBarView(QueueViewModel vm, Messages messages, SavedFiltersViewModel saved, Region search) {
        this.vm = vm;
        this.messages = messages;
        this.texts = vm.texts();
        getStyleClass().add("queue-filter-bar");
        setSpacing(4);

        menu(tiers, "filterTier", "queue.filter.tier");
        menu(actions, "filterAction", "queue.filter.action");
        menu(environments, "filterEnvironment", "queue.filter.environment");
        menu(agents, "filterAgent", "queue.filter.agent");

        expiringSoon.setId("filterExpiringSoon");
        expiringSoon.setText(messages.get("queue.filter.expiringSoon"));
        expiringSoon.setGraphic(new FontIcon(MaterialDesignT.TIMER_SAND));
        long minutes = QueueFilter.EXPIRING_SOON.toMinutes();
        expiringSoon.setTooltip(new Tooltip(messages.format("queue.filter.expiringSoon.tip", minutes)));
        expiringSoon.setAccessibleText(messages.format("queue.filter.expiringSoon.a11y", minutes));
        expiringSoon.setOnAction(e -> update(f -> f.withExpiringSoon(expiringSoon.isSelected())));
        small(expiringSoon);

        openOnly.setId("filterOpenOnly");
        openOnly.setText(messages.get("queue.filter.openOnly"));
        openOnly.setGraphic(new FontIcon(MaterialDesignE.EYE_OFF_OUTLINE));
        openOnly.setTooltip(new Tooltip(messages.get("queue.filter.openOnly.tip")));
        openOnly.setAccessibleText(messages.get("queue.filter.openOnly.tip"));
        openOnly.setOnAction(e -> update(f -> f.withShowClosed(!openOnly.isSelected())));
        small(openOnly);

        Button clear = new Button(null, new FontIcon(MaterialDesignF.FILTER_REMOVE_OUTLINE));
        clear.setId("clearFilters");
        clear.setTooltip(new Tooltip(messages.get("queue.filter.clear")));
        clear.setAccessibleText(messages.get("queue.filter.clear"));
        clear.setOnAction(e -> vm.queueFilterProperty().set(QueueFilter.ALL));
        small(clear);
        clear.getStyleClass().add(Styles.BUTTON_ICON);

        FlowPane choices = new FlowPane(4, 4, tiers, actions, environments, agents);
        choices.setAlignment(Pos.CENTER_LEFT);
        choices.setMinWidth(0);
        choices.setPrefWrapLength(300);
        HBox.setHgrow(choices, Priority.ALWAYS);
        HBox row = new HBox(4, choices, clear);
        row.setAlignment(Pos.TOP_LEFT);
        if (saved != null) {
            row.getChildren().add(savedMenu(saved));
        }
        clear.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.queueFilterProperty().get().narrows(), vm.queueFilterProperty()));

        HBox.setHgrow(search, Priority.ALWAYS);
        search.setMinWidth(120);
        HBox searchRow = new HBox(4, search, expiringSoon, openOnly);
        searchRow.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(row, searchRow, selectionBar());
        if (saved != null) {
            getChildren().add(problem(saved));
        }

        vm.choices().tierCountsProperty().addListener((obs, old, counts) -> rebuildTiers());
        // the menus name agents by their whole id (two agents may share the last segment the rows show), and
        // environments and ids as their bytes say
        vm.choices().environments().addListener((ListChangeListener<String>) c -> rebuild(environments,
                vm.choices().environments(), FilterBarView::revealed, QueueFilter::environments,
                QueueFilter::withEnvironments));
        vm.choices().agents().addListener((ListChangeListener<String>) c -> rebuild(agents, vm.choices().agents(),
                FilterBarView::revealed, QueueFilter::agents, QueueFilter::withAgents));
        vm.queueFilterProperty().addListener((obs, old, f) -> showFilter());
        rebuildTiers();
        rebuild(actions, List.of(ActionType.values()), texts::action, QueueFilter::actions, QueueFilter::withActions);
        rebuild(environments, vm.choices().environments(), FilterBarView::revealed, QueueFilter::environments,
                QueueFilter::withEnvironments);
        rebuild(agents, vm.choices().agents(), FilterBarView::revealed, QueueFilter::agents, QueueFilter::withAgents);
        showFilter();
    }

    private void menu(MenuButton button, String id, String key) {
        button.setId(id);
        button.setUserData(key);
        button.setText(messages.get(key));
        button.setAccessibleText(messages.get(key + ".a11y"));
        small(button);
    }

    private static void small(javafx.scene.control.Control control) {
        control.getStyleClass().add(Styles.SMALL);
        control.setMinWidth(Region.USE_PREF_SIZE);
        control.setFocusTraversable(true);
    }

    private void rebuildTiers() {
        Map<RiskTier, Integer> counts = vm.choices().tierCountsProperty().get();
        List<RiskTier> riskiestFirst = new ArrayList<>(List.of(RiskTier.values()));
        java.util.Collections.reverse(riskiestFirst);
        rebuild(tiers, riskiestFirst, t -> messages.format("queue.filter.tierCount", texts.tier(t),
                counts.getOrDefault(t, 0)), QueueFilter::tiers, QueueFilter::withTiers);
    }

    /** Makes one check item per choice; checking one narrows the queue's filter to the checked ones. */
    private <T> void rebuild(MenuButton button, Collection<T> values, Function<T, String> label,
            Function<QueueFilter, Set<T>> chosen, BiFunction<QueueFilter, List<T>, QueueFilter> with) {
        List<MenuItem> items = new ArrayList<>();
        Set<T> current = chosen.apply(vm.queueFilterProperty().get());
        for (T value : values) {
            CheckMenuItem item = new CheckMenuItem(label.apply(value));
            item.setMnemonicParsing(false); // an underscore in a name is a letter, not a mnemonic
            item.setUserData(value);
            item.setSelected(current.contains(value));
            item.setId(button.getId() + "-" + value.toString().replaceAll("[^A-Za-z0-9_-]", "_"));
            item.setOnAction(e -> update(f -> with.apply(f, checked(button))));
            items.add(item);
        }
        button.getItems().setAll(items);
        showFilter();
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> checked(MenuButton button) {
        List<T> values = new ArrayList<>();
        for (MenuItem item : button.getItems()) {
            if (item instanceof CheckMenuItem check && check.isSelected()) {
                values.add((T) check.getUserData());
            }
        }
        return values;
    }

    private void update(Function<QueueFilter, QueueFilter> change) {
        vm.queueFilterProperty().set(change.apply(vm.queueFilterProperty().get()));
    }

    /** Shows the queue's filter in the controls: checks, "Tier · 2", the toggles. */
    private void showFilter() {
        QueueFilter f = vm.queueFilterProperty().get();
        mark(tiers, f.tiers());
        mark(actions, f.actions());
        mark(environments, f.environments());
        mark(agents, f.agents());
        expiringSoon.setSelected(f.expiringSoon());
        openOnly.setSelected(!f.showClosed());
    }

    private void mark(MenuButton button, Set<?> chosen) {
        for (MenuItem item : button.getItems()) {
            if (item instanceof CheckMenuItem check) {
                check.setSelected(chosen.contains(check.getUserData()));
            }
        }
        String title = messages.get((String) button.getUserData());
        button.setText(chosen.isEmpty() ? title : messages.format("queue.filter.chosen", title, chosen.size()));
        button.getStyleClass().remove(ACTIVE);
        if (!chosen.isEmpty()) {
            button.getStyleClass().add(ACTIVE);
        }
    }

    private MenuButton savedMenu(SavedFiltersViewModel saved) {
        MenuButton menu = new MenuButton(null, new FontIcon(MaterialDesignB.BOOKMARK_OUTLINE));
        menu.setId("savedFilters");
        menu.setAccessibleText(messages.get("queue.filter.saved.a11y"));
        menu.setTooltip(new Tooltip(messages.get("queue.filter.saved.a11y")));
        small(menu);
        Runnable fill = () -> {
            List<MenuItem> items = new ArrayList<>();
            Menu delete = new Menu(messages.get("queue.filter.saved.delete"));
            delete.setId("deleteFilter");
            int i = 0;
            for (SavedFilter filter : saved.filters()) {
                MenuItem apply = new MenuItem(filter.name());
                apply.setMnemonicParsing(false); // an underscore in a name is a letter, not a mnemonic
                apply.setId("savedFilter-" + i);
                apply.setOnAction(e -> saved.apply(filter));
                items.add(apply);
                MenuItem remove = new MenuItem(filter.name());
                remove.setMnemonicParsing(false); // an underscore in a name is a letter, not a mnemonic
                remove.setId("deleteFilter-" + i);
                remove.setOnAction(e -> saved.delete(filter));
                delete.getItems().add(remove);
                i++;
            }
            if (items.isEmpty()) {
                MenuItem none = new MenuItem(messages.get("queue.filter.saved.none"));
                none.setDisable(true);
                items.add(none);
            }
            items.add(new SeparatorMenuItem());
            MenuItem save = new MenuItem(messages.get("queue.filter.saved.save"));
            save.setId("saveFilter");
            save.setOnAction(e -> askName(saved).ifPresent(saved::saveCurrent));
            items.add(save);
            delete.setDisable(saved.filters().isEmpty());
            items.add(delete);
            menu.getItems().setAll(items);
        };
        saved.filters().addListener((ListChangeListener<SavedFilter>) c -> fill.run());
        fill.run();
        return menu;
    }

    private Optional<String> askName(SavedFiltersViewModel saved) {
        TextInputDialog dialog = new TextInputDialog();
        dialog.setTitle(messages.get("queue.filter.saved.save.title"));
        dialog.setHeaderText(messages.get("queue.filter.saved.save.header"));
        dialog.setContentText(messages.get("queue.filter.saved.save.name"));
        dialog.getEditor().setId("saveFilterName");
        dialog.getEditor().setAccessibleText(messages.get("queue.filter.saved.save.name"));
        if (getScene() != null) {
            dialog.initOwner(getScene().getWindow());
            dialog.getDialogPane().getStylesheets().addAll(getScene().getStylesheets());
        }
        return dialog.showAndWait().filter(name -> !name.isBlank());
    }

    /** What went wrong with the saved filters file, in words, until dismissed. */
    private HBox problem(SavedFiltersViewModel saved) {
        Label text = new Label(null, new FontIcon(MaterialDesignA.ALERT_OUTLINE));
        text.setId("savedFiltersProblem");
        text.setWrapText(true);
        text.getStyleClass().add("tone-warning");
        text.textProperty().bind(saved.problemProperty());
        text.accessibleTextProperty().bind(saved.problemProperty());
        text.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        Button dismiss = new Button(null, new FontIcon(MaterialDesignC.CLOSE));
        dismiss.setId("dismissFiltersProblem");
        dismiss.setAccessibleText(messages.get("filters.saved.dismiss"));
        dismiss.setTooltip(new Tooltip(messages.get("filters.saved.dismiss")));
        dismiss.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        dismiss.setOnAction(e -> saved.dismissProblem());
        HBox box = new HBox(4, text, dismiss);
        box.setAlignment(Pos.TOP_LEFT);
        box.getStyleClass().add("queue-filter-problem");
        box.visibleProperty().bind(saved.problemProperty().isNotEmpty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private HBox selectionBar() {
        Label count = new Label();
        count.setId("selectionCount");
        count.getStyleClass().add("muted");
        ObservableList<QueueRow> selected = vm.selectedRows();
        count.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> messages.format("queue.selection.count", selected.size()), selected));
        Button approve = new Button(messages.get("queue.selection.approve"),
                new FontIcon(MaterialDesignC.CHECK_ALL));
        approve.setId("approveSelection");
        approve.setAccessibleText(messages.get("queue.selection.approve.a11y"));
        approve.setTooltip(new Tooltip(messages.get("queue.selection.approve.tip")));
        approve.setOnAction(e -> vm.requestBulkApproval());
        approve.getStyleClass().add(Styles.SMALL);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, count, spacer, approve);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("queue-selection-bar");
        bar.visibleProperty().bind(vm.canApproveSelectionProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    private static String revealed(String untrusted) {
        return UntrustedText.reveal(untrusted).text();
    }
}
