package dev.countersign.app.queue;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The rows selected in the queue's table, and who is handed them for a bulk approval. Approves nothing itself. */
final class BulkSelection {
    private final ObservableList<QueueRow> rows = FXCollections.observableArrayList();
    private final BooleanProperty handlerSet = new SimpleBooleanProperty();
    private final BooleanBinding offered = handlerSet.and(Bindings.size(rows).greaterThan(1));
    private Consumer<List<QueueRow>> handler;

    ObservableList<QueueRow> rows() {
        return rows;
    }

    void handler(Consumer<List<QueueRow>> value) {
        handler = value;
        handlerSet.set(value != null);
    }

    BooleanBinding offered() {
        return offered;
    }

    void request() {
        if (handler != null && !rows.isEmpty()) {
            handler.accept(List.copyOf(rows));
        }
    }
}
