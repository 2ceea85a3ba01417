package dev.countersign.app.records;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import dev.countersign.app.common.Messages;
import dev.countersign.app.common.UntrustedText;
import dev.countersign.model.ActionType;
import dev.countersign.model.RiskTier;
import dev.countersign.model.Verdict;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

/**
 * The records view's search and filters: reviewer, agent, action, environment, tier, verdict and policy version
 * menus (with how many records hold each), "failed only", clearing them, and the period.
 */
final class RecordsFilterBarView extends VBox {
    private static final String ACTIVE = "filter-active";

    private final RecordsViewModel vm;
    private final RecordTexts texts;
    private final Messages messages;
    private final CustomTextField search = new CustomTextField();

    RecordsFilterBarView(RecordsViewModel vm, RecordTexts texts) {
        super(4);
        this.vm = vm;
        this.texts = texts;
        this.messages = texts.messages();
        getStyleClass().add("records-filter-bar");

        search.setId("recordsSearch");
        search.setPromptText(messages.get("records.search.prompt"));
        search.setAccessibleText(messages.get("records.search.a11y"));
        search.setLeft(new FontIcon(MaterialDesignM.MAGNIFY));
        search.textProperty().bindBidirectional(vm.searchProperty());
        search.setPrefColumnCount(26);
        search.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && !search.getText().isEmpty()) {
                search.clear();
                e.consume();
            }
        });

        MenuButton reviewers = menu("recordsFilterReviewer", "records.filter.reviewer", vm.reviewers(),
                s -> s, RecordsFilter::reviewers, RecordsFilter::withReviewers, r -> r.reviewer());
        MenuButton agents = menu("recordsFilterAgent", "records.filter.agent", vm.agents(),
                s -> UntrustedText.reveal(s).text(), RecordsFilter::agents, RecordsFilter::withAgents,
                RecordRow::agentId);
        MenuButton actions = menu("recordsFilterAction", "records.filter.action", fixed(ActionType.values()),
                texts::action, RecordsFilter::actions, RecordsFilter::withActions, RecordRow::actionType);
        MenuButton environments = menu("recordsFilterEnvironment", "records.filter.environment", vm.environments(),
                s -> UntrustedText.reveal(s).text(), RecordsFilter::environments, RecordsFilter::withEnvironments,
                RecordRow::environment);
        MenuButton tiers = menu("recordsFilterTier", "records.filter.tier", fixed(RiskTier.values()),
                texts::tier, RecordsFilter::tiers, RecordsFilter::withTiers, RecordRow::tier);
        MenuButton verdicts = menu("recordsFilterVerdict", "records.filter.verdict", fixed(Verdict.values()),
                texts::verdict, RecordsFilter::verdicts, RecordsFilter::withVerdicts, RecordRow::verdict);
        MenuButton policies = menu("recordsFilterPolicy", "records.filter.policy", vm.policies(),
                PolicyVersion::text, RecordsFilter::policies, RecordsFilter::withPolicies, RecordRow::policy);

        ToggleButton failed = new ToggleButton(messages.get("records.filter.failed"),
                new FontIcon(MaterialDesignA.ALERT_OCTAGON));
        failed.setId("recordsFilterFailed");
        failed.setTooltip(new Tooltip(messages.get("records.filter.failed.tip")));
        failed.setAccessibleText(messages.get("records.filter.failed.tip"));
        failed.setOnAction(e -> vm.filterProperty().set(vm.filterProperty().get().withFailedOnly(failed.isSelected())));
        vm.filterProperty().addListener((obs, old, f) -> failed.setSelected(f.failedOnly()));
        failed.getStyleClass().add(Styles.SMALL);

        Button clear = new Button(null, new FontIcon(MaterialDesignF.FILTER_REMOVE_OUTLINE));
        clear.setId("recordsClearFilters");
        clear.setTooltip(new Tooltip(messages.get("records.filter.clear")));
        clear.setAccessibleText(messages.get("records.filter.clear"));
        clear.getStyleClass().addAll(Styles.SMALL, Styles.BUTTON_ICON);
        clear.setOnAction(e -> {
            vm.filterProperty().set(RecordsFilter.ALL);
            vm.searchProperty().set("");
        });
        clear.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.filterProperty().get().narrows()
                && vm.searchProperty().get().isBlank(), vm.filterProperty(), vm.searchProperty()));

        FlowPane menus = new FlowPane(4, 4, reviewers, agents, actions, environments, tiers, verdicts, policies,
                failed, clear);
        menus.setAlignment(Pos.CENTER_LEFT);
        menus.setMinWidth(0);
        HBox.setHgrow(menus, Priority.ALWAYS);
        HBox top = new HBox(8, search, new PeriodBar(messages, vm.periodProperty(), "records"));
        top.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(top, menus);
    }

    CustomTextField search() {
        return search;
    }

    private static <T> ObservableList<T> fixed(T[] values) {
        return javafx.collections.FXCollections.observableArrayList(Arrays.asList(values));
    }

    /**
     * A menu of check items, one per value, each with how many records hold it; ticking one narrows the filter to the
     * ticked values. The items follow {@code values} and the filter.
     */
    private <T> MenuButton menu(String id, String key, ObservableList<T> values, Function<T, String> label,
            Function<RecordsFilter, Set<T>> get, BiFunction<RecordsFilter, List<T>, RecordsFilter> with,
            Function<RecordRow, T> field) {
        MenuButton menu = new MenuButton(messages.get(key));
        menu.setId(id);
        menu.setAccessibleText(messages.get(key));
        menu.getStyleClass().add(Styles.SMALL);
        Supplier<Void> rebuild = () -> {
            Set<T> chosen = get.apply(vm.filterProperty().get());
            menu.getItems().clear();
            for (T value : values) {
                long count = vm.rows().stream().filter(r -> value.equals(field.apply(r))).count();
                CheckMenuItem item = new CheckMenuItem(messages.format("records.filter.item", label.apply(value),
                        count));
                item.setId(id + "-" + value);
                item.setSelected(chosen.contains(value));
                item.setOnAction(e -> {
                    Set<T> next = new LinkedHashSet<>(get.apply(vm.filterProperty().get()));
                    if (item.isSelected()) {
                        next.add(value);
                    } else {
                        next.remove(value);
                    }
                    vm.filterProperty().set(with.apply(vm.filterProperty().get(), List.copyOf(next)));
                });
                menu.getItems().add(item);
            }
            menu.setText(chosen.isEmpty() ? messages.get(key)
                    : messages.format("records.filter.chosen", messages.get(key), chosen.size()));
            menu.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass(ACTIVE), !chosen.isEmpty());
            return null;
        };
        values.addListener((ListChangeListener<T>) c -> rebuild.get());
        vm.rows().addListener((ListChangeListener<RecordRow>) c -> rebuild.get());
        vm.filterProperty().addListener((obs, old, f) -> rebuild.get());
        rebuild.get();
        return menu;
    }
}
