package dev.countersign.app.bundle;

import dev.countersign.app.common.Messages;
import dev.countersign.model.bundle.BundleFormat;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The JavaFX file choosers for bundles. Each is owned by the window that has the focus (the export window, a bundle
 * window), else by the one the supplier gives (the main window).
 */
public final class FxBundleFiles implements BundleFiles {
    private final Messages messages;
    private final Supplier<Window> owner;

    public FxBundleFiles(Messages messages, Supplier<Window> owner) {
        this.messages = messages;
        this.owner = owner;
    }

    @Override
    public Optional<Path> chooseSaveTarget(String suggestedName) {
        FileChooser chooser = chooser(messages.get("export.choose.title"));
        chooser.setInitialFileName(suggestedName);
        return Optional.ofNullable(chooser.showSaveDialog(owner())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseBundle() {
        return Optional.ofNullable(chooser(messages.get("bundle.choose.title")).showOpenDialog(owner()))
                .map(File::toPath);
    }

    private Window owner() {
        return Window.getWindows().stream().filter(w -> w.isShowing() && w.isFocused()).findFirst()
                .orElseGet(owner);
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(messages.get("bundle.choose.filter"), "*" + BundleFormat.EXTENSION),
                new FileChooser.ExtensionFilter(messages.get("bundle.choose.all"), "*"));
        File home = new File(System.getProperty("user.home", "."));
        if (home.isDirectory()) {
            chooser.setInitialDirectory(home);
        }
        return chooser;
    }
}
