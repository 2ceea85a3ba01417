package dev.countersign.app.identity;

import java.nio.file.Path;
import java.util.Optional;

/** The file choosers of the key window, behind an interface so tests can supply the paths. */
public interface KeyFiles {
    /** Where to save the public key (a PEM file); empty if the reviewer cancelled. */
    Optional<Path> saveTo(String title, String suggestedName);

    /** A PKCS#12 file to import; empty if the reviewer cancelled. */
    Optional<Path> openPkcs12(String title);
}
