package dev.countersign.app.queue;

import dev.countersign.model.Proposal;
import dev.countersign.model.ProposalSubmission;
import dev.countersign.model.api.ProposalView;
import dev.countersign.model.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Submits proposals to a gateway as an agent does (POST /v1/proposals), for the queue's tests. */
final class Proposals {
    private Proposals() {}

    /** Submits again what {@code like} proposed (same agent, action, target, environment: the same tier). */
    static String submitLike(URI gateway, ProposalView like, int expiresInMinutes) throws Exception {
        Proposal p = like.proposal();
        ProposalSubmission submission = new ProposalSubmission(p.agent(), p.actionType(), p.target().id(),
                p.environment(), p.parameters(), p.intent(), expiresInMinutes);
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/v1/proposals"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.string(submission)))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("submit: " + response.statusCode() + " " + response.body());
        }
        return Json.parse(response.body(), ProposalView.class).proposal().id();
    }
}
