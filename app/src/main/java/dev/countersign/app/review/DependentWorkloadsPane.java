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
import java.util.Comparator;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * Workloads that would feel the action, as a table: workload (name, owner, environment), criticality, failover
 * ("none" stands out), last used and depth. Direct dependents first, then by criticality.
 */
public final class DependentWorkloadsPane extends ContextPane {
    private static final Comparator<DependentWorkload> ORDER = Comparator
            .comparingInt(DependentWorkload::depth)
            .thenComparing(DependentWorkload::criticality)
            .thenComparing(DependentWorkload::name);

    private final Messages messages;
    private final Chips chips;
    private final TimeTexts time;
    private final Clock clock;

    public DependentWorkloadsPane(ObservableValue<ProposalView> shown, Messages messages, Chips chips, TimeTexts time,
            Clock clock) {
        super(messages.get("pane.workloads.title"), MaterialDesignS.SERVER_NETWORK,
                messages.get("pane.workloads.help"));
        this.messages = messages;
        this.chips = chips;
        this.time = time;
        this.clock = clock;
        setId("workloadsPane");
        follow(shown);
    }

    @Override
    protected void show(ProposalView view) {
        List<DependentWorkload> workloads = view.context().dependentWorkloads().stream().sorted(ORDER).toList();
        long withoutFailover = workloads.stream().filter(w -> w.failover() == Failover.NONE).count();
        setSubtitle(withoutFailover > 0
                ? messages.format("pane.workloads.subtitleNoFailover", workloads.size(), withoutFailover)
                : messages.format("pane.workloads.subtitle", workloads.size()));
        if (workloads.isEmpty()) {
            setBody(muted(messages.get("pane.workloads.none")));
            return;
        }
        GridPane table = new GridPane();
        table.getStyleClass().add("fact-table");
        table.setId("workloadsTable");
        table.setHgap(6);
        table.setVgap(8);
        ColumnConstraints name = new ColumnConstraints();
        name.setHgrow(Priority.ALWAYS);
        name.setMinWidth(60);
        ColumnConstraints chip = new ColumnConstraints();
        chip.setHalignment(HPos.LEFT);
        chip.setMinWidth(Region.USE_PREF_SIZE);
        chip.setMaxWidth(96);
        table.getColumnConstraints().addAll(name, chip);
        table.addRow(0, header("pane.workloads.col.workload"), header("pane.workloads.col.criticality"));
        int row = 1;
        for (DependentWorkload w : workloads) {
            VBox risk = new VBox(3, chips.criticality(w.criticality()), chips.failover(w.failover()));
            GridPane.setValignment(risk, VPos.TOP);
            table.addRow(row++, workloadCell(w), risk);
        }
        setBody(table);
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
        cell.setAccessibleText(messages.format("a11y.workload", w.name(), w.owner(), w.environment(),
                messages.get("criticality." + w.criticality().json()), messages.get("failover." + w.failover().json()),
                time.ago(w.lastUsed(), clock.instant()), w.depth()));
        return cell;
    }

    private Label header(String key) {
        Label label = new Label(messages.get(key));
        label.getStyleClass().add("fact-header");
        label.setWrapText(true);
        return label;
    }
}
