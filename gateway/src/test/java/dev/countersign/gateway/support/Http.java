package dev.countersign.gateway.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A small client for the gateway's API over real HTTP. {@link #withSession(String)} gives one that sends a session
 * token with every call except admin calls, as a console does.
 */
public final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String adminToken;
    private final String sessionToken;

    public Http(URI base, String adminToken) {
        this(base, adminToken, null);
    }

    private Http(URI base, String adminToken, String sessionToken) {
        this.base = base;
        this.adminToken = adminToken;
        this.sessionToken = sessionToken;
    }

    /** The same gateway, with {@code Authorization: Bearer <token>} on every non-admin call. */
    public Http withSession(String token) {
        return new Http(base, adminToken, token);
    }

    /** The same client (and session token) for a gateway at another address, e.g. after a restart. */
    public Http at(URI newBase) {
        return new Http(newBase, adminToken, sessionToken);
    }

    /** GET with optional header name/value pairs. */
    public Reply get(String path, String... headers) {
        return send(withHeaders(request(path).GET(), true, headers));
    }

    /** POST with optional header name/value pairs. */
    public Reply post(String path, String body, String... headers) {
        return send(withHeaders(request(path), true, headers).POST(body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json"));
    }

    /** DELETE with optional header name/value pairs. */
    public Reply delete(String path, String... headers) {
        return send(withHeaders(request(path).DELETE(), true, headers));
    }

    public Reply adminPost(String path, String body, String... headers) {
        return send(withHeaders(adminRequest(path), false, headers).POST(body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json"));
    }

    public Reply adminGet(String path) {
        return send(adminRequest(path).GET());
    }

    public Reply adminPut(String path, String body) {
        return send(adminRequest(path).PUT(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json"));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
    }

    private HttpRequest.Builder adminRequest(String path) {
        return request(path).header("Authorization", "Bearer " + adminToken);
    }

    /** Adds the headers, and the session token unless they set Authorization themselves or it is an admin call. */
    private HttpRequest.Builder withHeaders(HttpRequest.Builder b, boolean session, String... headers) {
        boolean ownAuthorization = false;
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
            ownAuthorization |= headers[i].equalsIgnoreCase("Authorization");
        }
        if (session && sessionToken != null && !ownAuthorization) {
            b.header("Authorization", "Bearer " + sessionToken);
        }
        return b;
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}

