package dev.countersign.app.identity;

import dev.countersign.app.common.Alerts;
import dev.countersign.app.common.Messages;
import dev.countersign.app.common.TaskRunner;
import dev.countersign.app.common.UserErrors;
import dev.countersign.app.settings.ReviewerSettings;
import dev.countersign.app.sync.GatewayClient;
import dev.countersign.app.sync.GatewayConnection;
import dev.countersign.model.RiskTier;
import dev.countersign.model.api.DecisionRights;
import dev.countersign.model.api.EnrollmentRequest;
import dev.countersign.model.crypto.PublicKeys;
import dev.countersign.model.crypto.Signer;
import dev.countersign.app.settings.UnlockPeriod;
import java.security.PublicKey;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything between the console and the reviewer's key: first-run creation (a key file or a key on a token),
 * enrollment with the gateway, and unlocking when a signature is needed, for one signature or a chosen period. UI-thread object; the key work runs on the task runner.
 */
public final class KeyGate {
    private static final Logger LOG = LoggerFactory.getLogger(KeyGate.class);

    private final Messages messages;
    private final TaskRunner runner;
    private final KeyPrompts prompts;
    private final Alerts alerts;
    private final UserErrors errors;
    private final ReviewerKeys keys;
    private final SigningSession session;
    private final ReviewerSettings defaults;
    private GatewayClient client;
    private GatewayConnection connection;

    public KeyGate(Messages messages, TaskRunner runner, KeyPrompts prompts, Alerts alerts, ReviewerKeys keys,
            SigningSession session, ReviewerSettings defaults) {
        this.messages = messages;
        this.runner = runner;
        this.prompts = prompts;
        this.alerts = alerts;
        this.errors = new UserErrors(messages);
        this.keys = keys;
        this.session = session;
        this.defaults = defaults;
    }

    /**
     * Makes sure there is a key and the gateway knows it: on first run asks for a passphrase and identity and creates
     * the key; otherwise reads who the key belongs to. Calls {@code ready} when done, even if the reviewer declined.
     */
    public void prepare(GatewayClient gatewayClient, GatewayConnection gatewayConnection, Runnable ready) {
        this.client = gatewayClient;
        this.connection = gatewayConnection;
        if (!keys.hasKey()) {
            // the reviewer just typed the passphrase (or PIN): the new key is kept for the first signature, which
            // locks it again if it is unlocked only to sign
            askForNewKey(signer -> ready.run(), ready);
            return;
        }
        runner.run("read reviewer key", () -> keys.load(defaults), loaded -> {
            session.identify(loaded.who(), loaded.publicKey());
            enroll(loaded.who(), loaded.publicKey(), false, ready);
        }, e -> {
            LOG.warn("reviewer key cannot be read: {}", e.getMessage());
            alerts.showError(messages.get("key.readFailed.title"), errors.message(e), UserErrors.details(e));
            ready.run();
        });
    }

    /**
     * Hands the unlocked signer to {@code use} on the UI thread, asking for the passphrase or PIN first if the key is
     * locked (or, if there is no key yet, for a new one). Calls {@code cancelled} if the reviewer closes the window
     * instead. A key unlocked only to sign is locked again as soon as {@code use} returns.
     */
    public void withSigner(Consumer<Signer> use, Runnable cancelled) {
        Optional<Signer> unlocked = session.currentSigner();
        if (unlocked.isPresent()) {
            useOnce(unlocked.get(), use);
            return;
        }
        if (!keys.hasKey()) {
            askForNewKey(signer -> useOnce(signer, use), cancelled);
            return;
        }
        if (!session.identified()) {
            cancelled.run();
            return;
        }
        ReviewerSettings who = session.reviewerProperty().get();
        UnlockViewModel[] prompt = new UnlockViewModel[1];
        prompt[0] = new UnlockViewModel(messages, runner, errors, who.reviewer(), session.keyIdProperty().get(),
                who.keySource(), who.unlockPeriod(), keys::unlock, signer -> {
                    UnlockPeriod period = prompt[0].periodProperty().get();
                    session.unlock(signer, period);
                    remember(period);
                    useOnce(signer, use);
                }, cancelled);
        prompts.showUnlock(prompt[0]);
    }

    /**
     * Takes a key that was put in place without a rotation (an import when there was no key): the console signs as
     * {@code who} with it from now on, and the gateway is asked to enroll it as on first run.
     */
    public void adopt(ReviewerSettings who, Signer signer) {
        session.identify(who, signer.publicKey());
        session.unlock(signer, who.unlockPeriod());
        enroll(who, signer.publicKey(), true, () -> { });
    }

