package dev.countersign.app.records;

import dev.countersign.app.common.TaskRunner;
import dev.countersign.app.common.UserErrors;
import dev.countersign.model.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * Every decision the console can see, with its verification state: the rows (read from a {@link RecordsSource} in
 * the background, or given once for a bundle opened read-only), the filter, the search words and the period, what is
 * shown and how many, the selection, and the two things a compliance lead does with it: export an evidence bundle and
 * file a decision report.
 */
public final class RecordsViewModel {
    /** Newest first, then by log position. */
    public static final Comparator<RecordRow> ORDER = Comparator.comparing(RecordRow::decidedAt).reversed()
            .thenComparing(Comparator.comparingLong(RecordRow::logIndex).reversed());

    /**
     * What the view's two actions do, run on the UI thread; a null handler leaves its action out.
     *
     * @param exportBundle   gets the selected rows, or every row shown when none is selected
     * @param decisionReport gets the one selected row
     */
    public record Actions(Consumer<List<RecordRow>> exportBundle, Consumer<RecordRow> decisionReport) {
        public static final Actions NONE = new Actions(null, null);
    }

    private final TaskRunner runner;
    private final Clock clock;
    private final RecordsSource source;
    private final UserErrors errors;
    private final Actions actions;
    private final String banner;
    private final ObservableList<RecordRow> rows = FXCollections.observableArrayList();
    /** One read-only view of the rows, kept, so listeners on it live as long as this view model. */
    private final ObservableList<RecordRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final FilteredList<RecordRow> visible = new FilteredList<>(rows);
    private final ObservableList<RecordRow> selectedRows = FXCollections.observableArrayList();
    private final ObjectProperty<RecordRow> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<RecordsFilter> filter = new SimpleObjectProperty<>(RecordsFilter.ALL);
    private final ObjectProperty<RecordPeriod> period = new SimpleObjectProperty<>(RecordPeriod.ALL);
    private final StringProperty search = new SimpleStringProperty("");
    private final ReadOnlyIntegerWrapper shownFailed = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper totalFailed = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<Instant> loadedAt = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> reviewers = FXCollections.observableArrayList();
    private final ObservableList<String> agents = FXCollections.observableArrayList();
    private final ObservableList<String> environments = FXCollections.observableArrayList();
    private final ObservableList<PolicyVersion> policies = FXCollections.observableArrayList();
    private boolean again;

    private RecordsViewModel(TaskRunner runner, Clock clock, RecordsSource source, UserErrors errors, Actions actions,
            String banner) {
        this.runner = runner;
        this.clock = clock;
        this.source = source;
        this.errors = errors;
        this.actions = actions == null ? Actions.NONE : actions;
        this.banner = banner;
        filter.addListener((obs, old, value) -> {
            if (value == null) {
                filter.set(RecordsFilter.ALL);
            } else {
                applyFilter();
            }
        });
        period.addListener((obs, old, value) -> {
            if (value == null) {
                period.set(RecordPeriod.ALL);
            } else {
                applyFilter();
            }
        });
        search.addListener((obs, old, value) -> applyFilter());
        selectedRows.addListener((javafx.collections.ListChangeListener<RecordRow>) c ->
                selected.set(selectedRows.size() == 1 ? selectedRows.get(0) : null));
    }

    /** The console's records view: rows from {@code source}, read when {@link #reload()} is called. */
    public static RecordsViewModel live(TaskRunner runner, Clock clock, RecordsSource source, UserErrors errors,
            Actions actions) {
        return new RecordsViewModel(runner, clock, Objects.requireNonNull(source, "source"), errors, actions, null);
    }

    /**
     * Records opened from a bundle: the given rows, never reloaded, no export; {@code banner} says where they come
     * from.
     *
     * @param decisionReport files a report of one row; null offers none
     */
    public static RecordsViewModel readOnly(List<RecordRow> rows, Clock clock, String banner,
            Consumer<RecordRow> decisionReport) {
        RecordsViewModel vm = new RecordsViewModel(null, clock, null, null, new Actions(null, decisionReport),
                banner);
        vm.show(List.copyOf(rows));
        vm.loadedAt.set(clock.instant());
        return vm;
    }

    /** Reads the rows again in the background (after each sync); if a read is running, another follows it. */
    public void reload() {
        if (source == null) {
            return;
        }
        if (loading.get()) {
            again = true;
            return;
        }
        loading.set(true);
        runner.run("read decision records", source::load, loaded -> {
            loadError.set(null);
            loadedAt.set(clock.instant());
            show(loaded);
            finished();
        }, e -> {
            loadError.set(errors.message(e));
            finished();
        });
    }

    private void finished() {
        loading.set(false);
        if (again) {
            again = false;
            reload();
        }
    }

