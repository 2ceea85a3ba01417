package dev.countersign.app.support;

import dev.countersign.app.sync.GatewayClient;
import dev.countersign.app.sync.GatewayConnection;
import dev.countersign.gateway.Gateway;
import dev.countersign.gateway.GatewayConfig;
import dev.countersign.model.ParameterChange;
import dev.countersign.model.json.Json;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A real demo gateway, as a team would run it, that a test can stop (the console then finds nobody at its address)
 * and start again on the same port with the same data. The console reaches it as a team gateway (by URL), with the
 * admin token handed over so first run can enroll the key as in the demo.
 */
public final class RestartableGateway implements AutoCloseable {
    private final Path dir;
    private Gateway gateway;
    private final int port;
    private final URI baseUri;

    private RestartableGateway(Path dir) throws Exception {
        this.dir = dir;
        this.gateway = Gateway.start(GatewayConfig.embeddedDemo(dir));
        this.port = gateway.port();
        this.baseUri = gateway.baseUri();
    }

    public static RestartableGateway start(Path dir) throws Exception {
        return new RestartableGateway(dir);
    }

    /** How the console connects: by URL, like a team gateway, with the admin token of the current run. */
    public GatewayConnection connection() {
        String token = gateway == null ? null : gateway.adminToken();
        return new GatewayConnection(baseUri, token, false, true, () -> { });
    }

    public URI baseUri() {
        return baseUri;
    }

    /** The admin token of the current run. */
    public String adminToken() {
        return gateway.adminToken();
    }

    public void stop() {
        if (gateway != null) {
            gateway.close();
            gateway = null;
        }
    }

    /** Starts it again on the same port, with the same data folder (nothing is seeded twice). */
    public void restart() throws Exception {
        stop();
        gateway = Gateway.start(new GatewayConfig(dir, GatewayConfig.LOOPBACK, port, true, Clock.systemUTC()));
    }

    /**
     * Starts it again with its database thrown away (its signing key kept): a gateway whose data folder was reset.
     * It seeds the demo world anew, with new proposal ids.
     */
    public void resetData() throws Exception {
        stop();
        java.nio.file.Files.delete(dir.resolve("gateway.mv.db"));
        java.nio.file.Files.deleteIfExists(dir.resolve("gateway.trace.db"));
        restart();
    }

    /** A client signed in as an observer (no decision rights), for the test's own reading. */
    public GatewayClient observer() throws Exception {
        return Observer.signIn(baseUri, gateway.adminToken());
    }

    /** An admin amends a pending proposal: a new version, so decisions on the old one are stale. */
    public void amend(String proposalId, ParameterChange parameters) throws Exception {
        OkHttpClient http = new OkHttpClient();
        Request request = new Request.Builder()
                .url(baseUri.resolve("/v1/admin/proposals/" + proposalId + "/amend").toString())
                .header("Authorization", "Bearer " + gateway.adminToken())
                .post(RequestBody.create(Json.bytes(Map.of("parameters", parameters)),
                        MediaType.get("application/json")))
                .build();
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new IllegalStateException("amend refused: " + response.code() + " " + response.body().string());
            }
        }
    }

    @Override
    public void close() {
        stop();
    }
}
