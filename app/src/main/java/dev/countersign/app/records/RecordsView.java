package dev.countersign.app.records;

import atlantafx.base.theme.Styles;
import dev.countersign.app.common.Chips;
import dev.countersign.app.common.Messages;
import dev.countersign.app.common.UntrustedText;
import dev.countersign.model.RiskTier;
import dev.countersign.model.Verdict;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/**
 * Every decision the console can see, as a table with its verification state, above the selected record's detail.
 * The same view shows records opened from a bundle, read-only with the caller's banner.
 */
public final class RecordsView extends VBox {
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    private final RecordsViewModel vm;
    private final RecordTexts texts;
    private final Messages messages;
    private final Chips chips;
    private final TableView<RecordRow> table = new TableView<>();
    private boolean syncing;

    public RecordsView(RecordsViewModel vm, RecordTexts texts, Chips chips) {
        this.vm = vm;
        this.texts = texts;
        this.messages = texts.messages();
        this.chips = chips;
        getStyleClass().add("records-view");
        setId(vm.readOnly() ? "bundleRecords" : "recordsView");
        setSpacing(6);

        RecordsFilterBarView filters = new RecordsFilterBarView(vm, texts);
        buildTable();
        RecordDetailView detail = new RecordDetailView(texts, chips);
        vm.selectedProperty().addListener((obs, old, row) -> detail.show(row));
        detail.show(vm.selectedProperty().get());
        ScrollPane detailScroll = new ScrollPane(detail);
        detailScroll.setFitToWidth(true);
        detailScroll.setId("recordDetailScroll");
        detailScroll.getStyleClass().add("record-detail-scroll");
        SplitPane split = new SplitPane(table, detailScroll);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        split.getStyleClass().add("records-split");
        VBox.setVgrow(split, Priority.ALWAYS);

        getChildren().add(header());
        if (vm.banner() != null) {
            Label banner = new Label(vm.banner(), new FontIcon(MaterialDesignP.PACKAGE_VARIANT_CLOSED));
            banner.setId("recordsBanner");
            banner.setWrapText(true);
            banner.setMaxWidth(Double.MAX_VALUE);
            banner.getStyleClass().add("records-banner");
            banner.setAccessibleText(vm.banner());
            getChildren().add(banner);
        }
        Label error = new Label();
        error.setId("recordsError");
        error.setWrapText(true);
        error.setGraphic(new FontIcon(MaterialDesignA.ALERT_CIRCLE_OUTLINE));
        error.getStyleClass().add("records-error");
        error.textProperty().bind(Bindings.createStringBinding(() -> vm.loadErrorProperty().get() == null ? ""
                : messages.format("records.loadFailed", vm.loadErrorProperty().get()), vm.loadErrorProperty()));
        error.accessibleTextProperty().bind(error.textProperty());
        error.visibleProperty().bind(vm.loadErrorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());
        getChildren().addAll(error, filters, split);

        // Ctrl+F within the records finds in the records (the queue's own Ctrl+F is a scene accelerator)
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (FIND.match(e)) {
                filters.search().requestFocus();
                filters.search().selectAll();
                e.consume();
            }
        });
    }

    private static final KeyCombination FIND = KeyCombination.keyCombination("Shortcut+F");

    private HBox header() {
        Label title = new Label(messages.get(vm.readOnly() ? "records.title.bundle" : "records.title"),
                new FontIcon(MaterialDesignF.FILE_DOCUMENT_MULTIPLE_OUTLINE));
        title.getStyleClass().add("section-title");
        Label count = new Label();
        count.setId("recordsCount");
        count.getStyleClass().add("muted");
        count.textProperty().bind(Bindings.createStringBinding(this::countText, vm.rows(), vm.visibleRows(),
                vm.shownFailedProperty(), vm.filterProperty(), vm.periodProperty(), vm.searchProperty()));
        count.accessibleTextProperty().bind(count.textProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, title, count, spacer);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("records-header");
        if (!vm.readOnly()) {
            Button reload = new Button(messages.get("records.reload"), new FontIcon(MaterialDesignR.REFRESH));
            reload.setId("recordsReload");
            reload.setAccessibleText(messages.get("records.reload.a11y"));
            reload.setTooltip(new Tooltip(messages.get("records.reload.a11y")));
            reload.disableProperty().bind(vm.loadingProperty());
            reload.setOnAction(e -> vm.reload());
            header.getChildren().add(reload);
        }
        if (vm.offersReport()) {
            Button report = new Button(messages.get("records.report"), new FontIcon(MaterialDesignF.FILE_PDF_BOX));
            report.setId("recordsReport");
            report.setAccessibleText(messages.get("records.report.a11y"));
            report.setTooltip(new Tooltip(messages.get("records.report.a11y")));
            report.disableProperty().bind(vm.canReportProperty().not());
            report.setOnAction(e -> vm.decisionReport());
            header.getChildren().add(report);
        }
        if (vm.offersExport()) {
            Button export = new Button(messages.get("records.export"), new FontIcon(MaterialDesignP.PACKAGE_DOWN));
            export.setId("recordsExport");
            export.getStyleClass().add(Styles.ACCENT);
            export.setTooltip(new Tooltip(messages.get("records.export.tip")));
            export.accessibleTextProperty().bind(Bindings.createStringBinding(() -> vm.selectedRows().isEmpty()
                    ? messages.format("records.export.a11y.shown", vm.visibleRows().size())
                    : messages.format("records.export.a11y.selected", vm.selectedRows().size()),
                    vm.selectedRows(), vm.visibleRows()));
            export.disableProperty().bind(vm.canExportProperty().not());
            export.setOnAction(e -> vm.exportBundle());
            header.getChildren().add(export);
        }
        return header;
    }

    private String countText() {
        int shown = vm.visibleRows().size();
        int total = vm.rows().size();
        int failed = vm.shownFailedProperty().get();
        String base = vm.filtered() ? messages.format("records.count.filtered", shown, total)
                : messages.format("records.count", total);
        return failed == 0 ? base : messages.format("records.count.failed", base, failed);
    }

    private void buildTable() {
        table.setId("recordsTable");
        table.setAccessibleText(messages.get("records.table.a11y"));
        table.setPlaceholder(new Label(messages.get(vm.readOnly() ? "records.empty.bundle" : "records.empty")));
        javafx.collections.transformation.SortedList<RecordRow> sorted =
                new javafx.collections.transformation.SortedList<>(vm.visibleRows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getColumns().add(column("records.col.decidedAt", 134, RecordRow::decidedAt, texts::shortDateTime));
        table.getColumns().add(verdictColumn());
        table.getColumns().add(column("records.col.reviewer", 166, RecordRow::reviewer, s -> s));
        table.getColumns().add(column("records.col.action", 120, RecordRow::actionType, texts::action));
        table.getColumns().add(column("records.col.target", 146, RecordRow::targetName, RecordsView::revealed));
        table.getColumns().add(column("records.col.environment", 66, RecordRow::environment, RecordsView::revealed));
        table.getColumns().add(tierColumn());
        TableColumn<RecordRow, String> agent = column("records.col.agent", 118, RecordRow::agentId,
                s -> s == null ? "" : agentShort(UntrustedText.reveal(s).text()));
        agent.setUserData((Function<Object, String>) s -> UntrustedText.reveal((String) s).text()); // whole id
        table.getColumns().add(agent);
        table.getColumns().add(column("records.col.policy", 84, RecordRow::policy, PolicyVersion::version));
        table.getColumns().add(column("records.col.logIndex", 58, RecordRow::logIndex, String::valueOf));
        table.getColumns().add(verificationColumn());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> new RecordTableRow());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<RecordRow>) c -> {
            if (!syncing) {
                syncing = true;
                try {
                    vm.selectedRows().setAll(table.getSelectionModel().getSelectedItems());
                } finally {
                    syncing = false;
                }
            }
        });
        vm.selectedRows().addListener((ListChangeListener<RecordRow>) c -> {
            if (!syncing && !vm.selectedRows().equals(table.getSelectionModel().getSelectedItems())) {
                syncing = true;
                try {
                    table.getSelectionModel().clearSelection();
                    vm.selectedRows().forEach(r -> table.getSelectionModel().select(r));
                } finally {
                    syncing = false;
                }
            }
        });
    }

    private static String revealed(String raw) {
        return raw == null ? "" : UntrustedText.reveal(raw).text();
    }

    /** The last segment of a SPIFFE-like id; the whole id is in the detail and the tooltip. */
    static String agentShort(String agentId) {
        String trimmed = agentId.endsWith("/") ? agentId.substring(0, agentId.length() - 1) : agentId;
        int slash = trimmed.lastIndexOf('/');
        return slash >= 0 && slash < trimmed.length() - 1 ? trimmed.substring(slash + 1) : trimmed;
    }

    private <T extends Comparable<? super T>> TableColumn<RecordRow, T> column(String key, double width,
            Function<RecordRow, T> value, Function<T, String> text) {
        TableColumn<RecordRow, T> column = new TableColumn<>(messages.get(key));
        column.setId(key.substring(key.lastIndexOf('.') + 1) + "Column");
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setComparator(java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? messages.get("records.notHeld") : text.apply(item));
                setTooltip(empty || item == null ? null : new Tooltip(tip(getTableColumn(), item, getText())));
            }
        });
        return column;
    }

    /** A cell's tooltip: the whole value where the cell shows part of it (policy id, the agent's whole id). */
    @SuppressWarnings("unchecked")
    private static String tip(TableColumn<?, ?> column, Object item, String shown) {
        if (item instanceof PolicyVersion p) {
            return p.text();
        }
        return column != null && column.getUserData() instanceof Function<?, ?> whole
                ? ((Function<Object, String>) whole).apply(item) : shown;
    }

    private TableColumn<RecordRow, Verdict> verdictColumn() {
        TableColumn<RecordRow, Verdict> column = column("records.col.verdict", 106, RecordRow::verdict,
                texts::verdict);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Verdict item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("verdict-approve", "verdict-deny", "verdict-escalate");
                if (empty || item == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(texts.verdict(item));
                setGraphic(new FontIcon(switch (item) {
                    case APPROVE -> MaterialDesignA.ACCOUNT_CHECK_OUTLINE;
                    case DENY -> MaterialDesignA.ACCOUNT_CANCEL_OUTLINE;
                    case ESCALATE -> MaterialDesignA.ARROW_UP_BOLD_OUTLINE;
                }));
                getStyleClass().add("verdict-" + item.json());
            }
        });
        return column;
    }

    private TableColumn<RecordRow, RiskTier> tierColumn() {
        TableColumn<RecordRow, RiskTier> column = column("records.col.tier", 80, RecordRow::tier, texts::tier);
        column.setCellFactory(c -> new TableCell<>() {
            private final Label chip = chips.tier(RiskTier.LOW);

            @Override
            protected void updateItem(RiskTier item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item != null ? null : messages.get("records.notHeld"));
                if (empty || item == null) {
                    setGraphic(null);
                } else {
                    chips.retier(chip, item);
                    setGraphic(chip);
                }
            }
        });
        return column;
    }

    private TableColumn<RecordRow, Integer> verificationColumn() {
        TableColumn<RecordRow, Integer> column = new TableColumn<>(messages.get("records.col.verification"));
        column.setId("verificationColumn");
        column.setPrefWidth(190);
        column.setMinWidth(170);
        // failed first when sorted descending, then unknown, then verified
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(rank(c.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            private final Label[] badges = {CheckBadges.badge(), CheckBadges.badge(), CheckBadges.badge()};
            private final HBox box = new HBox(6, badges);

            {
                box.setAlignment(Pos.CENTER_LEFT);
                setAlignment(Pos.CENTER_LEFT);
            }

            @Override
            protected void updateItem(Integer item, boolean empty) {
                super.updateItem(item, empty);
                RecordRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (row == null) {
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                RecordTexts.Check[] checks = {RecordTexts.Check.SIGNATURE, RecordTexts.Check.KEY_ENROLLED,
                        RecordTexts.Check.IN_LOG};
                for (int i = 0; i < checks.length; i++) {
                    CheckBadges.show(badges[i], checks[i].of(row), texts.checkShort(checks[i]),
                            texts.checkLine(checks[i], checks[i].of(row)));
                }
                String all = texts.verification(row);
                setTooltip(new Tooltip(all));
                setAccessibleText(all);
                setGraphic(box);
            }
        });
        return column;
    }

    private static int rank(RecordRow row) {
        if (row.failed()) {
            return 2;
        }
        return row.check() != null && row.check().verified() ? 0 : 1;
    }

    /** A row whose verification failed stands out (a danger stripe and tint, as well as the cross icons). */
    private final class RecordTableRow extends TableRow<RecordRow> {
        @Override
        protected void updateItem(RecordRow item, boolean empty) {
            super.updateItem(item, empty);
            pseudoClassStateChanged(FAILED, !empty && item != null && item.failed());
            setAccessibleText(empty || item == null ? null : messages.format("records.row.a11y",
                    texts.verdict(item.verdict()), item.reviewer(), texts.dateTime(item.decidedAt()),
                    texts.verification(item)));
        }
    }

    public TableView<RecordRow> table() {
        return table;
    }

}
