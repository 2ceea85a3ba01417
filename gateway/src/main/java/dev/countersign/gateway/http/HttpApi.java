package dev.countersign.gateway.http;

import dev.countersign.gateway.decisions.DecisionService;
import dev.countersign.gateway.decisions.NonceService;
import dev.countersign.gateway.idempotency.IdempotencyService;
import dev.countersign.gateway.inventory.InventoryService;
import dev.countersign.gateway.log.LogService;
import dev.countersign.gateway.policy.Policy;
import dev.countersign.gateway.policy.PolicyService;
import dev.countersign.gateway.problem.ProblemException;
import dev.countersign.gateway.problem.ProblemType;
import dev.countersign.gateway.proposals.ChangeNotifier;
import dev.countersign.gateway.proposals.ProposalService;
import dev.countersign.gateway.reviewers.ReviewerService;
import dev.countersign.gateway.sessions.KeyRotationService;
import dev.countersign.gateway.sessions.SessionService;
import dev.countersign.model.api.Health;
import io.javalin.Javalin;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP API of docs/api.md on Javalin: routes, problem responses, limits. */
public final class HttpApi implements AutoCloseable {
    /** Services the API answers from, built by the composition root. */
    public record Services(
            ProposalService proposals, NonceService nonces, DecisionService decisions, ReviewerService reviewers,
            InventoryService inventory, PolicyService policy, IdempotencyService idempotency,
            ChangeNotifier notifier, LogService log, SessionService sessions, KeyRotationService rotations) {}

    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    /** Longer than the longest long poll, so a waiting connection is not cut. */
    private static final long IDLE_TIMEOUT_MILLIS = (AgentRoutes.MAX_WAIT_SECONDS + 30) * 1000L;

    private final Javalin app;
    private final ExecutorService pollExecutor;

    public HttpApi(Services services, String adminToken, String version, boolean demo, Clock clock) {
        AtomicInteger threads = new AtomicInteger();
        this.pollExecutor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "gateway-longpoll-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Idempotent idempotent = new Idempotent(services.idempotency());
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.http.maxRequestSize = Bodies.MAX_BYTES;
            config.http.defaultContentType = Responses.JSON;
            config.http.asyncTimeout = IDLE_TIMEOUT_MILLIS;
            config.router.ignoreTrailingSlashes = true;
            config.requestLogger.http((ctx, ms) -> LOG.debug("{} {} -> {} in {} ms", ctx.method(), ctx.path(),
                    ctx.statusCode(), Math.round(ms)));
        });
        app.exception(Exception.class, Problems::handle);
        app.error(404, ctx -> {
            if (ctx.attribute(Problems.WRITTEN) == null) {
                Problems.write(ctx, ProblemException.of(ProblemType.NOT_FOUND,
                        "No such route: " + ctx.method() + " " + ctx.path() + "."));
            }
        });
        app.get("/v1/health", ctx -> {
            Policy policy = services.policy().current();
            Responses.ok(ctx, new Health("ok", version, demo, policy.id(), policy.version()));
        });
        new AgentRoutes(services.proposals(), services.notifier(), idempotent, pollExecutor, clock).register(app);
        SessionGuard sessions = new SessionGuard(services.sessions());
        new SessionRoutes(services.sessions(), services.rotations(), sessions, idempotent).register(app);
        new ConsoleRoutes(services.proposals(), services.nonces(), services.decisions(), services.reviewers(),
                idempotent, sessions).register(app);
        new LogRoutes(services.log(), sessions).register(app);
        new AdminRoutes(new AdminGuard(adminToken), services.reviewers(), services.proposals(),
                services.inventory(), services.policy(), idempotent).register(app);
    }

    /** Starts listening; returns the port (useful when 0 asked for any free one). */
    public int start(String host, int port) {
        app.start(host, port);
        for (Connector connector : app.jettyServer().server().getConnectors()) {
            if (connector instanceof ServerConnector server) {
                server.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
            }
        }
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
        pollExecutor.shutdownNow();
        try {
            pollExecutor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
