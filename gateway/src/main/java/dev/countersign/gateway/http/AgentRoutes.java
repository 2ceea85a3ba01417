package dev.countersign.gateway.http;

import dev.countersign.gateway.proposals.ChangeNotifier;
import dev.countersign.gateway.proposals.ProposalService;
import dev.countersign.model.ProposalStatus;
import dev.countersign.model.ProposalSubmission;
import dev.countersign.model.api.Outcome;
import dev.countersign.model.api.ProposalView;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * What agents call: submit a proposal, read it, wait for its outcome. The long poll holds no Jetty thread while it
 * waits: it parks on a future completed by the next committed change to the proposal, or by a timer.
 */
final class AgentRoutes {
    static final int MAX_WAIT_SECONDS = 60;

    private final ProposalService proposals;
    private final ChangeNotifier notifier;
    private final Idempotent idempotent;
    private final Executor pollExecutor;
    private final Clock clock;

    AgentRoutes(ProposalService proposals, ChangeNotifier notifier, Idempotent idempotent, Executor pollExecutor,
            Clock clock) {
        this.proposals = proposals;
        this.notifier = notifier;
        this.idempotent = idempotent;
        this.pollExecutor = pollExecutor;
        this.clock = clock;
    }

    void register(Javalin app) {
        app.post("/v1/proposals", ctx -> idempotent.post(ctx, body -> {
            ProposalView view = proposals.submit(Bodies.parse(body, ProposalSubmission.class));
            return ApiResponse.created(view, "/v1/proposals/" + view.proposal().id());
        }));
        app.get("/v1/proposals/{id}", ctx -> Responses.ok(ctx, proposals.view(ctx.pathParam("id"))));
        app.get("/v1/proposals/{id}/outcome", this::outcome);
    }

    private void outcome(Context ctx) {
        int waitSeconds = Params.intParam(ctx, "waitSeconds", 30, 0, MAX_WAIT_SECONDS);
        String id = ctx.pathParam("id");
        CompletableFuture<Void> change = notifier.nextChange(id);
        Outcome now;
        try {
            now = proposals.outcome(id);
        } catch (RuntimeException e) {
            change.cancel(false);
            throw e;
        }
        if (now.status() != ProposalStatus.PENDING || waitSeconds == 0) {
            change.cancel(false);
            Responses.ok(ctx, now);
            return;
        }
        Instant expiresAt = proposals.row(id).expiresAt();
        long untilExpiry = Math.max(0, Duration.between(clock.instant(), expiresAt).toMillis()) + 50;
        long waitMillis = Math.min(waitSeconds * 1000L, untilExpiry);
        ctx.future(() -> change.completeOnTimeout(null, waitMillis, TimeUnit.MILLISECONDS)
                .thenApplyAsync(v -> proposals.outcome(id), pollExecutor)
                .handle((outcome, failure) -> {
                    if (failure == null) {
                        Responses.ok(ctx, outcome);
                    } else {
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause() : failure;
                        Problems.handle(cause instanceof Exception ex ? ex : new RuntimeException(cause), ctx);
                    }
                    return null;
                }));
    }
}
