package dev.countersign.app.queue;

import atlantafx.base.controls.CustomTextField;
import dev.countersign.app.cache.ProposalSummary;
import dev.countersign.app.common.Chips;
import dev.countersign.app.common.Messages;
import dev.countersign.app.review.UntrustedText;
import dev.countersign.model.RiskTier;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/** The approval queue as a table: tier badge, action, target, environment, agent, age, expiry, status. */
public final class QueueView extends VBox {
    private static final PseudoClass CLOSED = PseudoClass.getPseudoClass("closed");

    private final Messages messages;
    private final QueueTexts texts;
    private final Chips chips;
    private final TableView<QueueRow> table = new TableView<>();
    private final CustomTextField search = new CustomTextField();

    public QueueView(QueueViewModel vm, Messages messages, Chips chips) {
        this.messages = messages;
        this.texts = vm.texts();
        this.chips = chips;
        getStyleClass().add("queue");
        setMinWidth(0);

        Label title = new Label(messages.get("queue.title"), new FontIcon(MaterialDesignT.TRAY_FULL));
        title.getStyleClass().add("section-title");
        Label count = new Label();
        count.getStyleClass().add("muted");
        count.textProperty().bind(Bindings.createStringBinding(() -> {
            String counts = messages.format("queue.count", vm.openCountProperty().get(), vm.rows().size());
            return vm.visibleRows().size() == vm.rows().size() ? counts
                    : counts + " · " + messages.format("queue.shown", vm.visibleRows().size());
        }, vm.openCountProperty(), vm.rows(), vm.visibleRows()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, title, spacer, count);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("queue-header");

        table.setId("queueTable");
        table.setAccessibleText(messages.get("queue.a11y"));
        SortedList<QueueRow> sorted = new SortedList<>(vm.visibleRows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setPlaceholder(new Label(messages.get("queue.empty")));
        table.getColumns().add(tierColumn());
        table.getColumns().add(twoLineColumn("queue.col.proposal", 190, r -> fixed(
                texts.action(r.summary().actionType()) + "\n" + r.summary().targetName())));
        table.getColumns().add(twoLineColumn("queue.col.agentAge", 100, r -> Bindings.concat(
                texts.agentShort(UntrustedText.reveal(r.summary().agentId()).text()), "\n", r.ageProperty())));
        table.getColumns().add(twoLineColumn("queue.col.statusExpiry", 138, r -> Bindings.concat(
                r.statusProperty(), "\n", r.expiryProperty())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().get(2).setMinWidth(84); // agent: truncates first, full id in the tooltip
        table.getColumns().get(3).setMinWidth(138); // status: "1 of 2 approvals" always whole
        table.setRowFactory(t -> new QueueTableRow());
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> vm.selectedProperty().set(row));
        vm.selectedProperty().addListener((obs, old, row) -> {
            if (row != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(row);
            }
        });
        search.setId("queueSearch");
        search.setPromptText(messages.get("queue.filter.prompt"));
        search.setAccessibleText(messages.get("queue.filter.a11y"));
        search.setLeft(new FontIcon(MaterialDesignM.MAGNIFY));
        search.textProperty().bindBidirectional(vm.filterProperty());
        search.getStyleClass().add("queue-search");
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(header, search, table);
    }

    public TableView<QueueRow> table() {
        return table;
    }

    private TableColumn<QueueRow, RiskTier> tierColumn() {
        TableColumn<QueueRow, RiskTier> column = new TableColumn<>(messages.get("queue.col.tier"));
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().summary().riskTier()));
        column.setComparator(RiskTier::compareTo);
        column.setPrefWidth(78);
        column.setMinWidth(78);
        column.setMaxWidth(78);
        column.setCellFactory(c -> new TableCell<>() {
            private final Label chip = new Label();
            private final Label environment = new Label();
            private final VBox box = new VBox(2, chip, environment);

            {
                environment.getStyleClass().add("cell-env");
            }

            @Override
            protected void updateItem(RiskTier tier, boolean empty) {
                super.updateItem(tier, empty);
                setText(null);
                QueueRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (tier == null || row == null) {
                    setGraphic(null);
                    return;
                }
                chips.retier(chip, tier);
                environment.setText(row.summary().environment());
                setGraphic(box);
            }
        });
        return column;
    }

    /** A column whose value is two lines: the first is the fact, the second (muted) its detail. */
    private TableColumn<QueueRow, String> twoLineColumn(String key, double width,
            Function<QueueRow, ObservableValue<String>> value) {
        TableColumn<QueueRow, String> column = textColumn(key, width, value);
        boolean strong = !key.equals("queue.col.agentAge");
        column.setCellFactory(c -> new TableCell<>() {
            private final Label first = new Label();
            private final Label second = new Label();
            private final VBox box = new VBox(1, first, second);
            private final Tooltip tip = new Tooltip();
            private QueueRow tipRow;

            {
                tip.setOnShowing(e -> tip.setText(tipRow == null ? "" : tooltip(tipRow))); // made when shown
            }

            {
                first.getStyleClass().add(strong ? "cell-primary" : "cell-plain");
                second.getStyleClass().add("cell-secondary");
                box.setMinWidth(0);
            }

            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(null);
                if (empty || text == null) {
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                int nl = text.indexOf('\n');
                first.setText(nl < 0 ? text : text.substring(0, nl));
                second.setText(nl < 0 ? "" : text.substring(nl + 1));
                setGraphic(box);
                QueueRow row = getTableRow() == null ? null : getTableRow().getItem();
                tipRow = row;
                setTooltip(row == null ? null : tip);
            }
        });
        return column;
    }

    private String tooltip(QueueRow row) {
        ProposalSummary p = row.summary();
        return messages.format("queue.tooltip", texts.action(p.actionType()), p.targetName(),
                texts.kind(p.targetKind()), p.environment(), UntrustedText.reveal(p.agentId()).text(),
                row.ageProperty().get(), row.expiryProperty().get(), row.statusProperty().get(), p.id());
    }

    private TableColumn<QueueRow, String> textColumn(String key, double width,
            Function<QueueRow, ObservableValue<String>> value) {
        TableColumn<QueueRow, String> column = new TableColumn<>(messages.get(key));
        column.setCellValueFactory(c -> value.apply(c.getValue()));
        column.setPrefWidth(width);
        return column;
    }

    private static ObservableValue<String> fixed(String text) {
        return new ReadOnlyObjectWrapper<>(text);
    }

    /** Marks decided and expired rows so the stylesheet can mute them. */
    private final class QueueTableRow extends TableRow<QueueRow> {
        private final javafx.beans.value.ChangeListener<Boolean> openListener =
                (obs, old, open) -> pseudoClassStateChanged(CLOSED, !open);
        private QueueRow watched;

        @Override
        protected void updateItem(QueueRow row, boolean empty) {
            super.updateItem(row, empty);
            if (watched != null) {
                watched.openProperty().removeListener(openListener);
            }
            watched = empty ? null : row;
            if (watched != null) {
                watched.openProperty().addListener(openListener);
                pseudoClassStateChanged(CLOSED, !watched.openProperty().get());
                ProposalSummary p = watched.summary();
                setAccessibleText(messages.format("a11y.queueRow", texts.tier(p.riskTier()),
                        texts.action(p.actionType()), p.targetName(), p.environment(),
                        watched.statusProperty().get()));
            } else {
                pseudoClassStateChanged(CLOSED, false);
                setAccessibleText(null);
            }
        }
    }
}
