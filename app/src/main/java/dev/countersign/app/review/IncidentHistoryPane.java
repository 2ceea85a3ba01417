package dev.countersign.app.review;

import dev.countersign.app.common.Chips;
import dev.countersign.app.common.ContextPane;
import dev.countersign.app.common.Messages;
import dev.countersign.model.IncidentSummary;
import dev.countersign.model.api.ProposalView;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;

/**
 * Incidents that touched the target or its dependents, as a timeline newest first: a dated marker per incident with
 * severity and summary; those within {@link IncidentTimeline#RECENT} of the console's today stand out.
 */
public final class IncidentHistoryPane extends ContextPane {
    private final Messages messages;
    private final Chips chips;
    private final Clock clock;
    private final DateTimeFormatter dates;

    public IncidentHistoryPane(ObservableValue<ProposalView> shown, Messages messages, Chips chips, Clock clock) {
        super(messages.get("pane.incidents.title"), MaterialDesignA.ALERT_OCTAGON_OUTLINE,
                messages.get("pane.incidents.help"));
        this.messages = messages;
        this.chips = chips;
        this.clock = clock;
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(messages.locale());
        setId("incidentsPane");
        follow(shown);
    }

    @Override
    protected void show(ProposalView view) {
        List<IncidentTimeline.Entry> entries = IncidentTimeline.of(view.context().incidents(), clock);
        long recent = entries.stream().filter(IncidentTimeline.Entry::recent).count();
        setSubtitle(recent > 0 ? messages.format("pane.incidents.subtitleRecent", entries.size(), recent,
                IncidentTimeline.RECENT.getDays()) : messages.format("pane.incidents.subtitle", entries.size()));
        if (entries.isEmpty()) {
            setBody(muted(messages.get("pane.incidents.none")));
            return;
        }
        VBox timeline = new VBox(0);
        timeline.setId("incidentTimeline");
        timeline.getStyleClass().add("timeline");
        timeline.setAccessibleRole(AccessibleRole.LIST_VIEW);
        timeline.setAccessibleText(messages.get("pane.incidents.title"));
        for (int i = 0; i < entries.size(); i++) {
            timeline.getChildren().add(item(entries.get(i), i == entries.size() - 1));
        }
        setBody(timeline);
    }

    private Node item(IncidentTimeline.Entry entry, boolean last) {
        IncidentSummary incident = entry.incident();
        Circle dot = new Circle(5);
        dot.getStyleClass().addAll("timeline-dot", "timeline-dot-" + incident.severity().json());
        VBox rail = new VBox(0, dot); // the line is the rail's left border (none below the oldest marker)
        rail.setAlignment(Pos.TOP_CENTER);
        rail.getStyleClass().add(last ? "timeline-rail-end" : "timeline-rail");
        rail.setMinWidth(14);
        rail.setPrefWidth(14);
        rail.setMaxWidth(14);

        Label date = new Label(dates.format(incident.date()));
        date.getStyleClass().add("timeline-date");
        date.setTooltip(new Tooltip(incident.id()));
        date.setMinWidth(Label.USE_PREF_SIZE);
        FlowPane top = new FlowPane(6, 3, date, chips.severity(incident.severity()));
        top.setAlignment(Pos.CENTER_LEFT);
        if (entry.recent()) {
            Label recent = chips.styled(messages.format("pane.incidents.recent", IncidentTimeline.RECENT.getDays()),
                    "chip-recent");
            recent.setId("incidentRecent-" + incident.id());
            top.getChildren().add(recent);
        }
        Label summary = new Label(incident.summary());
        summary.setWrapText(true);
        summary.getStyleClass().add("incident-summary");
        VBox content = new VBox(2, top, summary);
        content.getStyleClass().add("timeline-content");
        HBox.setHgrow(content, Priority.ALWAYS);
        content.setMinWidth(0);
        HBox box = new HBox(6, rail, content);
        box.getStyleClass().add("timeline-item");
        if (entry.recent()) {
            box.getStyleClass().add("timeline-recent");
        }
        box.setId("incident-" + incident.id());
        box.setFocusTraversable(true);
        box.setAccessibleRole(AccessibleRole.LIST_ITEM);
        String a11y = messages.format("a11y.incident", dates.format(incident.date()),
                messages.get("severity." + incident.severity().json()), incident.summary());
        box.setAccessibleText(entry.recent()
                ? messages.format("pane.incidents.recent.a11y", a11y, IncidentTimeline.RECENT.getDays()) : a11y);
        return box;
    }
}
