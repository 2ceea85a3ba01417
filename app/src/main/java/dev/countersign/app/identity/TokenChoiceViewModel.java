package dev.countersign.app.identity;

import dev.countersign.app.common.Messages;
import dev.countersign.app.common.TaskRunner;
import dev.countersign.app.common.UserErrors;
import dev.countersign.app.keys.TokenDirectory;
import dev.countersign.app.keys.TokenInfo;
import dev.countersign.app.keys.TokenKey;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Choosing a key on a hardware token: which PKCS#11 library, which token (label, maker, model, serial), the PIN that
 * opens it, and an existing ECDSA P-256 key on it or a new one. The PIN is never kept: the view hands its characters
 * over to each call, which wipes them.
 */
public final class TokenChoiceViewModel {
    /** Token work that blocks; {@link ReviewerKeys} in the console. */
    public interface Tokens {
        List<TokenInfo> tokens(Path library) throws Exception;

        List<TokenKey> tokenKeys(Path library, TokenInfo token, char[] pin) throws Exception;
    }

    private final Messages messages;
    private final TaskRunner runner;
    private final UserErrors errors;
    private final Tokens access;

    private final ObservableList<String> libraries = FXCollections.observableArrayList();
    private final StringProperty library = new SimpleStringProperty("");
    private final ObservableList<TokenInfo> tokens = FXCollections.observableArrayList();
    private final ObjectProperty<TokenInfo> token = new SimpleObjectProperty<>();
    private final ObservableList<TokenKey> keys = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper opened = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty makeNewKey = new SimpleBooleanProperty(true);
    private final ObjectProperty<TokenKey> existingKey = new SimpleObjectProperty<>();
    private final StringProperty newKeyLabel = new SimpleStringProperty("countersign-reviewer");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding ready;

    public TokenChoiceViewModel(Messages messages, TaskRunner runner, UserErrors errors, Tokens access,
            List<Path> installedLibraries) {
        this.messages = messages;
        this.runner = runner;
        this.errors = errors;
        this.access = access;
        installedLibraries.forEach(p -> libraries.add(p.toString()));
        library.set(libraries.isEmpty() ? "" : libraries.get(0));
        token.addListener((obs, old, now) -> tokenChosen(now));
        library.addListener((obs, old, now) -> {
            tokens.clear();
            token.set(null);
        });
        ready = Bindings.createBooleanBinding(() -> token.get() != null && opened.get() && !busy.get()
                && (makeNewKey.get() ? labelProblem() == null : existingKey.get() != null),
                token, opened, busy, makeNewKey, existingKey, newKeyLabel);
    }

    /** The console's token choice with the libraries found on this machine. */
    public static TokenChoiceViewModel forThisMachine(Messages messages, TaskRunner runner, UserErrors errors,
            Tokens access) {
        return new TokenChoiceViewModel(messages, runner, errors, access, TokenDirectory.installedLibraries());
    }

    /** Lists the tokens of the chosen library; the first usable one is chosen. */
    public void listTokens() {
        String path = library.get() == null ? "" : library.get().strip();
        if (path.isEmpty()) {
            error.set(messages.get("token.noLibrary"));
            return;
        }
        busy.set(true);
        error.set(null);
        status.set(messages.get("token.listing"));
        runner.run("list tokens", () -> access.tokens(Path.of(path)), found -> {
            busy.set(false);
            tokens.setAll(found);
            status.set(found.isEmpty() ? messages.format("token.noneFound", path)
                    : messages.format("token.found", found.size()));
            token.set(found.stream().filter(t -> !t.pinLocked()).findFirst().orElse(found.isEmpty() ? null
                    : found.get(0)));
        }, e -> {
            busy.set(false);
            status.set(null);
            tokens.clear();
            error.set(errors.message(e));
        });
    }