    /** Who the first-run window suggests, for a reviewer who has no key yet. */
    public ReviewerSettings defaults() {
        return defaults;
    }

    /** True if there is a key (a key file, or a token key named in the settings). */
    public boolean hasKey() {
        return keys.hasKey();
    }

    /** Locks the key now (the key window's "Lock now"); the next signature asks again. */
    public void lockNow() {
        session.lockNow();
    }

    private void useOnce(Signer signer, Consumer<Signer> use) {
        try {
            use.accept(signer);
        } finally {
            if (session.onlyToSign()) {
                session.lockNow();
            }
        }
    }

    /** Saves the period the reviewer chose, if it differs from the remembered one; failures stay quiet. */
    private void remember(UnlockPeriod period) {
        ReviewerSettings who = session.reviewerProperty().get();
        if (who == null || who.unlockPeriod() == period) {
            return;
        }
        ReviewerSettings changed = who.withUnlockPeriod(period);
        session.settingsChanged(changed);
        runner.run("remember unlock period", () -> keys.rememberUnlockPeriod(who, period), saved -> { },
                e -> LOG.warn("the unlock period could not be saved: {}", e.getMessage()));
    }

    private void askForNewKey(Consumer<Signer> then, Runnable cancelled) {
        NewKeyFormViewModel[] form = new NewKeyFormViewModel[1];
        form[0] = new NewKeyFormViewModel(messages, runner, errors, defaults, keys, (who, signer) -> {
            ReviewerSettings chosen = who.withUnlockPeriod(form[0].periodProperty().get());
            ReviewerSettings saved = keys.source().isToken() ? chosen.withKeySource(keys.source()) : chosen;
            session.identify(saved, signer.publicKey());
            session.unlock(signer, saved.unlockPeriod());
            if (saved.unlockPeriod() != who.unlockPeriod()) {
                runner.run("remember unlock period", () -> keys.rememberUnlockPeriod(saved, saved.unlockPeriod()),
                        ok -> { }, e -> LOG.warn("the unlock period could not be saved: {}", e.getMessage()));
            }
            enroll(saved, signer.publicKey(), true, () -> then.accept(signer));
        }, cancelled);
        prompts.showNewKey(form[0]);
    }

    private void enroll(ReviewerSettings who, PublicKey key, boolean newKey, Runnable then) {
        if (client == null || connection == null || connection.adminToken().isEmpty()) {
            if (newKey) {
                String keyId = KeyTexts.shortId(session.keyIdProperty().get());
                alerts.showInfo(messages.get("key.enrollByAdmin.title"),
                        messages.format("key.enrollByAdmin.text", who.reviewer(), keyId), PublicKeys.toPem(key));
            }
            learnWho(who);
            then.run();
            return;
        }
        String adminToken = connection.adminToken().get();
        // the embedded demo lets its own reviewer decide everything; a team's admin grants rights with the gateway
        DecisionRights rights = connection.demo() ? DecisionRights.all(RiskTier.CRITICAL) : null;
        EnrollmentRequest request = new EnrollmentRequest(who.reviewer(), who.displayName(), who.roles().isEmpty()
                ? defaults.roles() : who.roles(), PublicKeys.toBase64(key), rights);
        GatewayClient gateway = client;
        runner.run("enroll reviewer key", () -> gateway.enroll(request, adminToken, "enroll-" + UUID.randomUUID()),
                receipt -> {
                    session.enrolled(SigningSession.Enrollment.ENROLLED);
                    learnWho(who);
                    then.run();
                }, e -> {
                    LOG.warn("enrollment failed: {}", e.getMessage());
                    session.enrolled(SigningSession.Enrollment.FAILED);
                    alerts.showError(messages.get("key.enrollFailed.title"), errors.message(e), UserErrors.details(e));
                    then.run();
                });
    }

    /**
     * Asks the gateway again who the reviewer is (roles, keys, rights), e.g. once a session is open or after a key
     * rotation. Failures stay quiet (logged): the status bar keeps what it knew.
     */
    public void refreshWho() {
        ReviewerSettings who = session.reviewerProperty().get();
        if (who != null) {
            learnWho(who);
        }
    }

    /** The gateway client of the current connection (null before {@link #prepare}). */
    public GatewayClient client() {
        return client;
    }

    /** Asks the gateway who the reviewer is (roles, keys, rights) for the status bar and the policy pane. */
    private void learnWho(ReviewerSettings who) {
        if (client == null || who == null) {
            return;
        }
        GatewayClient gateway = client;
        runner.run("read reviewer", () -> gateway.reviewer(who.reviewer()), session::known,
                e -> LOG.info("the gateway does not know reviewer {} yet: {}", who.reviewer(), e.getMessage()));
    }
}