    /** Shows {@code loaded}, newest first, keeping the selection of rows still there (by record id). */
    private void show(List<RecordRow> loaded) {
        List<String> keep = selectedRows.stream().map(RecordRow::recordId).toList();
        rows.setAll(loaded.stream().sorted(ORDER).toList());
        reviewers.setAll(distinct(RecordRow::reviewer));
        agents.setAll(distinct(RecordRow::agentId));
        environments.setAll(distinct(RecordRow::environment));
        policies.setAll(new TreeSet<>(rows.stream().map(RecordRow::policy).filter(Objects::nonNull).toList()));
        totalFailed.set((int) rows.stream().filter(RecordRow::failed).count());
        applyFilter();
        selectedRows.setAll(visible.stream().filter(r -> keep.contains(r.recordId())).toList());
    }

    private List<String> distinct(Function<RecordRow, String> field) {
        return List.copyOf(new TreeSet<>(rows.stream().map(field).filter(Objects::nonNull).toList()));
    }

    private void applyFilter() {
        RecordsFilter choices = filter.get();
        RecordPeriod when = period.get();
        List<String> words = RecordSearch.words(search.get());
        Instant now = clock.instant();
        ZoneId zone = clock.getZone();
        if (!choices.narrows() && when.isAll() && words.isEmpty()) {
            visible.setPredicate(null);
        } else {
            visible.setPredicate(row -> choices.accepts(row) && when.contains(row.decidedAt(), now, zone)
                    && RecordSearch.matches(row, words));
        }
        shownFailed.set((int) visible.stream().filter(RecordRow::failed).count());
        selectedRows.retainAll(visible);
    }

    /** Hands the selected rows (or, with none selected, every row shown) to the export. */
    public void exportBundle() {
        if (actions.exportBundle() != null && !exportRows().isEmpty()) {
            actions.exportBundle().accept(exportRows());
        }
    }

    /** What "Export evidence bundle…" exports now. */
    public List<RecordRow> exportRows() {
        return List.copyOf(selectedRows.isEmpty() ? visible : selectedRows);
    }

    /** Hands the one selected row to the decision report. */
    public void decisionReport() {
        RecordRow row = selected.get();
        if (actions.decisionReport() != null && row != null) {
            actions.decisionReport().accept(row);
        }
    }

    public boolean offersExport() {
        return actions.exportBundle() != null;
    }

    public boolean offersReport() {
        return actions.decisionReport() != null;
    }

    public BooleanBinding canExportProperty() {
        return Bindings.createBooleanBinding(() -> offersExport() && !(selectedRows.isEmpty() && visible.isEmpty()),
                selectedRows, visible);
    }

    public BooleanBinding canReportProperty() {
        return Bindings.createBooleanBinding(() -> offersReport() && selected.get() != null, selected);
    }

    /** True for records opened from a bundle: nothing is reloaded or exported. */
    public boolean readOnly() {
        return source == null;
    }

    /** Where read-only records come from, as the caller put it; null in the console's own view. */
    public String banner() {
        return banner;
    }

    /** Every row held, newest first. */
    public ObservableList<RecordRow> rows() {
        return readOnlyRows;
    }

    /** The rows the filter, the period and the search let through, newest first. */
    public ObservableList<RecordRow> visibleRows() {
        return visible;
    }

    /** The rows selected in the table (the view keeps it in step). */
    public ObservableList<RecordRow> selectedRows() {
        return selectedRows;
    }

    /** The one row selected; null when none or several are. */
    public ReadOnlyObjectProperty<RecordRow> selectedProperty() {
        return selected;
    }

    public ObjectProperty<RecordsFilter> filterProperty() {
        return filter;
    }

    public ObjectProperty<RecordPeriod> periodProperty() {
        return period;
    }

    public StringProperty searchProperty() {
        return search;
    }

    /** True while anything hides rows. */
    public boolean filtered() {
        return visible.size() != rows.size() || filter.get().narrows() || !period.get().isAll()
                || !RecordSearch.words(search.get()).isEmpty();
    }

    /** How many rows shown failed a check. */
    public ReadOnlyIntegerProperty shownFailedProperty() {
        return shownFailed.getReadOnlyProperty();
    }

    /** How many rows held failed a check. */
    public ReadOnlyIntegerProperty totalFailedProperty() {
        return totalFailed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Why the last read failed, in the user's words; null after a good one. */
    public ReadOnlyStringProperty loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> loadedAtProperty() {
        return loadedAt.getReadOnlyProperty();
    }

    public ObservableList<String> reviewers() {
        return reviewers;
    }

    public ObservableList<String> agents() {
        return agents;
    }

    public ObservableList<String> environments() {
        return environments;
    }

    public ObservableList<PolicyVersion> policies() {
        return policies;
    }

    /** How many rows held have this verdict (for the filter menu). */
    public long count(Verdict verdict) {
        return rows.stream().filter(r -> r.verdict() == verdict).count();
    }

    public Clock clock() {
        return clock;
    }
}
