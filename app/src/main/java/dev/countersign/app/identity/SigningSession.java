package dev.countersign.app.identity;

import dev.countersign.app.common.TaskRunner;
import dev.countersign.app.settings.ReviewerSettings;
import dev.countersign.app.settings.UnlockPeriod;
import dev.countersign.model.api.ReviewerView;
import dev.countersign.model.crypto.KeyIds;
import dev.countersign.model.crypto.Signer;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Who the console signs as right now, and the unlocked key while the reviewer allows it: for one signature, or for a
 * period they chose, after which a timer locks it again. Its properties are UI-thread state; {@link #currentSigner()}
 * may be called from any thread and never hands out a key whose period has passed, even before the timer fired. The
 * key itself is never shown, logged or written anywhere.
 */
public final class SigningSession {
    /** Whether the gateway knows this key. */
    public enum Enrollment { UNKNOWN, ENROLLED, FAILED }

    /** Runs something on the UI thread after a delay; a JavaFX timer in the console, a manual clock in tests. */
    @FunctionalInterface
    public interface Timer {
        TaskRunner.Cancellable after(Duration delay, Runnable onUiThread);
    }

    /** The unlocked key and when it locks again ({@code until} null: when used, or when locked by hand). */
    private record Unlocked(Signer signer, Instant until, TaskRunner.Cancellable timer) {}

    private final Clock clock;
    private final Timer timer;
    private final ReadOnlyObjectWrapper<ReviewerSettings> reviewer = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper keyId = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper unlocked = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Instant> unlockedUntil = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Enrollment> enrollment = new ReadOnlyObjectWrapper<>(Enrollment.UNKNOWN);
    private final ReadOnlyObjectWrapper<ReviewerView> known = new ReadOnlyObjectWrapper<>();
    private final AtomicReference<Unlocked> current = new AtomicReference<>();
    private volatile PublicKey publicKey;

    /** The console's session: the system clock and a JavaFX timer. */
    public SigningSession() {
        this(Clock.systemUTC(), SigningSession::fxTimer);
    }

    public SigningSession(Clock clock, Timer timer) {
        this.clock = clock;
        this.timer = timer;
    }

    /** Names the reviewer and their key; a different key than before locks the session. */
    public void identify(ReviewerSettings who, PublicKey key) {
        if (publicKey != null && !KeyIds.of(key).equals(keyId.get())) {
            lockNow();
        }
        reviewer.set(who);
        publicKey = key;
        keyId.set(KeyIds.of(key));
    }

    /** Keeps the key unlocked until it is used or locked by hand (the caller decides when; see KeyGate). */
    public void unlock(Signer unlockedSigner) {
        hold(unlockedSigner, null);
    }

    /**
     * Unlocks for the period: {@link UnlockPeriod#ONLY_TO_SIGN} holds the key until the signing step has it (KeyGate
     * then calls {@link #lockNow()}); a timed period locks it when the period ends.
     */
    public void unlock(Signer unlockedSigner, UnlockPeriod period) {
        hold(unlockedSigner, period.onlyToSign() ? null : clock.instant().plus(period.duration()));
    }

    private void hold(Signer unlockedSigner, Instant until) {
        if (publicKey != null && !KeyIds.of(unlockedSigner.publicKey()).equals(keyId.get())) {
            throw new IllegalStateException("the unlocked key is not the reviewer's key");
        }
        publicKey = unlockedSigner.publicKey();
        keyId.set(KeyIds.of(publicKey));
        TaskRunner.Cancellable relock = null;
        if (until != null) {
            Duration left = Duration.between(clock.instant(), until);
            relock = timer.after(left.isNegative() ? Duration.ZERO : left, this::lockIfDue);
        }
        Unlocked previous = current.getAndSet(new Unlocked(unlockedSigner, until, relock));
        cancel(previous);
        unlocked.set(true);
        unlockedUntil.set(until);
    }

    /** Forgets the unlocked key now; the next signature asks for the passphrase or PIN again. */
    public void lockNow() {
        cancel(current.getAndSet(null));
        unlocked.set(false);
        unlockedUntil.set(null);
    }

    /** Same as {@link #lockNow()}. */
    public void lock() {
        lockNow();
    }

    private void lockIfDue() {
        Unlocked now = current.get();
        if (now == null || now.until() == null) {
            return;
        }
        if (!clock.instant().isBefore(now.until())) {
            lockNow();
        } else {
            hold(now.signer(), now.until()); // the timer ran early (clock adjusted): wait for the rest
        }
    }

    private static void cancel(Unlocked unlocked) {
        if (unlocked != null && unlocked.timer() != null) {
            unlocked.timer().cancel();
        }
    }

    /**
     * After the gateway accepted a key rotation: the reviewer signs with the new key from now on. If the old key was
     * unlocked for a period, the new one is unlocked until the same time; otherwise it is locked.
     */
    public void replaceKey(ReviewerSettings who, Signer newSigner) {
        Unlocked before = current.get();
        Instant until = before == null ? null : before.until();
        lockNow();
        reviewer.set(who);
        publicKey = newSigner.publicKey();
        keyId.set(KeyIds.of(publicKey));
        if (until != null && clock.instant().isBefore(until)) {
            hold(newSigner, until);
        }
    }

    /** The reviewer's settings changed (e.g. the remembered unlock period); the key stays as it is. */
    public void settingsChanged(ReviewerSettings who) {
        reviewer.set(who);
    }

    public void enrolled(Enrollment state) {
        enrollment.set(state);
    }

    /** Who the gateway says this reviewer is: roles, keys and decision rights (null until it answered). */
    public void known(ReviewerView view) {
        known.set(view);
    }

    /**
     * The unlocked signer, if the key is unlocked right now; safe from any thread (session renewal signs its
     * challenge with it from a background task). Empty once the period has passed, even before the timer fired.
     */
    public Optional<Signer> currentSigner() {
        Unlocked now = current.get();
        if (now == null || (now.until() != null && !clock.instant().isBefore(now.until()))) {
            return Optional.empty();
        }
        return Optional.of(now.signer());
    }

    /**
     * The key for work the reviewer did not ask for just now (renewing the gateway session in the background): only
     * while it is unlocked for a period, never a key unlocked "only to sign", which belongs to the step that asked.
     * Safe from any thread.
     */
    public Optional<Signer> backgroundSigner() {
        Unlocked now = current.get();
        if (now == null || now.until() == null || !clock.instant().isBefore(now.until())) {
            return Optional.empty();
        }
        return Optional.of(now.signer());
    }

    /** Same as {@link #currentSigner()}. */
    public Optional<Signer> signer() {
        return currentSigner();
    }

    /** True while the key is unlocked for one signature only (it locks as soon as the signing step has it). */
    public boolean onlyToSign() {
        Unlocked now = current.get();
        return now != null && now.until() == null;
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

    /** When a timed unlock ends; null while locked, or while unlocked only to sign. */
    public ReadOnlyObjectProperty<Instant> unlockedUntilProperty() {
        return unlockedUntil.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ReviewerView> knownProperty() {
        return known.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Enrollment> enrollmentProperty() {
        return enrollment.getReadOnlyProperty();
    }

    public Clock clock() {
        return clock;
    }

    private static TaskRunner.Cancellable fxTimer(Duration delay, Runnable onUiThread) {
        PauseTransition pause = new PauseTransition(javafx.util.Duration.millis(Math.max(1, delay.toMillis())));
        pause.setOnFinished(e -> onUiThread.run());
        pause.play();
        return pause::stop;
    }
}
