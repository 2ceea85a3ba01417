package dev.countersign.app.bundle;

import atlantafx.base.theme.Styles;
import dev.countersign.app.common.Messages;
import dev.countersign.app.records.RecordRow;
import dev.countersign.model.bundle.BundleReport;
import dev.countersign.model.bundle.Finding;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * One opened evidence bundle, read-only: the verdict in words and an icon, the gateway key it is anchored to, who
 * exported it and when, the counts, the findings at their file and record, and the records. Selecting a finding
 * selects its record. Accepts dropped bundle files (each opens in a window of its own).
 */
public final class BundleWindow {
    private final BundleViewModel vm;
    private final Messages messages;
    private final Stage stage;
    private final Function<List<RecordRow>, Node> recordsView;
    private final Consumer<RecordRow> decisionReport;
    private final Consumer<BundleReport> summaryReport;
    private final Consumer<Path> openOther;
    private final Runnable chooseOther;
    private final StackPane records = new StackPane();
    private final ObjectProperty<RecordRow> selectedRow = new SimpleObjectProperty<>();
    private final BorderPane root = new BorderPane();
    private TableView<?> recordsTable;

    /**
     * @param recordsView    builds the records table from the bundle's rows
     * @param decisionReport "Decision report (PDF)…" for the selected record; null hides the button
     * @param summaryReport  "Bundle summary (PDF)…"; null hides the button
     * @param openOther      opens another bundle (dropped on this window) in a window of its own
     * @param chooseOther    "Open another bundle…"
     */
    BundleWindow(BundleViewModel vm, Messages messages, Stage stage, String stylesheet,
            Function<List<RecordRow>, Node> recordsView, Consumer<RecordRow> decisionReport,
            Consumer<BundleReport> summaryReport, Consumer<Path> openOther, Runnable chooseOther) {
        this.vm = vm;
        this.messages = messages;
        this.stage = stage;
        this.recordsView = recordsView;
        this.decisionReport = decisionReport;
        this.summaryReport = summaryReport;
        this.openOther = openOther;
        this.chooseOther = chooseOther;
        build();
        Scene scene = stage.getScene();
        if (scene == null) {
            scene = new Scene(root, 1180, 760);
            stage.setScene(scene);
        } else {
            scene.setRoot(root);
        }
        if (stylesheet != null && !scene.getStylesheets().contains(stylesheet)) {
            scene.getStylesheets().add(stylesheet);
        }
        BundleDrops.install(scene, openOther);
        stage.titleProperty().bind(Bindings.createStringBinding(() -> messages.format("bundle.window.title",
                vm.fileProperty().get() == null || vm.fileProperty().get().getFileName() == null ? ""
                        : BundleViewModel.revealed(vm.fileProperty().get().getFileName().toString())),
                vm.fileProperty()));
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setOnHidden(e -> vm.cancel()); // closing the window stops a verification still running
    }

    public void show() {
        stage.show();
        stage.toFront();
    }

    public Stage stage() {
        return stage;
    }

    public BundleViewModel viewModel() {
        return vm;
    }

    /** The window's content, for tests and screenshots. */
    public BorderPane root() {
        return root;
    }

