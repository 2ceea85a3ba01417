package dev.countersign.app.shell;

import dev.countersign.app.cache.CacheDatabase;
import dev.countersign.app.cache.CacheFileCheck;
import dev.countersign.app.cache.CacheRefusedException;
import dev.countersign.app.cache.ConsoleCache;
import dev.countersign.app.common.Alerts;
import dev.countersign.app.common.Messages;
import dev.countersign.app.common.TaskRunner;
import dev.countersign.app.common.UserErrors;
import dev.countersign.app.identity.KeyGate;
import dev.countersign.app.identity.SigningSession;
import dev.countersign.app.queue.QueueViewModel;
import dev.countersign.app.review.DecisionSubmitter;
import dev.countersign.app.review.DecisionViewModel;
import dev.countersign.app.review.ReviewViewModel;
import dev.countersign.app.sync.GatewayClient;
import dev.countersign.app.sync.GatewayConnection;
import dev.countersign.app.sync.GatewayConnector;
import dev.countersign.app.sync.ConsoleSync;
import dev.countersign.app.sync.GatewayUnavailableException;
import dev.countersign.app.sync.OutboxSender;
import dev.countersign.app.sync.ReviewerSessions;
import dev.countersign.model.api.SessionGrant;
import dev.countersign.model.crypto.Signer;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's start and stop: connect to (or start) the gateway in the background, make sure the reviewer has an
 * enrolled key, sign in (open a session by signing the gateway's challenge), and keep the queue in sync. Owns the
 * window title.
 */
public final class ConsoleViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleViewModel.class);

    private final Messages messages;
    private final TaskRunner runner;
    private final GatewayConnector connector;
    private final Function<URI, GatewayClient> clients;
    private final KeyGate keys;
    private final SigningSession signing;
    private final Executor uiThread;
    private final QueueViewModel queue;
    private final ReviewViewModel review;
    private final DecisionViewModel decision;
    private final StatusViewModel status;
    private final Alerts alerts;
    private final Clock clock;
    private final String consoleVersion;
    private final Duration pollPeriod;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<URI> gatewayUri = new ReadOnlyObjectWrapper<>();
    private final Path cacheStem;
    private final CacheFileCheck cacheCheck;
    private GatewayConnection connection;
    private ConsoleCache cache;
    private String baseTitle;
    private ReviewerSessions sessions;
    private boolean signingIn;
    private boolean stopped;

    public ConsoleViewModel(Messages messages, TaskRunner runner, GatewayConnector connector,
            Function<URI, GatewayClient> clients, KeyGate keys, SigningSession signing, Executor uiThread,
            QueueViewModel queue, ReviewViewModel review, DecisionViewModel decision, StatusViewModel status,
            Alerts alerts, Clock clock, String consoleVersion, Duration pollPeriod, Path cacheStem,
            CacheFileCheck cacheCheck) {
        this.messages = messages;
        this.runner = runner;
        this.connector = connector;
        this.clients = clients;
        this.keys = keys;
        this.signing = signing;
        this.uiThread = uiThread;
        this.queue = queue;
        this.review = review;
        this.decision = decision;
        this.status = status;
        this.alerts = alerts;
        this.clock = clock;
        this.consoleVersion = consoleVersion;
        this.pollPeriod = pollPeriod;
        this.cacheStem = cacheStem;
        this.cacheCheck = cacheCheck;
        title.set(messages.get("app.title.starting"));
        queue.stateProperty().addListener((obs, old, state) -> retitle());
    }

    /**
     * Opens the cache (asking to move a refused one aside), shows what it holds, then connects to the gateway. The
     * queue and the panes work from the cache even if the gateway never answers.
     */
    public void start() {
        runner.run("open the cache", () -> ConsoleCache.open(cacheStem, cacheCheck), this::cacheOpened, e -> {
            if (e instanceof CacheRefusedException refused) {
                LOG.warn("cache refused: {}", refused.getMessage());
                alerts.confirm(messages.get("cache.refused.title"), messages.format("cache.refused.text",
                        messages.text(refused.userText())), messages.get("cache.refused.moveAside"), () -> moveAside(refused),
                        () -> cacheUnavailable(refused));
                return;
            }
            cacheUnavailable(e);
        });
    }

    private void moveAside(CacheRefusedException refused) {
        runner.run("move the refused cache aside", () -> CacheDatabase.moveAside(refused.file(), clock),
                aside -> start(), this::cacheUnavailable);
    }

    /** Without its cache the console cannot keep signed decisions safe, so it does not connect. */
    private void cacheUnavailable(Exception e) {
        cannotWork("no cache", "cache.failed.title", e);
    }

    /** The console cannot work (no cache, or the embedded gateway did not start): say so, in the title too. */
    private void cannotWork(String what, String titleKey, Exception e) {
        String message = new UserErrors(messages).message(e);
        LOG.warn("{}: {}", what, message);
        title.set(messages.get("app.title.offline"));
        status.failed(message);
        alerts.showError(messages.get(titleKey), message, UserErrors.details(e));
    }

    private void cacheOpened(ConsoleCache opened) {
        if (stopped) {
            opened.close();
            return;
        }
        cache = opened;
        queue.open(opened.proposals(), opened.outbox(), this::connect);
    }

    private void connect() {
        runner.run("connect to gateway", connector::connect, this::connected,
                e -> cannotWork("no gateway", "gateway.startFailed.title", e));
    }

    private void connected(GatewayConnection opened) {
        if (stopped) {
            closeQuietly(opened);
            return;
        }
        connection = opened;
        gatewayUri.set(opened.baseUri());
        GatewayClient client = clients.apply(opened.baseUri());
        boolean embeddedDemo = opened.embedded() && opened.demo();
        baseTitle = embeddedDemo ? messages.get("app.title.demo")
                : messages.format("app.title.team", opened.baseUri().getHost());
        retitle();
        status.started(opened.baseUri().toString(), embeddedDemo);
        sessions = new ReviewerSessions(client, signing::backgroundSigner, clock,
                grant -> uiThread.execute(() -> status.session(grant)));
        client.useSessions(sessions);
        OutboxSender sender = new OutboxSender(client, cache.outbox(), cache.proposals(), clock);
        decision.connect(new DecisionSubmitter(client, sessions, cache.proposals(), cache.outbox(), sender, clock,
                consoleVersion));
        review.connect(client::refreshContext);
        queue.connect(new ConsoleSync(client, cache.proposals(), cache.records(), sender, clock),
                pollPeriod);
        keys.prepare(client, opened, this::signIn);
        // one line when the window is up and the gateway answers: what an installed console's smoke test waits for
        LOG.info("console up: connected to {}{}", opened.baseUri(), embeddedDemo ? " (embedded, demo world)" : "");
    }

    private void retitle() {
        if (baseTitle != null) {
            title.set(queue.stateProperty().get() == QueueViewModel.SyncState.OFFLINE
                    ? messages.format("app.title.offlineCached", baseTitle) : baseTitle);
        }
    }

    /**
     * Opens a session for the reviewer: unlocks the key if needed (asking for the passphrase or PIN), signs the
     * gateway's challenge in the background, then refreshes the queue and who the reviewer is. If the reviewer
     * declines, the console stays signed out and says so in the status bar, which offers to sign in again.
     */
    public void signIn() {
        ReviewerSessions open = sessions;
        if (open == null || signingIn || stopped || !signing.identified()) {
            return;
        }
        signingIn = true;
        keys.withSigner(signer -> {
            String reviewer = signing.reviewerProperty().get().reviewer();
            runner.run("open session", () -> open.open(reviewer, signer), grant -> {
                signingIn = false;
                keys.refreshWho();
                queue.refresh();
            }, e -> {
                signingIn = false;
                String message = new UserErrors(messages).message(e);
                LOG.warn("sign-in failed: {}", message);
                if (!(e instanceof GatewayUnavailableException)) {
                    // offline is no error: the console works from its cache and signs in when the gateway is back
                    alerts.showError(messages.get("session.failed.title"), message, UserErrors.details(e));
                }
                queue.refresh();
            });
        }, () -> {
            signingIn = false;
            LOG.info("the reviewer did not unlock the key; the console stays signed out");
            queue.refresh();
        });
    }

    /**
     * The reviewer's key was replaced and the gateway revoked the old one, which ended its session: open a new one
     * with the new key, which the reviewer has just unlocked to sign the rotation, so nobody is asked again.
     */
    public void keyRotated(Signer newKey) {
        ReviewerSessions open = sessions;
        if (open == null) {
            return;
        }
        open.forget();
        String reviewer = signing.reviewerProperty().get().reviewer();
        runner.run("open session with the new key", () -> open.open(reviewer, newKey), grant -> {
            keys.refreshWho();
            queue.refresh();
        }, e -> {
            LOG.warn("no session with the new key: {}", e.getMessage());
            keys.refreshWho();
            queue.refresh();
        });
    }

    /** Ends the session at the gateway and locks the key: the reviewer is stepping away. */
    public void signOut() {
        keys.lockNow();
        ReviewerSessions open = sessions;
        if (open == null) {
            return;
        }
        runner.run("close session", () -> {
            open.close();
            return null;
        }, done -> queue.refresh(), e -> queue.refresh());
    }

    /** The current session, if one is open (for tests and the status bar). */
    public Optional<SessionGrant> session() {
        return sessions == null ? Optional.empty() : sessions.current();
    }

    /** Stops polling and, if this console started the gateway, stops it. */
    public void stop() {
        stopped = true;
        queue.stop();
        if (sessions != null) {
            closeSession(sessions);
        }
        if (connection != null) {
            closeQuietly(connection);
            connection = null;
        }
        if (cache != null) {
            closeCache(cache);
            cache = null;
        }
    }

    /**
     * Closes the cache off the UI thread: the writer finishes what it was given (a decision being stored is never
     * cut off), then H2 shuts down. At most five seconds at exit.
     */
    private static void closeCache(ConsoleCache open) {
        Thread closer = new Thread(open::close, "close-cache");
        closer.start(); // not a daemon: the JVM waits for the cache to be closed cleanly
        try {
            closer.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends the session at the gateway without holding up the UI thread for long: at most two seconds at exit. */
    private static void closeSession(ReviewerSessions open) {
        Thread closer = new Thread(open::close, "close-session");
        closer.setDaemon(true);
        closer.start();
        try {
            closer.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(GatewayConnection c) {
        try {
            c.close();
        } catch (RuntimeException e) {
            LOG.warn("gateway did not stop cleanly: {}", e.toString());
        }
    }

    /** The cache, once it is open (for tests and tools). */
    public Optional<ConsoleCache> cache() {
        return Optional.ofNullable(cache);
    }

    /** The gateway's base URI once connected. */
    public ReadOnlyObjectProperty<URI> gatewayUriProperty() {
        return gatewayUri.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }
}
