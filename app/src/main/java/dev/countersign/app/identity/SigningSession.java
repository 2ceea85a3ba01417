package dev.countersign.app.identity;

import dev.countersign.app.settings.ReviewerSettings;
import dev.countersign.model.api.ReviewerView;
import dev.countersign.model.crypto.KeyIds;
import dev.countersign.model.crypto.Signer;
import java.security.PublicKey;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Who the console signs as right now, and the unlocked key while the console runs. UI-thread state; the key itself
 * is never shown, logged or written anywhere.
 */
public final class SigningSession {
    /** Whether the gateway knows this key. */
    public enum Enrollment { UNKNOWN, ENROLLED, FAILED }

    private final ReadOnlyObjectWrapper<ReviewerSettings> reviewer = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper keyId = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper unlocked = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Enrollment> enrollment = new ReadOnlyObjectWrapper<>(Enrollment.UNKNOWN);
    private final ReadOnlyObjectWrapper<ReviewerView> known = new ReadOnlyObjectWrapper<>();
    private PublicKey publicKey;
    private volatile Signer signer;

    public void identify(ReviewerSettings who, PublicKey key) {
        reviewer.set(who);
        publicKey = key;
        keyId.set(KeyIds.of(key));
    }

    public void unlock(Signer unlockedSigner) {
        if (publicKey != null && !KeyIds.of(unlockedSigner.publicKey()).equals(keyId.get())) {
            throw new IllegalStateException("the unlocked key is not the reviewer's key");
        }
        publicKey = unlockedSigner.publicKey();
        keyId.set(KeyIds.of(publicKey));
        signer = unlockedSigner;
        unlocked.set(true);
    }

    public void lock() {
        signer = null;
        unlocked.set(false);
    }

    public void enrolled(Enrollment state) {
        enrollment.set(state);
    }

    /** Who the gateway says this reviewer is: roles, keys and decision rights (null until it answered). */
    public void known(ReviewerView view) {
        known.set(view);
    }

    public Optional<Signer> signer() {
        return Optional.ofNullable(signer);
    }

    /** The unlocked key, if it is unlocked right now; safe to call from any thread. */
    public Optional<Signer> currentSigner() {
        return Optional.ofNullable(signer);
    }

    public Optional<PublicKey> publicKey() {
        return Optional.ofNullable(publicKey);
    }

    public boolean identified() {
        return reviewer.get() != null && publicKey != null;
    }

    public ReadOnlyObjectProperty<ReviewerSettings> reviewerProperty() {
        return reviewer.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty keyIdProperty() {
        return keyId.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty unlockedProperty() {
        return unlocked.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ReviewerView> knownProperty() {
        return known.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Enrollment> enrollmentProperty() {
        return enrollment.getReadOnlyProperty();
    }
}
