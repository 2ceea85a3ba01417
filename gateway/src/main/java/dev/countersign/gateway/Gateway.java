package dev.countersign.gateway;

import dev.countersign.gateway.common.Ids;
import dev.countersign.gateway.decisions.AutoApprover;
import dev.countersign.gateway.decisions.DecisionLog;
import dev.countersign.gateway.decisions.DecisionService;
import dev.countersign.gateway.decisions.NonceService;
import dev.countersign.gateway.decisions.NonceStore;
import dev.countersign.gateway.demo.DemoSeeder;
import dev.countersign.gateway.http.HttpApi;
import dev.countersign.gateway.idempotency.IdempotencyService;
import dev.countersign.gateway.inventory.InventoryService;
import dev.countersign.gateway.inventory.InventoryStore;
import dev.countersign.gateway.log.GatewayKey;
import dev.countersign.gateway.log.GatewayKeyException;
import dev.countersign.gateway.log.LogService;
import dev.countersign.gateway.policy.PolicyService;
import dev.countersign.gateway.policy.PolicyStore;
import dev.countersign.gateway.proposals.ChangeNotifier;
import dev.countersign.gateway.proposals.ContextSnapshots;
import dev.countersign.gateway.proposals.ProposalService;
import dev.countersign.gateway.proposals.ProposalStore;
import dev.countersign.gateway.reviewers.ReviewerService;
import dev.countersign.gateway.reviewers.ReviewerStore;
import dev.countersign.gateway.sessions.KeyRotationService;
import dev.countersign.gateway.sessions.SessionService;
import dev.countersign.gateway.sessions.SessionStore;
import dev.countersign.gateway.store.Database;
import dev.countersign.gateway.store.DatabaseOpenException;
import dev.countersign.gateway.store.MetaStore;
import dev.countersign.model.crypto.SoftwareSigner;
import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running gateway: the composition root that builds every part with its constructor, opens the database, seeds
 * the demo world on first start if asked, and serves the HTTP API until closed.
 */
