package dev.countersign.app.identity;

import atlantafx.base.theme.Styles;
import dev.countersign.app.common.FormParts;
import dev.countersign.app.common.FormWindow;
import dev.countersign.app.common.Messages;
import dev.countersign.app.common.TaskRunner;
import dev.countersign.app.common.UserErrors;
import dev.countersign.app.common.UserText;
import dev.countersign.app.keys.KeyFileException;
import dev.countersign.app.sync.GatewayClient;
import dev.countersign.app.sync.GatewayProblemException;
import dev.countersign.model.api.ReviewerView;
import dev.countersign.model.api.SessionChallengeRequest;
import dev.countersign.model.crypto.Signer;
import dev.countersign.model.record.DsseEnvelope;
import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ObservableIntegerValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;

import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/**
 * The key window: who the console signs as and with which key, its unlock state with "Lock now", and the key's
 * life: export the public key, import a key, rotate to a new one. Built from what the composition root has; open it
 * with {@link #show(Window)}.
 */
public final class KeysWindow {
    private final Messages messages;
    private final TaskRunner runner;
    private final UserErrors errors;
    private final ReviewerKeys keys;
    private final SigningSession session;
    private final KeyGate gate;
    private final String stylesheet;
    private final Clock clock;
    private final Consumer<Signer> afterRotation;
    private final KeyFiles files;
    private final KeyChanges.Poster poster;
    private Stage stage;
    private ObservableIntegerValue waitingDecisions = new SimpleIntegerProperty();

    /**
     * The console's key window. {@code afterRotation} runs on the UI thread once the gateway accepted a rotation and
     * the console signs with the new key (e.g. to open a fresh session).
     */
    public KeysWindow(Messages messages, TaskRunner runner, ReviewerKeys keys, SigningSession session, KeyGate gate,
            String stylesheet, Clock clock, Consumer<Signer> afterRotation) {
        this(messages, runner, keys, session, gate, stylesheet, clock, afterRotation, null, null);
    }

    /** With file choosers and a gateway poster of the test's own (null: the real ones). */
    public KeysWindow(Messages messages, TaskRunner runner, ReviewerKeys keys, SigningSession session, KeyGate gate,
            String stylesheet, Clock clock, Consumer<Signer> afterRotation, KeyFiles files, KeyChanges.Poster poster) {
        this.messages = messages;
        this.runner = runner;
        this.errors = new UserErrors(messages);
        this.keys = keys;
        this.session = session;
        this.gate = gate;
        this.stylesheet = stylesheet;
        this.clock = clock;
        this.afterRotation = afterRotation;
        this.files = files != null ? files : new FxFiles();
        this.poster = poster != null ? poster : new GatewayPoster();
    }

