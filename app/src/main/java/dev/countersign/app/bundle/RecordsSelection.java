package dev.countersign.app.bundle;

import dev.countersign.app.records.RecordRow;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.TableView;

/**
 * Finds the records table inside whatever node the records-view factory built (the console's records view, or the
 * window's own table), to select a record a finding names and to read which record is selected. The table is the
 * first {@link TableView} whose items are {@link RecordRow}s, or the first table when it is still empty.
 */
final class RecordsSelection {
    private RecordsSelection() {}

    static Optional<TableView<?>> table(Node view) {
        if (view instanceof TableView<?> table) {
            return Optional.of(table);
        }
        if (view instanceof dev.countersign.app.records.RecordsView records) {
            return Optional.of(records.table()); // inside a SplitPane, which adds it as a child only once skinned
        }
        if (!(view instanceof Parent)) {
            return Optional.empty();
        }
        TableView<?> first = null;
        for (Node n : view.lookupAll(".table-view")) {
            if (n instanceof TableView<?> table) {
                if (!table.getItems().isEmpty() && table.getItems().get(0) instanceof RecordRow) {
                    return Optional.of(table);
                }
                first = first == null ? table : first;
            }
        }
        return Optional.ofNullable(first);
    }

    /** Selects and shows the row of {@code recordId}; false if the table does not show it (filtered out, say). */
    static boolean select(TableView<?> table, String recordId) {
        for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i) instanceof RecordRow row && row.record().recordId().equals(recordId)) {
                table.getSelectionModel().clearAndSelect(i);
                table.scrollTo(i);
                return true;
            }
        }
        return false;
    }
}
