package dev.countersign.gateway.admin;

import dev.countersign.model.api.Problem;
import dev.countersign.model.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** The admin commands' HTTP client: bearer token, idempotency keys, problem details turned into messages. */
final class AdminClient {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String token;

    AdminClient(URI base, String token) {
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.token = token;
    }

    <T> T get(String path, Class<T> type) throws AdminException {
        return send(request(path).GET(), type);
    }

    <T> T post(String path, Object body, Class<T> type) throws AdminException {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(Json.string(body));
        return send(request(path).POST(publisher).header("Content-Type", "application/json")
                .header("Idempotency-Key", "admin-cli-" + UUID.randomUUID()), type);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
    }

    private <T> T send(HttpRequest.Builder request, Class<T> type) throws AdminException {
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AdminException("The gateway at " + base + " did not answer (" + e.getMessage()
                    + "). Is it running? Give its address with --url.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdminException("Interrupted while waiting for the gateway.");
        }
        if (response.statusCode() / 100 != 2) {
            throw new AdminException(problemText(response));
        }
        return Json.parse(response.body(), type);
    }

    private static String problemText(HttpResponse<String> response) {
        try {
            Problem p = Json.mapper().readValue(response.body(), Problem.class);
            return "The gateway refused (" + response.statusCode() + " " + p.code() + "): "
                    + (p.detail() == null ? p.title() : p.detail());
        } catch (IOException | RuntimeException e) {
            return "The gateway answered " + response.statusCode() + ".";
        }
    }
}
