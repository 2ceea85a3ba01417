package dev.countersign.app.queue;

import atlantafx.base.controls.CustomTextField;
import dev.countersign.app.cache.ProposalSummary;
import dev.countersign.app.common.Chips;
import dev.countersign.app.common.Messages;
import dev.countersign.app.common.UntrustedText;
import dev.countersign.model.RiskTier;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.SelectionMode;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
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
    private static final PseudoClass EXPIRING = PseudoClass.getPseudoClass("expiring");

    private final Messages messages;
    private final QueueTexts texts;
    private final Chips chips;
    private final TableView<QueueRow> table = new TableView<>();
    private final CustomTextField search = new CustomTextField();
    private final QueueViewModel vm;
    private final SortedList<QueueRow> sorted;
    private final Map<TableColumn<QueueRow, ?>, Comparator<QueueRow>> orders = new HashMap<>();
    private boolean syncingSelection;

    /** The queue without saved filters (benchmarks). */
    public QueueView(QueueViewModel vm, Messages messages, Chips chips) {
        this(vm, messages, chips, null);
    }

    /** @param saved the reviewer's saved filters; null offers none */
    public QueueView(QueueViewModel vm, Messages messages, Chips chips, SavedFiltersViewModel saved) {
        this.vm = vm;
        this.messages = messages;
        this.texts = vm.texts();
        this.chips = chips;
        getStyleClass().add("queue");
        setMinWidth(0);

        Label title = new Label(messages.get("queue.title"), new FontIcon(MaterialDesignT.TRAY_FULL));
        title.getStyleClass().add("section-title");
        title.setTooltip(new Tooltip(messages.get("queue.keys.help")));
        Label count = new Label();
        count.setId("queueCount");
        count.getStyleClass().add("muted");
        count.textProperty().bind(Bindings.createStringBinding(() -> vm.filtered()
                ? messages.format("queue.countFiltered", vm.visibleRows().size(), vm.rows().size(),
                        vm.openCountProperty().get())
                : messages.format("queue.count", vm.openCountProperty().get(), vm.rows().size()),
                vm.openCountProperty(), vm.rows(), vm.visibleRows(), vm.queueFilterProperty()));
        count.accessibleTextProperty().bind(count.textProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, title, spacer, count);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("queue-header");

        table.setId("queueTable");
        table.setAccessibleText(messages.get("queue.a11y"));
        sorted = new SortedList<>(vm.visibleRows());
        table.setItems(sorted);
        table.setPlaceholder(new Label(messages.get("queue.empty")));
        TableColumn<QueueRow, RiskTier> tierColumn = tierColumn();
        tierColumn.getStyleClass().add("queue-tier-column");
        table.getColumns().add(sortable(tierColumn, QueueSort.tier()));
        table.getColumns().add(sortable(twoLineColumn("queue.col.proposal", 190, r -> fixed(
                texts.action(r.summary().actionType()) + "\n" + UntrustedText.reveal(r.summary().targetName()).text())),
                QueueSort.proposal(texts)));
        TableColumn<QueueRow, String> agentColumn = twoLineColumn("queue.col.agentAge", 100, r -> Bindings.concat(
                texts.agentShort(UntrustedText.reveal(r.summary().agentId()).text()), "\n", r.ageProperty()));
        agentColumn.setMinWidth(84); // truncates first; the full id is in the tooltip
        table.getColumns().add(sortable(agentColumn, QueueSort.agent(texts)));
        TableColumn<QueueRow, String> statusColumn = twoLineColumn("queue.col.statusExpiry", 138,
                r -> Bindings.concat(r.statusProperty(), "\n", r.expiryProperty()));
        statusColumn.getStyleClass().add("queue-status-column");
        statusColumn.setMinWidth(138); // "1 of 2 approvals" always whole
        table.getColumns().add(sortable(statusColumn, QueueSort.statusExpiry()));
        table.setSortPolicy(t -> {
            sorted.setComparator(comparator());
            return true;
        });
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setRowFactory(t -> new QueueTableRow());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (!syncingSelection) {
                vm.selectedProperty().set(row);
            }
        });
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<QueueRow>) c -> {
            if (!syncingSelection) {
                vm.selectedRows().setAll(table.getSelectionModel().getSelectedItems());
            }
        });
        vm.selectedProperty().addListener((obs, old, row) -> show(row));
        table.addEventFilter(KeyEvent.KEY_PRESSED, this::tableKey);
        search.setId("queueSearch");
        search.setPromptText(messages.get("queue.filter.prompt"));
        search.setAccessibleText(messages.get("queue.filter.a11y"));
        search.setLeft(new FontIcon(MaterialDesignM.MAGNIFY));
        search.textProperty().bindBidirectional(vm.filterProperty());
        search.getStyleClass().add("queue-search");
        search.setTooltip(new Tooltip(messages.get("queue.keys.help")));
        search.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && !search.getText().isEmpty()) {
                search.clear();
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN) {
                focusTable();
                e.consume();
            }
        });
        sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.getAccelerators().remove(FIND);
            }
            if (scene != null) {
                scene.getAccelerators().put(FIND, () -> {
                    search.requestFocus();
                    search.selectAll();
                });
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(header, new FilterBarView(vm, messages, saved, search), table);
    }

    private static final KeyCombination FIND = KeyCombination.keyCombination("Shortcut+F");

    /**
     * Up, Down, Home, End, Page Up and Page Down move through the rows (the table's own keys); Enter moves to the
     * review. No key in the queue decides anything: approving is done in the review's decision bar.
     */
    private void tableKey(KeyEvent e) {
        if (e.getCode() == KeyCode.ENTER) {
            e.consume();
            int focused = table.getFocusModel().getFocusedIndex();
            if (focused >= 0 && table.getSelectionModel().getSelectedIndices().size() <= 1) {
                table.getSelectionModel().clearAndSelect(focused);
            }
            if (vm.selectedProperty().get() != null && getScene() != null) {
                Node review = getScene().lookup(".review-scroll");
                if (review != null && review.isVisible()) {
                    review.requestFocus();
                }
            }
        }
    }

    private void focusTable() {
        table.requestFocus();
        if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
            table.getSelectionModel().clearAndSelect(0);
            table.getFocusModel().focus(0);
        }
    }

    /** Shows the view model's selected row as the table's single selection (unless it is already selected). */
    private void show(QueueRow row) {
        if (row == table.getSelectionModel().getSelectedItem()) {
            return;
        }
        syncingSelection = true;
        try {
            int index = row == null ? -1 : table.getItems().indexOf(row);
            if (index < 0) {
                table.getSelectionModel().clearSelection();
            } else {
                table.getSelectionModel().clearAndSelect(index);
                table.scrollTo(index);
            }
        } finally {
            syncingSelection = false;
        }
        vm.selectedRows().setAll(table.getSelectionModel().getSelectedItems());
    }

    private <T> TableColumn<QueueRow, T> sortable(TableColumn<QueueRow, T> column, Comparator<QueueRow> order) {
        orders.put(column, order);
        column.setSortable(true);
        return column;
    }

    /** The columns' sort order, ties in queue order; null (queue order) when no column sorts. */
    private Comparator<QueueRow> comparator() {
        Comparator<QueueRow> order = null;
        for (TableColumn<QueueRow, ?> column : table.getSortOrder()) {
            Comparator<QueueRow> one = orders.get(column);
            if (one == null) {
                continue;
            }
            if (column.getSortType() == TableColumn.SortType.DESCENDING) {
                one = one.reversed();
            }
            order = order == null ? one : order.thenComparing(one);
        }
        return order == null ? null : order.thenComparing(QueueViewModel.ORDER);
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
        return messages.format("queue.tooltip", texts.action(p.actionType()),
                UntrustedText.reveal(p.targetName()).text(), texts.kind(p.targetKind()),
                UntrustedText.reveal(p.environment()).text(), UntrustedText.reveal(p.agentId()).text(),
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
        private final javafx.beans.value.ChangeListener<Boolean> expiringListener =
                (obs, old, soon) -> pseudoClassStateChanged(EXPIRING, soon);
        private QueueRow watched;

        @Override
        protected void updateItem(QueueRow row, boolean empty) {
            super.updateItem(row, empty);
            if (watched != null) {
                watched.openProperty().removeListener(openListener);
                watched.expiringSoonProperty().removeListener(expiringListener);
            }
            watched = empty ? null : row;
            if (watched != null) {
                watched.openProperty().addListener(openListener);
                watched.expiringSoonProperty().addListener(expiringListener);
                pseudoClassStateChanged(CLOSED, !watched.openProperty().get());
                pseudoClassStateChanged(EXPIRING, watched.expiringSoonProperty().get());
                ProposalSummary p = watched.summary();
                setAccessibleText(messages.format("a11y.queueRow", texts.tier(p.riskTier()),
                        texts.action(p.actionType()), UntrustedText.reveal(p.targetName()).text(),
                        UntrustedText.reveal(p.environment()).text(),
                        watched.statusProperty().get()));
            } else {
                pseudoClassStateChanged(CLOSED, false);
                pseudoClassStateChanged(EXPIRING, false);
                setAccessibleText(null);
            }
        }
    }
}
