package dev.countersign.app.support;

import dev.countersign.app.AppConfig;
import dev.countersign.app.cache.ConsoleCache;
import dev.countersign.app.cache.InspectedCacheFile;
import dev.countersign.app.queue.QueueRow;
import dev.countersign.app.sync.GatewayConnector;
import dev.countersign.model.api.ProposalView;
import java.net.URI;
import java.util.Optional;

import dev.countersign.app.AppComposition;
import dev.countersign.app.common.Messages;
import dev.countersign.app.common.SyncTaskRunner;
import dev.countersign.app.common.TimeTexts;
import dev.countersign.app.common.UserErrors;
import dev.countersign.app.identity.KeyGate;
import dev.countersign.app.identity.ReviewerKeys;
import dev.countersign.app.identity.SigningSession;
import dev.countersign.app.keys.SoftwareKeyFile;
import dev.countersign.app.queue.QueueTexts;
import dev.countersign.app.queue.QueueViewModel;
import dev.countersign.app.review.AuthorityViewModel;
import dev.countersign.app.review.DecisionViewModel;
import dev.countersign.app.review.ReviewViewModel;
import dev.countersign.app.settings.ReviewerSettings;
import dev.countersign.app.settings.SettingsStore;
import dev.countersign.app.shell.ConsoleViewModel;
import dev.countersign.app.shell.StatusViewModel;
import dev.countersign.app.sync.GatewayClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * The console's view models wired as the composition root wires them, but with the synchronous task runner and the
 * fake dialogs, against a real gateway. No window.
 */
public final class ConsoleModels {
    public final Messages messages = Messages.load(Locale.ENGLISH);
    public final SyncTaskRunner runner = new SyncTaskRunner();
    public final FakeDialogService dialogs = new FakeDialogService();
    public final SigningSession session = new SigningSession();
    public final QueueViewModel queue;
    public final ReviewViewModel review;
    public final AuthorityViewModel authority;
    public final DecisionViewModel decision;
    public final KeyGate keys;
    public final ReviewerKeys reviewerKeys;
    public final TestGateway gateway;
    public final StatusViewModel status;
    /** The console's start-up, sign-in and sessions, as the real console runs them. */
    public final ConsoleViewModel console;

    public ConsoleModels(TestGateway gateway, Path dataDir, String reviewer) {
        this(gateway, gateway::connection, dataDir, reviewer, Optional.empty());
    }

    /**
     * The console against any gateway (team mode when {@code gatewayUri} is given: its cache is then that gateway's);
     * {@code gateway} is the test's own handle on it, if it has one.
     */
    public ConsoleModels(TestGateway gateway, GatewayConnector connector, Path dataDir, String reviewer,
            Optional<URI> gatewayUri) {
        this.gateway = gateway;
        Clock clock = Clock.systemUTC();
        TimeTexts time = new TimeTexts(messages, ZoneOffset.UTC);
        QueueTexts texts = new QueueTexts(messages, time);
        reviewerKeys = new ReviewerKeys(new SoftwareKeyFile(dataDir.resolve("reviewer-key.p12")),
                new SettingsStore(dataDir.resolve("settings.json")));
        keys = new KeyGate(messages, runner, dialogs, dialogs, reviewerKeys, session,
                new ReviewerSettings(reviewer, "Test Reviewer", AppComposition.DEMO_ROLES));
        queue = new QueueViewModel(runner, clock, texts, new UserErrors(messages), Runnable::run);
        review = new ReviewViewModel(queue, clock, AppConfig.DEFAULT_STALE_CONTEXT, messages, time, runner);
        authority = new AuthorityViewModel(messages, review.shownProperty(), session.knownProperty());
        decision = new DecisionViewModel(messages, runner, clock, review, authority, keys, session, queue);
        status = new StatusViewModel(messages, time, queue, session);
        console = new ConsoleViewModel(messages, runner, connector, GatewayClient::new, keys, session,
                Runnable::run, queue, review, decision, status, dialogs, clock, "countersign-console/test",
                Duration.ofSeconds(5), ConsoleCache.stem(dataDir, gatewayUri), InspectedCacheFile.check());
    }

    /**
     * Starts the console against the gateway as the real console does: first run (with the queued answers), sign-in
     * over the reviewer's own session, queue sync and decisions.
     */
    public ConsoleModels connect() {
        console.start();
        return this;
    }

    /** The whole proposal of a queue row, as the console's cache holds it. */
    public ProposalView view(QueueRow row) {
        return queue.view(row.id()).orElseThrow();
    }

    /** The console's outbox (the cache must be open). */
    public dev.countersign.app.cache.Outbox cacheOutbox() {
        return console.cache().orElseThrow().outbox();
    }

    /** Stops the console as closing its window does: the session ends, the cache is closed. */
    public void stop() {
        console.stop();
    }
}
