package dev.countersign.app.oversight;

import dev.countersign.app.common.Messages;
import dev.countersign.app.common.UntrustedText;
import dev.countersign.app.oversight.OversightFigures.Bin;
import dev.countersign.app.oversight.OversightFigures.Bucket;
import dev.countersign.app.oversight.OversightFigures.OpenException;
import dev.countersign.app.oversight.OversightFigures.ReviewerCount;
import dev.countersign.app.records.PeriodBar;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.Chart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * The oversight figures as charts, each titled, with its figure also in words beneath it (the same words are the
 * chart's accessible text): time to decision, verdicts over time, share approved automatically, open exceptions and
 * decisions per reviewer, over the period shared with the records view.
 */
public final class OversightView extends ScrollPane {
    private final OversightViewModel vm;
    private final OversightTexts texts;
    private final Messages messages;
    private final BarChart<String, Number> time = new BarChart<>(new CategoryAxis(), new NumberAxis());
    private final StackedBarChart<String, Number> verdicts = new StackedBarChart<>(new CategoryAxis(),
            new NumberAxis());
    private final PieChart automatic = new PieChart();
    private final BarChart<Number, String> exceptions = new BarChart<>(new NumberAxis(), new CategoryAxis());
    private final StackedBarChart<Number, String> reviewers = new StackedBarChart<>(new NumberAxis(),
            new CategoryAxis());
    private final VBox exceptionList = new VBox(2);

    public OversightView(OversightViewModel vm) {
        this.vm = vm;
        this.texts = vm.texts();
        this.messages = texts.messages();
        setId("oversightView");
        getStyleClass().add("oversight-view");
        setFitToWidth(true);

        Label title = new Label(messages.get("oversight.title"), new FontIcon(MaterialDesignC.CHART_BAR));
        title.getStyleClass().add("section-title");
        Label basis = new Label(messages.get("oversight.basis"));
        basis.getStyleClass().add("muted");
        basis.setWrapText(true);
        HBox header = new HBox(12, title, new PeriodBar(messages, vm.periodProperty(), "oversight"));
        header.setAlignment(Pos.CENTER_LEFT);

        setUp(time, "oversightTimeChart", "oversight.time.title", "oversight.axis.timeToDecision",
                "oversight.axis.proposals");
        setUp(verdicts, "oversightVerdictChart", "oversight.verdicts.title", "oversight.axis.time.day",
                "oversight.axis.records");
        setUp(exceptions, "oversightExceptionChart", "oversight.exceptions.title", "oversight.axis.ageDays",
                "oversight.axis.exception");
        setUp(reviewers, "oversightReviewerChart", "oversight.reviewers.title", "oversight.axis.records",
                "oversight.axis.reviewer");
        automatic.setId("oversightAutoChart");
        automatic.setTitle(messages.get("oversight.auto.title"));
        automatic.setAnimated(false);
        automatic.setLabelsVisible(true);
        automatic.setLegendVisible(true);
        exceptions.setLegendVisible(false);
        verdicts.setCategoryGap(2);
        time.setLegendVisible(false);
        exceptionList.setId("oversightExceptionList");

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(12);
        for (int i = 0; i < 3; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100.0 / 3);
            c.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(c);
        }
        grid.add(card(time, vm.timeSummaryProperty(), "oversightTimeSummary"), 0, 0);
        grid.add(card(verdicts, vm.verdictSummaryProperty(), "oversightVerdictSummary"), 1, 0);
        grid.add(card(automatic, vm.autoSummaryProperty(), "oversightAutoSummary"), 2, 0);
        VBox exceptionCard = card(exceptions, vm.exceptionSummaryProperty(), "oversightExceptionSummary");
        exceptionCard.getChildren().add(exceptionList);
        grid.add(exceptionCard, 0, 1);
        VBox reviewerCard = card(reviewers, vm.reviewerSummaryProperty(), "oversightReviewerSummary");
        grid.add(reviewerCard, 1, 1, 2, 1);

        VBox content = new VBox(10, header, basis, grid);
        content.getStyleClass().add("oversight-content");
        setContent(content);
        vm.figuresProperty().addListener((obs, old, f) -> show(f));
        show(vm.figuresProperty().get());
        // open exceptions and "last 24 h" depend on the clock: fresh figures each time the view is shown again (a
        // tab pane shows and hides the region that holds it, so the parent's visibility is what changes)
        javafx.beans.value.ChangeListener<Boolean> shown = (obs, was, visible) -> {
            if (visible) {
                vm.recompute();
            }
        };
        visibleProperty().addListener(shown);
        parentProperty().addListener((obs, old, parent) -> {
            if (old != null) {
                old.visibleProperty().removeListener(shown);
            }
            if (parent != null) {
                parent.visibleProperty().addListener(shown);
            }
        });
    }

    private void setUp(XYChart<?, ?> chart, String id, String title, String xLabel, String yLabel) {
        chart.setId(id);
        chart.setTitle(messages.get(title));
        chart.setAnimated(false);
        chart.getXAxis().setLabel(messages.get(xLabel));
        chart.getYAxis().setLabel(messages.get(yLabel));
        chart.getXAxis().setAnimated(false);
        chart.getYAxis().setAnimated(false);
        if (chart.getXAxis() instanceof NumberAxis n) {
            n.setMinorTickVisible(false);
            n.setForceZeroInRange(true);
        }
        if (chart.getYAxis() instanceof NumberAxis n) {
            n.setMinorTickVisible(false);
        }
        for (javafx.scene.chart.Axis<?> axis : List.of(chart.getXAxis(), chart.getYAxis())) {
            if (axis instanceof NumberAxis n && !"oversight.axis.ageDays".equals(xLabel)) {
                n.setTickLabelFormatter(WHOLE); // counts: no "2.5 proposals"
            }
        }
    }

    /** Whole numbers only; the ticks between them are left unlabelled. */
    private static final javafx.util.StringConverter<Number> WHOLE = new javafx.util.StringConverter<>() {
        @Override
        public String toString(Number n) {
            double d = n.doubleValue();
            return d == Math.rint(d) ? String.valueOf((long) d) : "";
        }

        @Override
        public Number fromString(String s) {
            return Double.valueOf(s);
        }
    };

    private VBox card(Chart chart, ObservableStringValue summary, String summaryId) {
        chart.setMinHeight(260);
        chart.setPrefHeight(280);
        chart.accessibleTextProperty().bind(javafx.beans.binding.Bindings.concat(chart.titleProperty(), ": ",
                summary));
        Label words = new Label();
        words.setId(summaryId);
        words.setWrapText(true);
        words.getStyleClass().add("oversight-summary");
        words.textProperty().bind(summary);
        words.accessibleTextProperty().bind(summary);
        VBox card = new VBox(4, chart, words);
        card.getStyleClass().add("oversight-card");
        card.setMinWidth(0);
        return card;
    }

    private void show(OversightFigures f) {
        if (f == null) {
            return;
        }
        XYChart.Series<String, Number> bins = new XYChart.Series<>();
        bins.setName(messages.get("oversight.axis.proposals"));
        for (Bin bin : f.timeToDecision().histogram()) {
            bins.getData().add(new XYChart.Data<>(texts.bin(bin), bin.count()));
        }
        time.getData().setAll(List.of(bins));

        verdicts.getXAxis().setLabel(texts.bucketAxis(f.series().size()));
        List<XYChart.Series<String, Number>> byVerdict = List.of(series("oversight.series.approvals"),
                series("oversight.series.denials"), series("oversight.series.escalations"));
        List<String> categories = new ArrayList<>();
        for (Bucket b : f.series().buckets()) {
            String label = texts.bucket(b.start(), f.series().size());
            categories.add(label);
            byVerdict.get(0).getData().add(new XYChart.Data<>(label, b.counts().approvals()));
            byVerdict.get(1).getData().add(new XYChart.Data<>(label, b.counts().denials()));
            byVerdict.get(2).getData().add(new XYChart.Data<>(label, b.counts().escalations()));
        }
        ((CategoryAxis) verdicts.getXAxis()).getCategories().setAll(categories);
        verdicts.getData().setAll(byVerdict);

        int auto = f.automatic().automatic();
        int byPeople = f.automatic().approved() - auto;
        automatic.getData().setAll(
                new PieChart.Data(messages.format("oversight.auto.slice.policy", auto), auto),
                new PieChart.Data(messages.format("oversight.auto.slice.people", byPeople), byPeople));

        XYChart.Series<Number, String> ages = new XYChart.Series<>();
        exceptionList.getChildren().clear();
        Set<String> seen = new HashSet<>();
        for (OpenException e : f.openExceptions()) {
            String target = e.approval().targetName() == null ? e.approval().proposalId()
                    : UntrustedText.reveal(e.approval().targetName()).text();
            String category = seen.add(target) ? target : target + " · " + e.approval().proposalId();
            ages.getData().add(new XYChart.Data<>(e.age().toMinutes() / 1440.0, category));
            Label line = new Label(texts.exception(target, e, f.now()));
            line.setWrapText(true);
            line.getStyleClass().add(e.end() == null ? "exception-unbounded" : "exception-line");
            exceptionList.getChildren().add(line);
        }
        ((CategoryAxis) exceptions.getYAxis()).getCategories().setAll(
                ages.getData().stream().map(XYChart.Data::getYValue).toList());
        exceptions.getData().setAll(List.of(ages));

        List<XYChart.Series<Number, String>> perReviewer = List.of(hseries("oversight.series.approvals"),
                hseries("oversight.series.denials"), hseries("oversight.series.escalations"));
        List<String> names = new ArrayList<>();
        List<ReviewerCount> top = f.reviewers();
        for (int i = top.size() - 1; i >= 0; i--) { // the chart draws the first category at the bottom
            ReviewerCount r = top.get(i);
            names.add(r.reviewer());
            add(perReviewer, r.reviewer(), r.counts());
        }
        ((CategoryAxis) reviewers.getYAxis()).getCategories().setAll(names);
        reviewers.getData().setAll(perReviewer);
        reviewers.setPrefHeight(Math.max(280, 80 + 28 * names.size()));
    }

    private XYChart.Series<String, Number> series(String key) {
        XYChart.Series<String, Number> s = new XYChart.Series<>();
        s.setName(messages.get(key));
        return s;
    }

    private XYChart.Series<Number, String> hseries(String key) {
        XYChart.Series<Number, String> s = new XYChart.Series<>();
        s.setName(messages.get(key));
        return s;
    }

    private static void add(List<XYChart.Series<Number, String>> series, String name,
            OversightFigures.VerdictCounts counts) {
        series.get(0).getData().add(new XYChart.Data<>(counts.approvals(), name));
        series.get(1).getData().add(new XYChart.Data<>(counts.denials(), name));
        series.get(2).getData().add(new XYChart.Data<>(counts.escalations(), name));
    }
}