    /** Shows the window (or brings it forward if it is open). */
    public Stage show(Window owner) {
        if (stage != null && stage.isShowing()) {
            stage.toFront();
            return stage;
        }
        KeysViewModel vm = new KeysViewModel(messages, runner, errors, keys, session, files, clock);
        Label heading = new Label(messages.get("keys.heading"), new FontIcon(MaterialDesignK.KEY_CHAIN_VARIANT));
        heading.getStyleClass().add(Styles.TITLE_3);

        TextField keyId = new TextField();
        keyId.setId("keysKeyId");
        keyId.setEditable(false);
        keyId.getStyleClass().add("mono");
        keyId.textProperty().bind(vm.keyIdProperty());
        keyId.setAccessibleText(messages.get("keys.keyId"));
        Button copy = new Button(null, new FontIcon(MaterialDesignC.CONTENT_COPY));
        copy.setId("keysCopyKeyId");
        copy.setAccessibleText(messages.get("keys.copyKeyId"));
        copy.setTooltip(new javafx.scene.control.Tooltip(messages.get("keys.copyKeyId")));
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(vm.keyIdForCopy());
            Clipboard.getSystemClipboard().setContent(content);
        });
        HBox keyIdRow = new HBox(6, keyId, copy);
        HBox.setHgrow(keyId, Priority.ALWAYS);
        Label shortId = value("keysShortId", Bindings.concat(messages.get("keys.shortId"), " ",
                vm.shortKeyIdProperty()));
        shortId.getStyleClass().add("muted");

        Label unlock = value("keysUnlockState", vm.unlockStateProperty());
        Button lockNow = new Button(messages.get("keys.lockNow"), new FontIcon(MaterialDesignL.LOCK_OUTLINE));
        lockNow.setId("keysLockNow");
        lockNow.getStyleClass().add(Styles.SMALL);
        lockNow.disableProperty().bind(session.unlockedProperty().not());
        lockNow.setOnAction(e -> vm.lockNow());
        HBox unlockRow = new HBox(10, unlock, lockNow);
        unlockRow.setAlignment(Pos.CENTER_LEFT);

        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(120);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, values);
        int row = 0;
        grid.addRow(row++, name("keys.reviewer"), value("keysReviewer", vm.reviewerProperty()));
        grid.addRow(row++, name("keys.source"), value("keysSource", vm.sourceProperty()));
        grid.addRow(row++, name("keys.keyId"), keyIdRow);
        grid.add(shortId, 1, row++);
        grid.addRow(row++, name("keys.algorithm"), value("keysAlgorithm", vm.algorithmProperty()));
        grid.addRow(row++, name("keys.enrollment"), value("keysEnrollment", vm.enrollmentProperty()));
        grid.addRow(row++, name("keys.rights"), value("keysRights", vm.rightsProperty()));
        grid.addRow(row, name("keys.unlock"), unlockRow);

        Label message = new Label();
        message.setId("keysMessage");
        message.setWrapText(true);
        message.getStyleClass().add(Styles.SUCCESS);
        message.textProperty().bind(vm.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        Label error = FormParts.errorLine("keysError", vm.errorProperty());

        Button export = new Button(messages.get("keys.export"), new FontIcon(MaterialDesignE.EXPORT_VARIANT));
        export.setId("keysExport");
        export.disableProperty().bind(session.keyIdProperty().isEmpty());
        export.setOnAction(e -> vm.exportPublicKey());
        Button importKey = new Button(messages.get("keys.import"), new FontIcon(MaterialDesignI.IMPORT));
        importKey.setId("keysImport");
        importKey.setOnAction(e -> openChange(ChangeKeyViewModel.Mode.IMPORT, vm));
        Button rotate = new Button(messages.get("keys.rotate"), new FontIcon(MaterialDesignR.ROTATE_RIGHT));
        rotate.setId("keysRotate");
        // decisions waiting in the outbox were signed with this key; after a rotation the gateway would refuse them
        rotate.disableProperty().bind(session.keyIdProperty().isEmpty().or(Bindings.greaterThan(waitingDecisions, 0)));
        Tooltip waitTip = new Tooltip();
        waitTip.textProperty().bind(Bindings.createStringBinding(() -> waitingDecisions.get() == 0 ? null
                : messages.format("keys.rotate.waiting", waitingDecisions.get()), waitingDecisions));
        rotate.tooltipProperty().bind(Bindings.when(Bindings.greaterThan(waitingDecisions, 0)).then(waitTip)
                .otherwise((Tooltip) null));
        rotate.setOnAction(e -> openChange(keys.source().isToken() ? ChangeKeyViewModel.Mode.ROTATE_TOKEN
                : ChangeKeyViewModel.Mode.ROTATE_SOFTWARE, vm));
        Button close = new Button(messages.get("common.close"));
        close.setId("keysClose");
        close.setCancelButton(true);
        close.setDefaultButton(true);
        HBox buttons = FormParts.buttonRow(new HBox(8, export, importKey, rotate), close);

        VBox root = new VBox(14, heading, grid, message, error, buttons);
        root.setPadding(new Insets(20));
        root.setPrefWidth(820);
        root.getStyleClass().add("form-window");
        root.setId("keysWindow");

        Stage opened = FormWindow.open(owner, messages.get("keys.title"), root, stylesheet, () -> closeWindow(vm));
        close.setOnAction(e -> closeWindow(vm));
        stage = opened;
        vm.opened();
        opened.setOnShown(e -> close.requestFocus());
        opened.show();
        return opened;
    }

    private void closeWindow(KeysViewModel vm) {
        vm.closed();
        if (stage != null) {
            stage.close();
        }
    }

    private void openChange(ChangeKeyViewModel.Mode mode, KeysViewModel keysVm) {
        boolean hasKey = session.identified();
        var who = hasKey ? session.reviewerProperty().get() : gate.defaults();
        ChangeKeyViewModel vm = new ChangeKeyViewModel(messages, runner, errors, mode, who, hasKey,
                new KeyChanges(keys, clock), gate, poster, files, done -> {
                    finish(done, hasKey);
                    keysVm.say(messages.format(hasKey ? "keys.rotated" : "keys.imported",
                            KeyTexts.shortId(done.newSigner().keyId())));
                }, () -> { });
        ChangeKeyDialog.show(vm, messages, stage, stylesheet);
    }

    /** After the gateway accepted (or, with no key before, after an import): the console signs with the new key. */
    /** Keeps Rotate disabled while signed decisions wait in the outbox (they carry the current key's signature). */
    public void blockRotationWhile(ObservableIntegerValue waiting) {
        this.waitingDecisions = waiting;
    }

    void finish(KeyChanges.Rotated done, boolean rotated) {
        if (!rotated) {
            gate.adopt(done.who(), done.newSigner());
            return;
        }
        session.replaceKey(done.who(), done.newSigner());
        if (done.view() != null) {
            session.known(done.view());
        }
        afterRotation.accept(done.newSigner()); // opens a session with the new key, then asks who we are
    }

    /** The poster the window uses (the gateway's, unless a test supplied one). */
    KeyChanges.Poster poster() {
        return poster;
    }

    /** The gateway's rotation route, and a way to ask afterwards whether a key is in force. */
    private final class GatewayPoster implements KeyChanges.Poster {
        @Override
        public ReviewerView rotate(String reviewer, DsseEnvelope rotation, String idempotencyKey) throws Exception {
            return client().rotateKey(reviewer, rotation, idempotencyKey);
        }

        /**
         * A challenge is issued only for an enrolled key in force: asking for one (and never answering it) tells
         * whether the rotation took effect, without a session, which the old key's rotation has ended.
         */
        @Override
        public boolean inForce(String reviewer, String keyId) throws Exception {
            try {
                client().sessionChallenge(new SessionChallengeRequest(reviewer, keyId));
                return true;
            } catch (GatewayProblemException e) {
                if ("unknown-key".equals(e.code())) {
                    return false; // the gateway's definite "not enrolled / not in force"
                }
                throw e; // anything else (a proxy's 429, a 5xx…) says nothing about the key: the outcome stays unknown
            }
        }

        private GatewayClient client() throws KeyFileException {
            GatewayClient client = gate.client();
            if (client == null) {
                throw new KeyFileException(new UserText("changeKey.noGateway"));
            }
            return client;
        }
    }

    private Label name(String key) {
        Label label = new Label(messages.get(key));
        label.getStyleClass().add("muted");
        return label;
    }

    private static Label value(String id, ObservableStringValue text) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.textProperty().bind(text);
        return label;
    }

    /** The real file choosers. */
    private final class FxFiles implements KeyFiles {
        @Override
        public Optional<Path> saveTo(String title, String suggestedName) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.setInitialFileName(suggestedName);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("keys.export.filter"),
                    "*.pem"));
            File file = chooser.showSaveDialog(stage);
            return Optional.ofNullable(file).map(File::toPath);
        }

        @Override
        public Optional<Path> openPkcs12(String title) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("changeKey.import.filter"),
                    "*.p12", "*.pfx"));
            File file = chooser.showOpenDialog(stage);
            return Optional.ofNullable(file).map(File::toPath);
        }
    }

}
