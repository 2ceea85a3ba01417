package dev.countersign.app.identity;

import atlantafx.base.theme.Styles;
import dev.countersign.app.common.FormParts;
import dev.countersign.app.common.FormWindow;
import dev.countersign.app.common.Messages;
import dev.countersign.app.settings.UnlockPeriod;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleGroup;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;

/**
 * The first-run window: who you are, and where the key lives: a new software key under a passphrase typed twice
 * with inline guidance, or a key on a hardware token (PKCS#11).
 */
public final class NewKeyDialog {
    private NewKeyDialog() {}

    public static Stage show(NewKeyFormViewModel vm, Messages messages, Window owner, String stylesheet,
            Path keyFile) {
        Label heading = new Label(messages.get("firstRun.heading"), new FontIcon(MaterialDesignK.KEY_PLUS));
        heading.getStyleClass().add(Styles.TITLE_3);
        Label intro = new Label(messages.format("firstRun.intro", homeRelative(keyFile)));
        intro.setWrapText(true);
        intro.getStyleClass().add("muted");

        TextField reviewer = new TextField();
        reviewer.setId("reviewerField");
        reviewer.textProperty().bindBidirectional(vm.reviewerProperty());
        reviewer.setAccessibleText(messages.get("firstRun.reviewer"));
        TextField displayName = new TextField();
        displayName.setId("displayNameField");
        displayName.textProperty().bindBidirectional(vm.displayNameProperty());
        displayName.setAccessibleText(messages.get("firstRun.displayName"));
        Label identityProblem = new Label();
        identityProblem.getStyleClass().add("hint-problem");
        identityProblem.textProperty().bind(vm.identityProblemProperty());
        Label roles = new Label(messages.format("firstRun.roles", String.join(", ", vm.roles())));
        roles.getStyleClass().add("muted");
        roles.setWrapText(true);

        PasswordField passphrase = new PasswordField();
        passphrase.setId("newPassphrase");
        passphrase.setAccessibleText(messages.get("firstRun.passphrase"));
        PasswordField confirm = new PasswordField();
        confirm.setId("confirmPassphrase");
        confirm.setAccessibleText(messages.get("firstRun.confirm"));
        Runnable report = () -> vm.passphraseChanged(passphrase.getCharacters(), confirm.getCharacters());
        passphrase.textProperty().addListener((obs, old, text) -> report.run());
        confirm.textProperty().addListener((obs, old, text) -> report.run());
        Label hint = new Label();
        hint.setId("passphraseHint");
        hint.setWrapText(true);
        hint.textProperty().bind(vm.passphraseHintProperty());
        vm.passphraseHintKindProperty().addListener((obs, old, kind) -> hintStyle(hint, kind));
        hintStyle(hint, vm.passphraseHintKindProperty().get());

        GridPane identity = grid();
        identity.addRow(0, label(messages.get("firstRun.reviewer"), reviewer), reviewer);
        identity.addRow(1, label(messages.get("firstRun.displayName"), displayName), displayName);
        identity.add(identityProblem, 1, 2);
        identity.add(roles, 1, 3);
        identityProblem.managedProperty().bind(identityProblem.textProperty().isNotEmpty());

        GridPane software = grid();
        software.addRow(0, label(messages.get("firstRun.passphrase"), passphrase), passphrase);
        software.addRow(1, label(messages.get("firstRun.confirm"), confirm), confirm);
        software.add(hint, 1, 2);

        ComboBox<UnlockPeriod> period = UnlockPeriods.choice(messages, vm.periodProperty());
        period.setId("firstRunUnlockPeriod");
        Label periodLabel = label(messages.get("unlockPeriod.label"), period);
        HBox periodRow = new HBox(10, periodLabel, period);
        periodRow.setAlignment(Pos.CENTER_LEFT);

        VBox form = new VBox(12, identity);
        PasswordField pin = new PasswordField();
        if (vm.token() != null) {
            ToggleGroup group = new ToggleGroup();
            RadioButton softwareChoice = new RadioButton(messages.get("firstRun.source.software"));
            softwareChoice.setId("sourceSoftware");
            softwareChoice.setToggleGroup(group);
            RadioButton tokenChoice = new RadioButton(messages.get("firstRun.source.token"));
            tokenChoice.setId("sourceToken");
            tokenChoice.setToggleGroup(group);
            group.selectToggle(vm.sourceProperty().get() == NewKeyFormViewModel.Source.TOKEN ? tokenChoice
                    : softwareChoice);
            group.selectedToggleProperty().addListener((obs, old, now) -> vm.sourceProperty().set(
                    now == tokenChoice ? NewKeyFormViewModel.Source.TOKEN : NewKeyFormViewModel.Source.SOFTWARE));
            Label sourceLabel = new Label(messages.get("firstRun.source"));
            sourceLabel.getStyleClass().add(Styles.TEXT_BOLD);
            HBox sources = new HBox(18, softwareChoice, tokenChoice);
            Node tokenPane = TokenChoiceView.build(vm.token(), messages, pin);
            BooleanBinding onToken = vm.sourceProperty().isEqualTo(NewKeyFormViewModel.Source.TOKEN);
            tokenPane.visibleProperty().bind(onToken);
            tokenPane.managedProperty().bind(onToken);
            software.visibleProperty().bind(onToken.not());
            software.managedProperty().bind(onToken.not());
            intro.textProperty().bind(Bindings.when(onToken).then(messages.get("firstRun.introToken"))
                    .otherwise(messages.format("firstRun.intro", homeRelative(keyFile))));
            form.getChildren().addAll(new Separator(), sourceLabel, sources, software, tokenPane);
        } else {
            form.getChildren().add(software);
        }
        form.getChildren().add(periodRow);

        Label error = FormParts.errorLine("newKeyError", vm.errorProperty());
        Label busy = FormParts.busyIndicator(messages.get("firstRun.busy"), vm.busyProperty());
        Button cancel = new Button(messages.get("common.cancel"));
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(vm.busyProperty());
        Button create = new Button(messages.get("firstRun.create"), new FontIcon(MaterialDesignK.KEY_CHAIN));
        create.setId("createKey");
        create.getStyleClass().add(Styles.ACCENT);
        create.setDefaultButton(true);
        create.disableProperty().bind(vm.canCreateProperty().not());
        create.setOnAction(e -> {
            if (vm.sourceProperty().get() == NewKeyFormViewModel.Source.TOKEN) {
                vm.useToken(chars(pin)); // wipes the copy; the field is cleared once the window closes
                return;
            }
            vm.create(chars(passphrase)); // checks and wipes the copy; the fields are cleared next
            passphrase.clear();
            confirm.clear();
        });
        create.textProperty().bind(Bindings.when(vm.sourceProperty().isEqualTo(NewKeyFormViewModel.Source.TOKEN))
                .then(messages.get("firstRun.useToken")).otherwise(messages.get("firstRun.create")));
        vm.closedProperty().addListener((obs, old, done) -> pin.clear());
        HBox buttons = FormParts.buttonRow(busy, cancel, create);

        VBox root = new VBox(12, heading, intro, form, error, buttons);
        root.setPadding(new Insets(20));
        root.setPrefWidth(680);
        root.getStyleClass().add("form-window");
        root.setId("newKeyDialog");

        Stage stage = FormWindow.open(owner, messages.get("firstRun.title"), root, stylesheet, vm::cancel);
        FormWindow.closeWhen(stage, vm.closedProperty());
        stage.setOnShown(e -> passphrase.requestFocus());
        // the window follows its content: the token part is taller, and grows once the token is open
        vm.sourceProperty().addListener((obs, old, now) -> stage.sizeToScene());
        if (vm.token() != null) {
            vm.token().openedProperty().addListener((obs, old, now) -> stage.sizeToScene());
            vm.token().errorProperty().addListener((obs, old, now) -> stage.sizeToScene());
            vm.token().statusProperty().addListener((obs, old, now) -> stage.sizeToScene());
        }
        vm.errorProperty().addListener((obs, old, now) -> stage.sizeToScene());
        stage.show();
        return stage;
    }

    /** {@code /home/ana/.local/share/countersign/reviewer-key.p12} → {@code ~/.local/share/countersign/…}. */
    static String homeRelative(Path file) {
        return KeyTexts.homeRelative(file);
    }

    static char[] chars(PasswordField field) {
        CharSequence text = field.getCharacters();
        char[] chars = new char[text.length()];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = text.charAt(i);
        }
        return chars;
    }

    private static GridPane grid() {
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(130);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().addAll(labels, fields);
        return form;
    }

    static Label label(String text, javafx.scene.Node field) {
        Label label = new Label(text);
        label.setLabelFor(field);
        return label;
    }

    private static void hintStyle(Label hint, NewKeyFormViewModel.Hint kind) {
        hint.getStyleClass().removeAll("hint-neutral", "hint-problem", "hint-good");
        hint.getStyleClass().add("hint-" + kind.name().toLowerCase(Locale.ROOT));
    }
}
