package dev.countersign.gateway.http;

import dev.countersign.gateway.decisions.DecisionService;
import dev.countersign.gateway.decisions.NonceService;
import dev.countersign.gateway.problem.ProblemType;
import dev.countersign.gateway.proposals.ProposalService;
import dev.countersign.gateway.reviewers.ReviewerService;
import dev.countersign.model.api.DecisionReceipt;
import dev.countersign.model.api.NonceGrant;
import dev.countersign.model.record.DsseEnvelope;
import io.javalin.Javalin;

/** What consoles call: the queue, nonces, signed decisions, decision records, reviewers. */
final class ConsoleRoutes {
    private final ProposalService proposals;
    private final NonceService nonces;
    private final DecisionService decisions;
    private final ReviewerService reviewers;
    private final Idempotent idempotent;

    ConsoleRoutes(ProposalService proposals, NonceService nonces, DecisionService decisions,
            ReviewerService reviewers, Idempotent idempotent) {
        this.proposals = proposals;
        this.nonces = nonces;
        this.decisions = decisions;
        this.reviewers = reviewers;
        this.idempotent = idempotent;
    }

    void register(Javalin app) {
        app.get("/v1/queue", ctx -> Responses.ok(ctx, proposals.queue(ctx.queryParam("cursor"),
                Params.intParam(ctx, "limit", 100, 1, 500))));
        app.post("/v1/proposals/{id}/nonces", ctx -> idempotent.post(ctx, body -> {
            NonceGrant grant = nonces.issue(ctx.pathParam("id"));
            return ApiResponse.created(grant, null);
        }));
        app.post("/v1/decisions", ctx -> idempotent.post(ctx, body -> {
            DecisionReceipt receipt = decisions.decide(Bodies.parse(body, DsseEnvelope.class,
                    ProblemType.INVALID_RECORD));
            return ApiResponse.created(receipt, "/v1/decisions/" + receipt.recordId());
        }));
        app.get("/v1/decisions", ctx -> Responses.ok(ctx, decisions.records(ctx.queryParam("proposalId"))));
        app.get("/v1/decisions/{recordId}", ctx -> Responses.ok(ctx, decisions.record(ctx.pathParam("recordId"))));
        app.get("/v1/reviewers/{reviewer}", ctx -> Responses.ok(ctx, reviewers.reviewer(ctx.pathParam("reviewer"))));
    }
}
