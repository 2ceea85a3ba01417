package dev.countersign.gateway.http;

import dev.countersign.gateway.inventory.Inventory;
import dev.countersign.gateway.inventory.InventoryDocument;
import dev.countersign.gateway.inventory.InventoryService;
import dev.countersign.gateway.policy.Policy;
import dev.countersign.gateway.policy.PolicyService;
import dev.countersign.gateway.proposals.AmendRequest;
import dev.countersign.gateway.proposals.ProposalService;
import dev.countersign.gateway.reviewers.Enrollment;
import dev.countersign.gateway.reviewers.ReviewerService;
import dev.countersign.model.api.EnrollmentRequest;
import dev.countersign.model.api.RightsGrant;
import io.javalin.Javalin;
import java.util.Map;

/** Admin calls, behind the admin token: enroll and revoke keys, grant rights, list reviewers, amend proposals, load inventory and policy. */
final class AdminRoutes {
    private final AdminGuard guard;
    private final ReviewerService reviewers;
    private final ProposalService proposals;
    private final InventoryService inventory;
    private final PolicyService policy;
    private final Idempotent idempotent;

    AdminRoutes(AdminGuard guard, ReviewerService reviewers, ProposalService proposals, InventoryService inventory,
            PolicyService policy, Idempotent idempotent) {
        this.guard = guard;
        this.reviewers = reviewers;
        this.proposals = proposals;
        this.inventory = inventory;
        this.policy = policy;
        this.idempotent = idempotent;
    }

    void register(Javalin app) {
        app.before("/v1/admin/*", guard::check);
        app.post("/v1/admin/reviewers", ctx -> idempotent.post(ctx, body -> {
            Enrollment enrollment = reviewers.enroll(Bodies.parse(body, EnrollmentRequest.class));
            return enrollment.created()
                    ? ApiResponse.created(enrollment.receipt(), "/v1/reviewers/" + enrollment.receipt().reviewer())
                    : ApiResponse.ok(enrollment.receipt());
        }));
        app.post("/v1/admin/reviewers/{reviewer}/rights", ctx -> idempotent.post(ctx, body -> ApiResponse.ok(
                reviewers.grant(ctx.pathParam("reviewer"), Bodies.parse(body, RightsGrant.class)))));
        app.get("/v1/admin/reviewers", ctx -> Responses.ok(ctx, reviewers.all()));
        app.post("/v1/admin/keys/{keyId}/revoke", ctx -> idempotent.post(ctx,
                body -> ApiResponse.ok(reviewers.revoke(ctx.pathParam("keyId")))));
        app.post("/v1/admin/proposals/{id}/amend", ctx -> idempotent.post(ctx,
                body -> ApiResponse.ok(proposals.amend(ctx.pathParam("id"), Bodies.parse(body, AmendRequest.class)))));
        app.put("/v1/admin/inventory", ctx -> {
            Inventory parsed = Inventory.of(Bodies.parse(Bodies.read(ctx), InventoryDocument.class));
            inventory.replace(parsed);
            Responses.ok(ctx, Map.of("nhis", parsed.document().nhis().size(),
                    "workloads", parsed.document().workloads().size(),
                    "incidents", parsed.document().incidents().size()));
        });
        app.put("/v1/admin/policy", ctx -> {
            Policy parsed = Bodies.parse(Bodies.read(ctx), Policy.class);
            policy.replace(parsed);
            Responses.ok(ctx, Map.of("policyId", parsed.id(), "policyVersion", parsed.version()));
        });
    }
}
