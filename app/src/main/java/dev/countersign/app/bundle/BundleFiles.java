package dev.countersign.app.bundle;

import java.nio.file.Path;
import java.util.Optional;

/** The file choosers of export and open, behind one interface so view models are tested with a fake. */
public interface BundleFiles {

    /** Asks where to save a bundle, suggesting {@code suggestedName}; empty if the person cancelled. */
    Optional<Path> chooseSaveTarget(String suggestedName);

    /** Asks which bundle to open; empty if the person cancelled. */
    Optional<Path> chooseBundle();
}