    private void build() {
        root.setId("bundleWindow");
        root.getStyleClass().add("bundle-window");
        root.setTop(header());
        SplitPane split = new SplitPane(findings(), recordsPane());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.3);
        split.getStyleClass().add("bundle-split");
        root.setCenter(split);
        root.setBottom(buttons());
    }

    private VBox header() {
        FontIcon icon = new FontIcon();
        icon.setId("bundleVerdictIcon");
        icon.getStyleClass().add("bundle-verdict-icon");
        Label verdict = new Label();
        verdict.setId("bundleVerdict");
        verdict.getStyleClass().addAll(Styles.TITLE_3, "bundle-verdict");
        verdict.setGraphic(icon);
        verdict.setWrapText(true);
        verdict.setMinHeight(Region.USE_PREF_SIZE);
        verdict.textProperty().bind(vm.verdictTextProperty());
        verdict.accessibleTextProperty().bind(vm.verdictTextProperty());
        Runnable restyle = () -> style(verdict, icon);
        vm.phaseProperty().addListener((obs, old, now) -> restyle.run());
        vm.reportProperty().addListener((obs, old, now) -> restyle.run());
        restyle.run();

        Label file = label("bundleFile", "bundle-file");
        file.textProperty().bind(Bindings.createStringBinding(() -> vm.fileProperty().get() == null ? ""
                : messages.format("bundle.file", BundleViewModel.revealed(vm.fileProperty().get().toString())),
                vm.fileProperty()));
        Label anchor = label("bundleAnchor", "bundle-anchor");
        anchor.textProperty().bind(vm.anchorTextProperty());
        anchor.getStyleClass().add("bundle-anchor");
        vm.anchorProperty().addListener((obs, old, now) -> {
            anchor.getStyleClass().removeAll("bundle-anchor-warning", "bundle-anchor-ok");
            if (now == BundleViewModel.Anchor.OTHER_GATEWAY || now == BundleViewModel.Anchor.UNPINNED) {
                anchor.getStyleClass().add("bundle-anchor-warning");
            } else if (now == BundleViewModel.Anchor.PINNED || now == BundleViewModel.Anchor.SAME_GATEWAY) {
                anchor.getStyleClass().add("bundle-anchor-ok");
            }
        });
        Label exported = label("bundleExported", "bundle-exported");
        exported.textProperty().bind(vm.exportTextProperty());
        Label counts = label("bundleCounts", "bundle-counts");
        counts.textProperty().bind(vm.countsTextProperty());

        HBox progress = ProgressRow.of(messages, "bundle", vm.progressProperty(), vm.progressTextProperty(),
                vm::cancel, vm.phaseProperty().isEqualTo(BundleViewModel.Phase.VERIFYING));

        VBox header = new VBox(4, verdict, file, anchor, exported, counts, progress);
        header.setPadding(new Insets(14, 16, 10, 16));
        header.getStyleClass().add("bundle-header");
        return header;
    }

    private Label label(String id, String styleClass) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(styleClass);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.accessibleTextProperty().bind(label.textProperty());
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    private void style(Label verdict, FontIcon icon) {
        verdict.getStyleClass().removeAll("bundle-valid", "bundle-invalid", "bundle-unreadable", "bundle-pending");
        BundleReport report = vm.reportProperty().get();
        if (report == null) {
            verdict.getStyleClass().add("bundle-pending");
            icon.setIconCode(vm.phaseProperty().get() == BundleViewModel.Phase.CANCELLED ? MaterialDesignC.CANCEL
                    : MaterialDesignF.FILE_DOCUMENT_OUTLINE);
            return;
        }
        switch (report.status()) {
            case VALID -> {
                verdict.getStyleClass().add("bundle-valid");
                icon.setIconCode(MaterialDesignS.SHIELD_CHECK);
            }
            case INVALID -> {
                verdict.getStyleClass().add("bundle-invalid");
                icon.setIconCode(MaterialDesignS.SHIELD_ALERT);
            }
            case UNREADABLE -> {
                verdict.getStyleClass().add("bundle-unreadable");
                icon.setIconCode(MaterialDesignF.FILE_QUESTION_OUTLINE);
            }
        }
    }

    private VBox findings() {
        Label title = new Label(messages.get("bundle.findings.title"));
        title.getStyleClass().add(Styles.TITLE_4);
        TableView<Finding> table = new TableView<>(vm.findings());
        table.setId("bundleFindings");
        table.setAccessibleText(messages.get("bundle.findings.a11y"));
        table.setPlaceholder(new Label(messages.get("bundle.findings.none")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        TableColumn<Finding, String> severity = column(messages.get("bundle.findings.severity"), 90,
                f -> messages.get("bundle.severity." + f.severity().name().toLowerCase(java.util.Locale.ROOT)));
        TableColumn<Finding, String> file = column(messages.get("bundle.findings.file"), 220,
                f -> f.file() == null ? messages.get("bundle.finding.wholeBundle") : BundleViewModel.revealed(f.file()));
        TableColumn<Finding, String> record = column(messages.get("bundle.findings.record"), 180,
                f -> f.recordId() == null ? "" : BundleViewModel.revealed(f.recordId()));
        TableColumn<Finding, String> message = column(messages.get("bundle.findings.message"), 520,
                f -> BundleViewModel.revealed(f.message()));
        table.getColumns().addAll(List.of(severity, file, record, message));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Finding f, boolean empty) {
                super.updateItem(f, empty);
                getStyleClass().removeAll("bundle-finding-error", "bundle-finding-warning");
                setAccessibleText(empty || f == null ? null : vm.findingText(f));
                setTooltip(empty || f == null ? null : new Tooltip(vm.findingText(f)));
                if (!empty && f != null) {
                    getStyleClass().add(f.severity() == Finding.Severity.ERROR ? "bundle-finding-error"
                            : "bundle-finding-warning");
                }
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> vm.select(now));
        VBox box = new VBox(6, title, table);
        box.setPadding(new Insets(8, 16, 8, 16));
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setId("bundleFindingsPane");
        return box;
    }

    private static <T> TableColumn<T, String> column(String title, double width, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }

    private VBox recordsPane() {
        Label title = new Label(messages.get("bundle.records.title"));
        title.getStyleClass().add(Styles.TITLE_4);
        records.setId("bundleRecords");
        showRecords();
        vm.rows().addListener((ListChangeListener<RecordRow>) c -> showRecords());
        vm.selectedRecordIdProperty().addListener((obs, old, id) -> selectRecord(id));
        VBox box = new VBox(6, title, records);
        box.setPadding(new Insets(8, 16, 8, 16));
        VBox.setVgrow(records, Priority.ALWAYS);
        return box;
    }

    private void showRecords() {
        selectedRow.set(null);
        recordsTable = null;
        if (vm.rows().isEmpty()) {
            Label none = new Label();
            none.textProperty().bind(Bindings.createStringBinding(() -> messages.get(
                    vm.phaseProperty().get() == BundleViewModel.Phase.VERIFYING ? "bundle.records.waiting"
                            : "bundle.records.none"), vm.phaseProperty()));
            none.setId("bundleRecordsNone");
            records.getChildren().setAll(none);
            return;
        }
        Node view = recordsView.apply(List.copyOf(vm.rows()));
        records.getChildren().setAll(view);
        recordsTable = RecordsSelection.table(view).orElse(null);
        if (recordsTable != null) {
            recordsTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) ->
                    selectedRow.set(now instanceof RecordRow row ? row : null));
        }
    }

    private void selectRecord(String recordId) {
        if (recordId != null && recordsTable != null) {
            RecordsSelection.select(recordsTable, recordId);
        }
    }

    private HBox buttons() {
        Button open = new Button(messages.get("bundle.openOther"), new FontIcon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
        open.setId("bundleOpenOther");
        open.setMnemonicParsing(false);
        open.setAccessibleText(messages.get("bundle.openOther.a11y"));
        open.setOnAction(e -> chooseOther.run());

        Button decision = new Button(messages.get("bundle.decisionReport"), new FontIcon(MaterialDesignF.FILE_PDF_BOX));
        decision.setId("bundleDecisionReport");
        decision.setMnemonicParsing(false);
        decision.setAccessibleText(messages.get("bundle.decisionReport.a11y"));
        decision.disableProperty().bind(selectedRow.isNull());
        decision.setOnAction(e -> Optional.ofNullable(selectedRow.get()).ifPresent(decisionReport));
        decision.setVisible(decisionReport != null);
        decision.setManaged(decisionReport != null);

        Button summary = new Button(messages.get("bundle.summaryReport"), new FontIcon(MaterialDesignF.FILE_PDF_BOX));
        summary.setId("bundleSummaryReport");
        summary.setMnemonicParsing(false);
        summary.setAccessibleText(messages.get("bundle.summaryReport.a11y"));
        summary.disableProperty().bind(vm.reportProperty().isNull());
        summary.setOnAction(e -> Optional.ofNullable(vm.reportProperty().get()).ifPresent(summaryReport));
        summary.setVisible(summaryReport != null);
        summary.setManaged(summaryReport != null);

        Button close = new Button(messages.get("bundle.close"));
        close.setId("bundleClose");
        close.setMnemonicParsing(false);
        close.setAccessibleText(messages.get("bundle.close.a11y"));
        close.setOnAction(e -> stage.close());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, open, decision, summary, spacer, close);
        buttons.setAlignment(Pos.CENTER_LEFT);
        buttons.setPadding(new Insets(8, 16, 12, 16));
        buttons.getStyleClass().add("bundle-buttons");
        return buttons;
    }
}
