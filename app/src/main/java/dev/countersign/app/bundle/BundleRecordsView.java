package dev.countersign.app.bundle;

import dev.countersign.app.common.Messages;
import dev.countersign.app.common.TimeTexts;
import dev.countersign.app.records.RecordRow;
import dev.countersign.model.bundle.RecordCheck;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/**
 * The bundle window's own records table, read-only: record id, reviewer, verdict, when decided, verification state.
 * The console plugs in its full records view instead; this one keeps the window whole without it (and in tests).
 */
public final class BundleRecordsView {
    private BundleRecordsView() {}

    /** A factory for {@link BundleOpener#setRecordsView}. */
    public static Function<List<RecordRow>, Node> factory(Messages messages, TimeTexts time) {
        return rows -> table(rows, messages, time);
    }

    static TableView<RecordRow> table(List<RecordRow> rows, Messages messages, TimeTexts time) {
        TableView<RecordRow> table = new TableView<>(FXCollections.observableArrayList(rows));
        table.setId("bundleRecordsTable");
        table.setAccessibleText(messages.get("bundle.records.a11y"));
        table.setEditable(false);
        table.setPlaceholder(new Label(messages.get("bundle.records.none")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.getColumns().add(column(messages.get("bundle.records.id"), 200,
                r -> BundleViewModel.revealed(r.record().recordId())));
        table.getColumns().add(column(messages.get("bundle.records.reviewer"), 200,
                r -> BundleViewModel.revealed(r.record().reviewer())));
        table.getColumns().add(column(messages.get("bundle.records.verdict"), 90,
                r -> messages.get("bundle.records.verdict." + r.record().verdict().json())));
        TableColumn<RecordRow, Instant> decided = new TableColumn<>(messages.get("bundle.records.decided"));
        decided.setPrefWidth(150);
        decided.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(decidedAt(c.getValue())));
        decided.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Instant at, boolean empty) {
                super.updateItem(at, empty);
                setText(empty || at == null ? null : time.localDateTime(at));
            }
        });
        table.getColumns().add(decided);
        table.getColumns().add(column(messages.get("bundle.records.state"), 260, r -> state(r.check(), messages)));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(RecordRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("bundle-record-failed", "bundle-record-unknown");
                if (!empty && row != null && (row.check() == null || !row.check().verified())) {
                    getStyleClass().add(row.check() != null && row.check().failed() ? "bundle-record-failed"
                            : "bundle-record-unknown");
                }
            }
        });
        return table;
    }

    private static TableColumn<RecordRow, String> column(String title, double width,
            Function<RecordRow, String> value) {
        TableColumn<RecordRow, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }

    private static Instant decidedAt(RecordRow row) {
        if (row.check() != null && row.check().decision() != null) {
            return row.check().decision().decidedAt();
        }
        return row.record().recordedAt();
    }

    /** "Verified", or which checks failed or could not be made. */
    static String state(RecordCheck check, Messages messages) {
        if (check == null) {
            return messages.get("bundle.state.notChecked");
        }
        if (check.verified()) {
            return messages.get("bundle.state.verified");
        }
        List<String> failed = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        sort(check.signature(), "signature", failed, unknown, messages);
        sort(check.keyEnrolled(), "keyEnrolled", failed, unknown, messages);
        sort(check.inLog(), "inLog", failed, unknown, messages);
        sort(check.proposal(), "proposal", failed, unknown, messages);
        sort(check.context(), "context", failed, unknown, messages);
        if (!failed.isEmpty()) {
            return messages.format("bundle.state.failed", String.join(", ", failed));
        }
        return messages.format("bundle.state.unknown", String.join(", ", unknown));
    }

    private static void sort(RecordCheck.State state, String what, List<String> failed, List<String> unknown,
            Messages messages) {
        String name = messages.get("bundle.check." + what);
        if (state == RecordCheck.State.FAILED) {
            failed.add(name);
        } else if (state != RecordCheck.State.OK) {
            unknown.add(name);
        }
    }
}