public final class Gateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    private final Database database;
    private final HttpApi api;
    private final URI baseUri;
    private final int port;
    private final String adminToken;
    private final boolean demo;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Gateway(Database database, HttpApi api, URI baseUri, int port, String adminToken, boolean demo) {
        this.database = database;
        this.api = api;
        this.baseUri = baseUri;
        this.port = port;
        this.adminToken = adminToken;
        this.demo = demo;
    }

    /**
     * Starts a gateway whose key passphrase comes from {@value GatewayKey#PASSPHRASE_ENV}, if set; else from a
     * generated file in the data folder (see {@link GatewayKey}).
     */
    public static Gateway start(GatewayConfig config) throws GatewayStartException {
        String fromEnv = System.getenv(GatewayKey.PASSPHRASE_ENV);
        return start(config, fromEnv == null || fromEnv.isEmpty() ? null : fromEnv.toCharArray());
    }

    /** Starts a gateway whose key is protected by the given passphrase, or by a generated one if it is null. */
    public static Gateway start(GatewayConfig config, char[] keyPassphrase) throws GatewayStartException {
        ChangeNotifier notifier = new ChangeNotifier();
        Database database;
        try {
            database = Database.open(config.dataDir(), notifier);
        } catch (DatabaseOpenException e) {
            throw new GatewayStartException(e.getMessage(), e);
        }
        try {
            return start(config, database, notifier, keyPassphrase);
        } catch (GatewayStartException | RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static Gateway start(GatewayConfig config, Database database, ChangeNotifier notifier,
            char[] keyPassphrase) throws GatewayStartException {
        SoftwareSigner gatewayKey;
        try {
            gatewayKey = GatewayKey.loadOrCreate(config.dataDir(), keyPassphrase);
        } catch (GatewayKeyException e) {
            throw new GatewayStartException(e.getMessage(), e);
        }
        DecisionLog log = new DecisionLog(gatewayKey);
        Optional<String> broken = database.read(log::verifyChain);
        if (broken.isPresent()) {
            throw new GatewayStartException("The decision log in " + config.dataDir() + " has been altered ("
                    + broken.get() + "). Keep the folder as evidence and start the gateway on a copy of a backup.");
        }
        Ids ids = new Ids(config.clock(), new SecureRandom());
        InventoryService inventory = new InventoryService(database, new InventoryStore());
        PolicyService policy = new PolicyService(database, new PolicyStore(), config.clock());
        ProposalStore proposalStore = new ProposalStore();
        NonceStore nonceStore = new NonceStore();
        ProposalService proposals = new ProposalService(database, proposalStore,
                new ContextSnapshots(inventory, policy), ids, config.clock(), new AutoApprover(log, proposalStore,
                        nonceStore, policy, gatewayKey, ids, GatewayVersion.current()));
        ReviewerStore reviewerStore = new ReviewerStore();
        SessionStore sessionStore = new SessionStore();
        SessionService sessions = new SessionService(database, sessionStore, reviewerStore, ids, config.clock(),
                config.sessionTtl());
        ReviewerService reviewers = new ReviewerService(database, reviewerStore, config.clock(), sessions::keyRevoked);
        KeyRotationService rotations = new KeyRotationService(database.writer(), reviewerStore, sessionStore,
                sessions, config.clock());
        NonceService nonces = new NonceService(database.writer(), nonceStore, proposalStore, ids, config.clock());
        DecisionService decisions = new DecisionService(database, proposalStore, reviewerStore, nonceStore, log, ids,
                sessions, config.clock());
        IdempotencyService idempotency = new IdempotencyService(database.writer(), config.clock());

        boolean demo = FirstStart.run(database, new MetaStore(), new DemoSeeder(inventory, policy, proposals,
                reviewers), config.seedDemo(), config.clock());
        idempotency.purge();
        proposals.expireDue();

        String adminToken = ids.token();
        try {
            AdminTokenFile.write(config.dataDir(), adminToken);
        } catch (IOException e) {
            throw new GatewayStartException("Cannot write the admin token to " + config.dataDir() + ": "
                    + e.getMessage(), e);
        }
        HttpApi api = new HttpApi(new HttpApi.Services(proposals, nonces, decisions, reviewers, inventory, policy,
                idempotency, notifier, new LogService(database, log, gatewayKey, config.clock()), sessions, rotations),
                adminToken, GatewayVersion.current(), demo, config.clock());
        int port;
        try {
            port = api.start(config.host(), config.port());
        } catch (RuntimeException e) {
            api.close();
            throw new GatewayStartException(bindFailure(config, e), e);
        }
        URI baseUri = URI.create("http://" + uriHost(config.host()) + ":" + port + "/");
        try {
            AdminTokenFile.writeUrl(config.dataDir(), baseUri);
        } catch (IOException e) {
            api.close();
            throw new GatewayStartException("Cannot write the gateway's address to " + config.dataDir() + ": "
                    + e.getMessage(), e);
        }
        LOG.info("Countersign gateway {} listening on {} (data folder {}{})", GatewayVersion.current(), baseUri,
                config.dataDir().toAbsolutePath(), demo ? ", demo world" : "");
        return new Gateway(database, api, baseUri, port, adminToken, demo);
    }

    private static String bindFailure(GatewayConfig config, RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException || t.getClass().getSimpleName().equals("JavalinBindException")) {
                return "Port " + config.port() + " on " + config.host() + " is already in use. Stop what uses it or"
                        + " choose another --port.";
            }
        }
        return "The HTTP server could not start on " + config.host() + ":" + config.port() + ": " + e.getMessage();
    }

    private static String uriHost(String host) {
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            return GatewayConfig.LOOPBACK;
        }
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** Where the API is, e.g. {@code http://127.0.0.1:43817/}; the API is under {@code /v1}. */
    public URI baseUri() {
        return baseUri;
    }

    public int port() {
        return port;
    }

    /** The bearer token for {@code /v1/admin/*}; new at every start. Never log it. */
    public String adminToken() {
        return adminToken;
    }

    /** Whether the database holds the demo world. */
    public boolean demo() {
        return demo;
    }

    /** Stops HTTP and closes the database. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            api.close();
        } finally {
            database.close();
            LOG.info("Countersign gateway on port {} stopped", port);
        }
    }
}
