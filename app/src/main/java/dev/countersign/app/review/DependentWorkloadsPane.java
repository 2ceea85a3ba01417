package dev.countersign.app.review;

import dev.countersign.app.common.BreakableText;
import dev.countersign.app.common.Chips;
import dev.countersign.app.common.ContextPane;
import dev.countersign.app.common.Messages;
import dev.countersign.app.common.TimeTexts;
import dev.countersign.model.DependentWorkload;
import dev.countersign.model.Failover;
import dev.countersign.model.api.ProposalView;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * Workloads that would feel the action, in the order they break ({@link WorkloadOrder}): name, owner, environment,
 * criticality, failover (a missing one stands out), last use and depth. A row is selectable (click, Enter or
 * Space) and shares its selection with the blast-radius graph.
 */
public final class DependentWorkloadsPane extends ContextPane {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private final Messages messages;
    private final Chips chips;
    private final TimeTexts time;
    private final Clock clock;
    private final ObjectProperty<String> selected;
    private final Map<String, HBox> rows = new LinkedHashMap<>();

    public DependentWorkloadsPane(ObservableValue<ProposalView> shown, ObjectProperty<String> selectedWorkload,
            Messages messages, Chips chips, TimeTexts time, Clock clock) {
        super(messages.get("pane.workloads.title"), MaterialDesignS.SERVER_NETWORK,
                messages.get("pane.workloads.help"));
        this.messages = messages;
        this.chips = chips;
        this.time = time;
        this.clock = clock;
        this.selected = selectedWorkload;
        setId("workloadsPane");
        selectedWorkload.addListener((obs, old, id) -> mark(id, true));
        follow(shown);
    }

    @Override
    protected void show(ProposalView view) {
        List<DependentWorkload> workloads = view.context().dependentWorkloads().stream()
                .sorted(WorkloadOrder.BREAKS_FIRST).toList();
        long withoutFailover = workloads.stream().filter(w -> w.failover() == Failover.NONE).count();
        setSubtitle(withoutFailover > 0
                ? messages.format("pane.workloads.subtitleNoFailover", workloads.size(), withoutFailover)
                : messages.format("pane.workloads.subtitle", workloads.size()));
        rows.clear();
        if (workloads.isEmpty()) {
            setBody(muted(messages.get("pane.workloads.none")));
            return;
        }
        VBox list = new VBox(2);
        list.setId("dependentWorkloads");
        list.getStyleClass().add("workload-list");
        list.setAccessibleRole(AccessibleRole.LIST_VIEW);
        list.setAccessibleText(messages.get("pane.workloads.title"));
        Label order = new Label(messages.get("pane.workloads.order"));
        order.getStyleClass().add("fact-meta");
        order.setWrapText(true);
        for (DependentWorkload w : workloads) {
            HBox row = row(w);
            rows.put(w.id(), row);
            list.getChildren().add(row);
        }
        setBody(order, list);
        mark(selected.get(), false);
    }

    private HBox row(DependentWorkload w) {
        VBox risk = new VBox(3, chips.criticality(w.criticality()), chips.failover(w.failover()));
        risk.setAlignment(Pos.TOP_RIGHT);
        risk.setMinWidth(VBox.USE_PREF_SIZE);
        VBox cell = workloadCell(w);
        HBox.setHgrow(cell, Priority.ALWAYS);
        HBox row = new HBox(6, cell, risk);
        row.setId("workloadRow-" + w.id());
        row.getStyleClass().add("workload-row");
        if (w.failover() == Failover.NONE) {
            row.getStyleClass().add("workload-no-failover");
        }
        row.setFocusTraversable(true);
        row.setAccessibleRole(AccessibleRole.LIST_ITEM);
        row.setAccessibleText(messages.format("a11y.workload", w.name(), w.owner(), w.environment(),
                messages.get("criticality." + w.criticality().json()), messages.get("failover." + w.failover().json()),
                time.ago(w.lastUsed(), clock.instant()), w.depth()));
        row.setOnMouseClicked(e -> {
            row.requestFocus();
            selected.set(w.id());
        });
        row.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                selected.set(w.id());
                e.consume();
            }
        });
        return row;
    }

    private void mark(String id, boolean scroll) {
        rows.forEach((key, row) -> row.pseudoClassStateChanged(SELECTED, key.equals(id)));
        if (scroll && id != null && rows.containsKey(id)) {
            reveal(rows.get(id));
        }
    }

    private VBox workloadCell(DependentWorkload w) {
        BreakableText name = new BreakableText(w.name(), "fact-name");
        Tooltip.install(name, new Tooltip(w.id()));
        BreakableText owner = new BreakableText(w.owner(), "fact-meta");
        Label usage = new Label(messages.format("pane.workloads.usage", time.ago(w.lastUsed(), clock.instant()),
                w.depth(), w.environment()));
        usage.getStyleClass().add("fact-meta");
        usage.setWrapText(true);
        usage.setTooltip(new Tooltip(time.localDateTime(w.lastUsed())));
        VBox cell = new VBox(1, name, owner, usage);
        cell.setMinWidth(0);
        return cell;
    }
}
