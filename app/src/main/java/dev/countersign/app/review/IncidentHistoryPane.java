package dev.countersign.app.review;

import dev.countersign.app.common.Chips;
import dev.countersign.app.common.ContextPane;
import dev.countersign.app.common.Messages;
import dev.countersign.model.IncidentSummary;
import dev.countersign.model.api.ProposalView;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;

/** Incidents that touched the target or its dependents, newest first: date, severity and summary. */
public final class IncidentHistoryPane extends ContextPane {
    private final Messages messages;
    private final Chips chips;
    private final DateTimeFormatter dates;

    public IncidentHistoryPane(ObservableValue<ProposalView> shown, Messages messages, Chips chips) {
        super(messages.get("pane.incidents.title"), MaterialDesignA.ALERT_OCTAGON_OUTLINE,
                messages.get("pane.incidents.help"));
        this.messages = messages;
        this.chips = chips;
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(messages.locale());
        setId("incidentsPane");
        follow(shown);
    }

    @Override
    protected void show(ProposalView view) {
        List<IncidentSummary> incidents = view.context().incidents().stream()
                .sorted(Comparator.comparing(IncidentSummary::date).reversed()).toList();
        setSubtitle(messages.format("pane.incidents.subtitle", incidents.size()));
        if (incidents.isEmpty()) {
            setBody(muted(messages.get("pane.incidents.none")));
            return;
        }
        setBody(incidents.stream().map(this::incident).toArray(Node[]::new));
    }

    private Node incident(IncidentSummary incident) {
        Label date = new Label(dates.format(incident.date()));
        date.getStyleClass().add("fact-meta");
        date.setTooltip(new Tooltip(incident.id()));
        HBox top = new HBox(6, chips.severity(incident.severity()), date);
        Label summary = new Label(incident.summary());
        summary.setWrapText(true);
        summary.getStyleClass().add("incident-summary");
        VBox box = new VBox(2, top, summary);
        box.getStyleClass().add("incident");
        box.setAccessibleText(messages.format("a11y.incident", dates.format(incident.date()),
                messages.get("severity." + incident.severity().json()), incident.summary()));
        return box;
    }
}
