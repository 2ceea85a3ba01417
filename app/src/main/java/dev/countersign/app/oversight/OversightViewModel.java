package dev.countersign.app.oversight;

import dev.countersign.app.records.RecordPeriod;
import dev.countersign.app.records.RecordRow;
import dev.countersign.app.records.RecordsViewModel;
import java.time.Clock;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The oversight figures of the records the records view holds, over the period it shows (one period for both),
 * computed again whenever either changes, and each figure in one sentence.
 */
public final class OversightViewModel {
    private final ObservableList<RecordRow> rows;
    private final ObjectProperty<RecordPeriod> period;
    private final Clock clock;
    private final OversightTexts texts;
    private final ReadOnlyObjectWrapper<OversightFigures> figures = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper timeSummary = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper verdictSummary = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper autoSummary = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper exceptionSummary = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper reviewerSummary = new ReadOnlyStringWrapper();

    public OversightViewModel(RecordsViewModel records, Clock clock, OversightTexts texts) {
        this(records.rows(), records.periodProperty(), clock, texts);
    }

    public OversightViewModel(ObservableList<RecordRow> rows, ObjectProperty<RecordPeriod> period, Clock clock,
            OversightTexts texts) {
        this.rows = rows;
        this.period = period;
        this.clock = clock;
        this.texts = texts;
        rows.addListener((ListChangeListener<RecordRow>) c -> recompute());
        period.addListener((obs, old, value) -> recompute());
        recompute();
    }

    /** Computes the figures again at the clock's now (the view calls it when shown, so "open" stays current). */
    public void recompute() {
        RecordPeriod when = period.get() == null ? RecordPeriod.ALL : period.get();
        OversightFigures f = OversightFigures.compute(List.copyOf(rows), clock.instant(), when, clock.getZone());
        timeSummary.set(texts.timeToDecision(f.timeToDecision()));
        verdictSummary.set(texts.verdicts(f.totals()));
        autoSummary.set(texts.automatic(f.automatic()));
        exceptionSummary.set(texts.exceptions(f.openExceptions()));
        reviewerSummary.set(texts.reviewers(f.reviewers()));
        figures.set(f);
    }

    public ReadOnlyObjectProperty<OversightFigures> figuresProperty() {
        return figures.getReadOnlyProperty();
    }

    public ObjectProperty<RecordPeriod> periodProperty() {
        return period;
    }

    public OversightTexts texts() {
        return texts;
    }

    public ReadOnlyStringProperty timeSummaryProperty() {
        return timeSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty verdictSummaryProperty() {
        return verdictSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty autoSummaryProperty() {
        return autoSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty exceptionSummaryProperty() {
        return exceptionSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reviewerSummaryProperty() {
        return reviewerSummary.getReadOnlyProperty();
    }

    public Clock clock() {
        return clock;
    }
}