    /** Opens the chosen token with the PIN (wiped afterwards) and lists its keys. */
    public void open(char[] pin) {
        TokenInfo chosen = token.get();
        if (chosen == null || busy.get()) {
            Arrays.fill(pin, '\0');
            return;
        }
        if (chosen.pinLocked()) {
            Arrays.fill(pin, '\0');
            error.set(messages.format("token.locked", chosen.label()));
            return;
        }
        busy.set(true);
        error.set(null);
        Path path = Path.of(library.get().strip());
        runner.run("open token", () -> {
            try {
                return access.tokenKeys(path, chosen, pin);
            } finally {
                Arrays.fill(pin, '\0');
            }
        }, found -> {
            busy.set(false);
            keys.setAll(found);
            opened.set(true);
            existingKey.set(found.isEmpty() ? null : found.get(0));
            makeNewKey.set(found.isEmpty());
            status.set(found.isEmpty() ? messages.format("token.opened.none", chosen.label())
                    : messages.format("token.opened", chosen.label(), found.size()));
        }, e -> {
            busy.set(false);
            opened.set(false);
            error.set(errors.message(e));
        });
    }

    private void tokenChosen(TokenInfo now) {
        opened.set(false);
        keys.clear();
        existingKey.set(null);
        error.set(now != null && now.pinLocked() ? messages.format("token.locked", now.label()) : null);
        if (now != null && now.pinFinalTry() && !now.pinLocked()) {
            status.set(messages.format("token.finalTry", now.label()));
        }
    }

    /** What is wrong with the new key's label, or null. */
    public String labelProblem() {
        String label = newKeyLabel.get() == null ? "" : newKeyLabel.get().strip();
        if (label.isEmpty()) {
            return messages.get("token.label.missing");
        }
        if (!label.matches("[A-Za-z0-9._@-]{1,64}")) {
            return messages.get("token.label.shape");
        }
        if (keys.stream().anyMatch(k -> k.alias().equals(label))) {
            return messages.format("token.label.taken", label);
        }
        return null;
    }

    /** How a token is shown: "label — maker model · serial …". */
    public String describe(TokenInfo info) {
        if (info == null) {
            return "";
        }
        String text = messages.format("token.describe", info.label(), info.manufacturer(), info.model(), info.serial());
        return info.pinLocked() ? text + " " + messages.get("token.describe.locked") : text;
    }

    /** How a key on the token is shown: "label · key 0123456789ab". */
    public String describe(TokenKey key) {
        return key == null ? "" : messages.format("token.key.describe", key.alias(), KeyTexts.shortId(key.keyId()));
    }

    public void setLibrary(String path) {
        if (path != null && !libraries.contains(path)) {
            libraries.add(path);
        }
        library.set(path);
    }

    public ObservableList<String> libraries() {
        return libraries;
    }

    public StringProperty libraryProperty() {
        return library;
    }

    public ObservableList<TokenInfo> tokens() {
        return tokens;
    }

    public ObjectProperty<TokenInfo> tokenProperty() {
        return token;
    }

    public ObservableList<TokenKey> keys() {
        return keys;
    }

    public ReadOnlyBooleanProperty openedProperty() {
        return opened.getReadOnlyProperty();
    }

    public BooleanProperty makeNewKeyProperty() {
        return makeNewKey;
    }

    public ObjectProperty<TokenKey> existingKeyProperty() {
        return existingKey;
    }

    public StringProperty newKeyLabelProperty() {
        return newKeyLabel;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True once a token is open and a key (existing, or a valid new label) is chosen. */
    public BooleanBinding readyProperty() {
        return ready;
    }

    /** The library path as chosen. */
    public Path libraryPath() {
        return Path.of(library.get().strip());
    }

    /** The label of the existing key chosen, or null for a new key. */
    public String existingLabel() {
        return makeNewKey.get() || existingKey.get() == null ? null : existingKey.get().alias();
    }

    public String newLabel() {
        return newKeyLabel.get().strip();
    }
}
