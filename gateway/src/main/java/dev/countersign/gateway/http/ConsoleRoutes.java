package dev.countersign.gateway.http;

import dev.countersign.gateway.decisions.DecisionService;
import dev.countersign.gateway.decisions.NonceService;
import dev.countersign.gateway.problem.ProblemException;
import dev.countersign.gateway.problem.ProblemType;
import dev.countersign.gateway.proposals.ProposalService;
import dev.countersign.gateway.reviewers.ReviewerService;
import java.util.Optional;
import dev.countersign.model.api.ProposalView;
import dev.countersign.gateway.reviewers.DecisionAuthority;
import dev.countersign.gateway.sessions.Session;
import dev.countersign.model.api.DecisionReceipt;
import dev.countersign.model.api.NonceBatchRequest;
import dev.countersign.model.api.NonceGrant;
import dev.countersign.model.api.RecordList;
import dev.countersign.model.record.DsseEnvelope;
import io.javalin.Javalin;
import io.javalin.http.Context;

/**
 * What consoles call: the queue, a proposal's stored versions, nonces (one or a batch), a context refresh, signed decisions, decision records,
 * reviewers. Every route needs an open session; a decision must be posted in the session of the key that signed it.
 */
final class ConsoleRoutes {
    /** The most records one GET /v1/decisions?fromIndex= answers, and how many when no limit is given. */
    static final int MAX_RECORDS_PAGE = 1000;
    static final int DEFAULT_RECORDS_PAGE = 500;

    private final ProposalService proposals;
    private final NonceService nonces;
    private final DecisionService decisions;
    private final ReviewerService reviewers;
    private final Idempotent idempotent;
    private final SessionGuard guard;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ConsoleRoutes.class);

    ConsoleRoutes(ProposalService proposals, NonceService nonces, DecisionService decisions,
            ReviewerService reviewers, Idempotent idempotent, SessionGuard guard) {
        this.guard = guard;
        this.proposals = proposals;
        this.nonces = nonces;
        this.decisions = decisions;
        this.reviewers = reviewers;
        this.idempotent = idempotent;
    }

    void register(Javalin app) {
        app.get("/v1/queue", ctx -> {
            guard.require(ctx);
            Responses.ok(ctx, proposals.queue(ctx.queryParam("cursor"), Params.intParam(ctx, "limit", 100, 1, 500)));
        });
        app.get("/v1/proposals/{id}/versions/{version}", ctx -> {
            guard.require(ctx);
            Responses.ok(ctx, proposals.version(ctx.pathParam("id"), versionParam(ctx)));
        });
        app.post("/v1/proposals/{id}/nonces", ctx -> {
            guard.require(ctx);
            idempotent.post(ctx, body -> {
                NonceGrant grant = nonces.issue(ctx.pathParam("id"));
                return ApiResponse.created(grant, null);
            });
        });
        app.post("/v1/nonces", ctx -> {
            guard.require(ctx);
            idempotent.post(ctx, body -> ApiResponse.created(
                    nonces.issueAll(Bodies.parse(body, NonceBatchRequest.class)), null));
        });
        app.post("/v1/proposals/{id}/context/refresh", ctx -> {
            Session session = guard.require(ctx);
            String id = ctx.pathParam("id");
            idempotent.post(ctx, body -> {
                mayDecide(session, id);
                ProposalView refreshed = proposals.refreshContext(id);
                LOG.info("context of {} refreshed by {} (now version {})", id, session.reviewer(),
                        refreshed.proposal().version());
                return ApiResponse.ok(refreshed);
            });
        });
        app.post("/v1/decisions", ctx -> {
            Session session = guard.require(ctx);
            idempotent.post(ctx, body -> {
                DecisionReceipt receipt = decisions.decide(Bodies.parse(body, DsseEnvelope.class,
                        ProblemType.INVALID_RECORD), session);
                return ApiResponse.created(receipt, "/v1/decisions/" + receipt.recordId());
            });
        });
        app.get("/v1/decisions", ctx -> {
            guard.require(ctx);
            Responses.ok(ctx, records(ctx));
        });
        app.get("/v1/decisions/{recordId}", ctx -> {
            guard.require(ctx);
            Responses.ok(ctx, decisions.record(ctx.pathParam("recordId")));
        });
        app.get("/v1/reviewers/{reviewer}", ctx -> {
            guard.require(ctx);
            Responses.ok(ctx, reviewers.reviewer(ctx.pathParam("reviewer")));
        });
    }

    /** A proposal version in the path: an integer of 1 or more. */
    private static int versionParam(Context ctx) {
        String raw = ctx.pathParam("version");
        try {
            int value = Integer.parseInt(raw);
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ProblemException.of(ProblemType.INVALID_REQUEST,
                "The proposal version in the path must be an integer of 1 or more.");
    }

    /** One proposal's records, a page of the log from an index, or (neither asked) every record. */
    private RecordList records(Context ctx) {
        String proposalId = ctx.queryParam("proposalId");
        boolean fromIndex = ctx.queryParam("fromIndex") != null;
        if (fromIndex && proposalId != null) {
            throw ProblemException.of(ProblemType.INVALID_REQUEST,
                    "Ask either for one proposal's records (proposalId) or for the log from an index (fromIndex),"
                            + " not both.");
        }
        if (fromIndex) {
            return decisions.recordsFrom(Params.logIndexParam(ctx, "fromIndex"),
                    Params.intParam(ctx, "limit", DEFAULT_RECORDS_PAGE, 1, MAX_RECORDS_PAGE));
        }
        if (ctx.queryParam("limit") != null) {
            throw ProblemException.of(ProblemType.INVALID_REQUEST,
                    "The query parameter limit pages the log and goes with fromIndex.");
        }
        return decisions.records(proposalId);
    }

    /**
     * A refresh can make a new version, so approvals given so far stop counting: only a reviewer who may decide the
     * proposal may ask for one (not-permitted otherwise, in the words a decision would get).
     */
    private void mayDecide(Session session, String proposalId) {
        ProposalView view = proposals.view(proposalId);
        Optional<String> refusal = DecisionAuthority.refusal(reviewers.reviewer(session.reviewer()), view.proposal(),
                view.context().policyBasis());
        if (refusal.isPresent()) {
            throw ProblemException.aboutProposal(ProblemType.NOT_PERMITTED, refusal.get()
                    + " Only a reviewer who may decide a proposal may refresh its context.", proposalId,
                    view.status());
        }
    }
}
