package dev.countersign.app.queue;

import dev.countersign.app.common.Messages;
import dev.countersign.app.common.TaskRunner;
import dev.countersign.app.common.UserErrors;
import dev.countersign.app.settings.SavedFilter;
import dev.countersign.app.settings.SavedFilterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The reviewer's named queue filters: save the queue's current filter under a name, apply one, delete one. Kept in
 * the data folder; an unreadable file is moved aside and said so in {@link #problemProperty()}.
 */
public final class SavedFiltersViewModel {
    private final QueueViewModel queue;
    private final SavedFilterStore store;
    private final TaskRunner runner;
    private final Messages messages;
    private final UserErrors errors;
    private final ObservableList<SavedFilter> filters = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    public SavedFiltersViewModel(QueueViewModel queue, SavedFilterStore store, TaskRunner runner, Messages messages,
            UserErrors errors) {
        this.queue = queue;
        this.store = store;
        this.runner = runner;
        this.messages = messages;
        this.errors = errors;
    }

    /** Reads the saved filters (in the background). */
    public void load() {
        runner.run("read saved filters", store::load, loaded -> {
            filters.setAll(loaded.filters());
            loaded.movedAside().ifPresent(aside -> problem.set(messages.format("filters.saved.unreadable",
                    store.file().getFileName(), loaded.problem().orElse(""), aside.getFileName())));
        }, e -> problem.set(errors.message(e)));
    }

    /**
     * Saves the queue's current filter as {@code name}, replacing one of the same name (ignoring case). A blank name
     * saves nothing.
     */
    public void saveCurrent(String name) {
        if (name == null || name.isBlank()) {
            return;
        }
        String trimmed = name.strip();
        if (trimmed.length() > SavedFilter.MAX_NAME) {
            trimmed = trimmed.substring(0, SavedFilter.MAX_NAME);
        }
        SavedFilter saved = queue.queueFilterProperty().get().saved(trimmed);
        List<SavedFilter> next = new ArrayList<>(filters);
        Optional<SavedFilter> same = find(trimmed);
        if (same.isPresent()) {
            next.set(next.indexOf(same.get()), saved);
        } else {
            next.add(saved);
        }
        write(next);
    }

    /** Shows the queue through a saved filter. */
    public void apply(SavedFilter saved) {
        queue.queueFilterProperty().set(QueueFilter.of(saved));
    }

    public void delete(SavedFilter saved) {
        List<SavedFilter> next = new ArrayList<>(filters);
        if (next.remove(saved)) {
            write(next);
        }
    }

    /** A saved filter of that name (ignoring case). */
    public Optional<SavedFilter> find(String name) {
        String trimmed = name.strip();
        return filters.stream().filter(f -> f.name().equalsIgnoreCase(trimmed)).findFirst();
    }

    private void write(List<SavedFilter> next) {
        List<SavedFilter> copy = List.copyOf(next);
        runner.run("save filters", () -> {
            store.save(copy);
            return copy;
        }, written -> {
            filters.setAll(written);
            problem.set("");
        }, e -> problem.set(errors.message(e)));
    }

    /** The saved filters, in the order saved. */
    public ObservableList<SavedFilter> filters() {
        return filters;
    }

    /** What went wrong reading or writing the file, in words; empty when all is well. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public void dismissProblem() {
        problem.set("");
    }
}
