package dev.countersign.app.sync;

import dev.countersign.app.common.UserText;
import dev.countersign.model.api.DecisionReceipt;
import dev.countersign.model.api.DecisionRecordView;
import dev.countersign.model.api.EnrollmentReceipt;
import dev.countersign.model.api.EnrollmentRequest;
import dev.countersign.model.api.Health;
import dev.countersign.model.api.LogSegment;
import dev.countersign.model.api.NonceBatch;
import dev.countersign.model.api.NonceBatchRequest;
import dev.countersign.model.api.NonceGrant;
import dev.countersign.model.api.ProposalVersionView;
import dev.countersign.model.api.ProposalView;
import dev.countersign.model.api.QueuePage;
import dev.countersign.model.api.RecordList;
import dev.countersign.model.api.ReviewerView;
import dev.countersign.model.api.SessionChallengeGrant;
import dev.countersign.model.api.SessionChallengeRequest;
import dev.countersign.model.api.SessionGrant;
import dev.countersign.model.api.SignedCheckpoint;
import dev.countersign.model.crypto.KeyIds;
import dev.countersign.model.crypto.PublicKeys;
import dev.countersign.model.json.Json;
import dev.countersign.model.json.JsonFormatException;
import dev.countersign.model.record.DsseEnvelope;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The gateway's HTTP API (docs/api.md) as typed, blocking calls. Call it only from a {@code TaskRunner} task, never
 * from the UI thread. Every failure is a {@link GatewayException}: a refusal carries the gateway's problem details,
 * an unreachable gateway says so in words.
 *
 * <p>Console calls carry the reviewer's session token from the {@link SessionAuth} set with
 * {@link #useSessions(SessionAuth)}; when the gateway says the session lapsed, the client asks for a fresh token
 * once and repeats the call (safe: a refused call changed nothing, and POSTs carry their idempotency key).
 */
public final class GatewayClient {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final RequestBody EMPTY = RequestBody.create(new byte[0], JSON);

    private final HttpUrl base;
    private final OkHttpClient http;
    private volatile SessionAuth sessions = SessionAuth.NONE;

    public GatewayClient(URI baseUri, OkHttpClient http) {
        HttpUrl parsed = HttpUrl.parse(baseUri.toString());
        if (parsed == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + baseUri);
        }
        this.base = parsed;
        this.http = http;
    }

    public GatewayClient(URI baseUri) {
        this(baseUri, defaultHttp());
    }

    public static OkHttpClient defaultHttp() {
        return new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(20))
                .writeTimeout(Duration.ofSeconds(20))
                .retryOnConnectionFailure(false)
                .followRedirects(false) // a redirect must never carry a session token or a signed decision elsewhere
                .followSslRedirects(false)
                .build();
    }

    public URI baseUri() {
        return base.uri();
    }

    /** Where console calls get their session token from. */
    public void useSessions(SessionAuth auth) {
        this.sessions = auth;
    }

    /** The session source in use (another client for the same gateway and reviewer may share it). */
    public SessionAuth sessions() {
        return sessions;
    }

    public Health health() throws GatewayException {
        return send(get(url("v1", "health")), Health.class);
    }

    /**
     * The id (sha256 of the DER) of the gateway's signing key, which names a gateway for good: a console's cache
     * belongs to the gateway whose key filled it. Needs no session.
     */
    public String gatewayKeyId() throws GatewayException {
        Request request = get(url("v1", "log", "key")).header("Accept", "text/plain").build();
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            String text = body == null ? "" : body.string();
            if (!response.isSuccessful()) {
                throw new GatewayProblemException(Problems.parse(response.code(), response.message(),
                        text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            }
            try {
                return KeyIds.of(PublicKeys.fromPem(text));
            } catch (RuntimeException e) {
                throw new GatewayResponseException(new UserText("error.gateway.publicKey", e.getMessage()), e);
            }
        } catch (InterruptedIOException e) {
            throw new GatewayUnavailableException(new UserText("error.gateway.timeout", hostPort()), e);
        } catch (IOException e) {
            throw new GatewayUnavailableException(new UserText("error.gateway.unreachable", hostPort()), e);
        }
    }

    /** Proposals changed since the cursor (null: from the beginning). */
    public QueuePage queue(String cursor, int limit) throws GatewayException {
        HttpUrl.Builder url = url("v1", "queue").newBuilder().addQueryParameter("limit", Integer.toString(limit));
        if (cursor != null) {
            url.addQueryParameter("cursor", cursor);
        }
        return sendAuthed(get(url.build()), QueuePage.class);
    }

    public ProposalView proposal(String proposalId) throws GatewayException {
        return send(get(url("v1", "proposals", proposalId)), ProposalView.class);
    }

    /** One stored version of a proposal with the context stored for it (what its decision records were shown). */
    public ProposalVersionView proposalVersion(String proposalId, int version) throws GatewayException {
        return sendAuthed(get(url("v1", "proposals", proposalId, "versions", Integer.toString(version))),
                ProposalVersionView.class);
    }

    public NonceGrant issueNonce(String proposalId, String idempotencyKey) throws GatewayException {
        return sendAuthed(post(url("v1", "proposals", proposalId, "nonces"), EMPTY, idempotencyKey),
                NonceGrant.class);
    }

    /**
     * Decision nonces for a batch of proposals (1–500), one each for those still pending; the others are listed as
     * refused. Fetched ahead, so a decision can be signed while the gateway cannot be reached.
     */
    public NonceBatch issueNonces(List<String> proposalIds) throws GatewayException {
        return sendAuthed(post(url("v1", "nonces"), json(new NonceBatchRequest(proposalIds)),
                "nonces-" + java.util.UUID.randomUUID()), NonceBatch.class);
    }

    /** Asks the gateway to take a pending proposal's context again, from today's inventory and policy. */
    public ProposalView refreshContext(String proposalId) throws GatewayException {
        return sendAuthed(post(url("v1", "proposals", proposalId, "context", "refresh"), EMPTY,
                "refresh-" + java.util.UUID.randomUUID()), ProposalView.class);
    }

    /**
     * Posts a signed decision given as the exact JSON bytes it was stored with, so every resend under its
     * idempotency key is byte for byte the same request.
     */
    public DecisionReceipt postDecisionJson(String envelopeJson, String idempotencyKey) throws GatewayException {
        return sendAuthed(post(url("v1", "decisions"), RequestBody.create(
                envelopeJson.getBytes(java.nio.charset.StandardCharsets.UTF_8), JSON), idempotencyKey),
                DecisionReceipt.class);
    }

    public DecisionReceipt postDecision(DsseEnvelope envelope, String idempotencyKey) throws GatewayException {
        return sendAuthed(post(url("v1", "decisions"), json(envelope), idempotencyKey), DecisionReceipt.class);
    }

    /** Decision records in log order from a log index, at most {@code limit} (1–1000). */
    public RecordList decisionsFrom(long fromIndex, int limit) throws GatewayException {
        HttpUrl url = url("v1", "decisions").newBuilder().addQueryParameter("fromIndex", Long.toString(fromIndex))
                .addQueryParameter("limit", Integer.toString(limit)).build();
        return sendAuthed(get(url), RecordList.class);
    }

    /** The decision records of one proposal, or (null) every record in log order, up to 10,000. */
    public RecordList decisions(String proposalId) throws GatewayException {
        HttpUrl.Builder builder = url("v1", "decisions").newBuilder();
        if (proposalId != null) {
            builder.addQueryParameter("proposalId", proposalId);
        }
        HttpUrl url = builder.build();
        return sendAuthed(get(url), RecordList.class);
    }

    public DecisionRecordView decision(String recordId) throws GatewayException {
        return sendAuthed(get(url("v1", "decisions", recordId)), DecisionRecordView.class);
    }

    public ReviewerView reviewer(String reviewer) throws GatewayException {
        return sendAuthed(get(url("v1", "reviewers", reviewer)), ReviewerView.class);
    }

    /** The gateway's newest signed checkpoint of its decision log, with its key (check it against a pinned key). */
    public SignedCheckpoint checkpoint() throws GatewayException {
        return sendAuthed(get(url("v1", "log", "checkpoint")), SignedCheckpoint.class);
    }

    /** Decision log entries in index order from {@code from}, at most {@code limit} (1–1000). */
    public LogSegment logEntries(long from, int limit) throws GatewayException {
        HttpUrl url = url("v1", "log", "entries").newBuilder().addQueryParameter("from", Long.toString(from))
                .addQueryParameter("limit", Integer.toString(limit)).build();
        return sendAuthed(get(url), LogSegment.class);
    }

    /** Asks for a challenge to sign with the reviewer's key (step one of opening a session). */
    public SessionChallengeGrant sessionChallenge(SessionChallengeRequest request) throws GatewayException {
        return send(post(url("v1", "sessions", "challenges"), json(request), null), SessionChallengeGrant.class);
    }

    /** Opens a session with the signed challenge (step two). */
    public SessionGrant openSession(DsseEnvelope signedChallenge) throws GatewayException {
        return send(post(url("v1", "sessions"), json(signedChallenge), null), SessionGrant.class);
    }

    /** Ends the session the token names, so it cannot be used again (signing out, locking). */
    public void closeSession(String token) throws GatewayException {
        Request.Builder builder = new Request.Builder().url(url("v1", "sessions", "current")).delete()
                .header("Authorization", "Bearer " + token);
        sendNoContent(builder);
    }

    /**
     * Replaces the reviewer's key with the one the rotation names, signed by the old and the new key; the gateway
     * revokes the old key, so the current session ends with it.
     */
    public ReviewerView rotateKey(String reviewer, DsseEnvelope rotation, String idempotencyKey)
            throws GatewayException {
        return sendAuthed(post(url("v1", "reviewers", reviewer, "keys", "rotations"), json(rotation), idempotencyKey),
                ReviewerView.class);
    }

    /** Enrolls a reviewer key with the admin token (never logged). Enrolling the same key again is harmless. */
    public EnrollmentReceipt enroll(EnrollmentRequest request, String adminToken, String idempotencyKey)
            throws GatewayException {
        Request.Builder builder = post(url("v1", "admin", "reviewers"), json(request), idempotencyKey);
        builder.header("Authorization", "Bearer " + adminToken);
        return send(builder, EnrollmentReceipt.class);
    }

    private HttpUrl url(String... segments) {
        HttpUrl.Builder builder = base.newBuilder();
        for (String segment : segments) {
            builder.addPathSegment(segment);
        }
        return builder.build();
    }

    private static Request.Builder get(HttpUrl url) {
        return new Request.Builder().url(url).get().header("Accept", "application/json");
    }

    private static Request.Builder post(HttpUrl url, RequestBody body, String idempotencyKey) {
        Request.Builder builder = new Request.Builder().url(url).post(body).header("Accept", "application/json");
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        return builder;
    }

    private static RequestBody json(Object body) {
        return RequestBody.create(Json.bytes(body), JSON);
    }

    private <T> T sendAuthed(Request.Builder builder, Class<T> type) throws GatewayException {
        SessionAuth auth = sessions;
        String token = auth.token();
        try {
            return send(withToken(builder, token), type);
        } catch (GatewayProblemException e) {
            if (!SessionAuth.lapsed(e)) {
                throw e;
            }
            auth.lapsed(token);
            return send(withToken(builder, auth.token()), type);
        }
    }

    private static Request.Builder withToken(Request.Builder builder, String token) {
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private void sendNoContent(Request.Builder builder) throws GatewayException {
        Request request = builder.build();
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            byte[] bytes = body == null ? new byte[0] : body.bytes();
            if (!response.isSuccessful()) {
                throw new GatewayProblemException(Problems.parse(response.code(), response.message(), bytes));
            }
        } catch (InterruptedIOException e) {
            throw new GatewayUnavailableException(new UserText("error.gateway.timeout", hostPort()), e);
        } catch (IOException e) {
            throw new GatewayUnavailableException(new UserText("error.gateway.unreachable", hostPort()), e);
        }
    }

    private <T> T send(Request.Builder builder, Class<T> type) throws GatewayException {
        Request request = builder.build();
        String what = request.method() + " " + request.url().encodedPath();
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            byte[] bytes = body == null ? new byte[0] : body.bytes();
            if (!response.isSuccessful()) {
                throw new GatewayProblemException(Problems.parse(response.code(), response.message(), bytes));
            }
            try {
                return Json.parse(bytes, type);
            } catch (JsonFormatException e) {
                throw new GatewayResponseException(
                        new UserText("error.gateway.unexpectedAnswer", what, e.getMessage()), e);
            }
        } catch (InterruptedIOException e) {
            throw new GatewayUnavailableException(new UserText("error.gateway.timeout", hostPort()), e);
        } catch (IOException e) {
            throw new GatewayUnavailableException(new UserText("error.gateway.unreachable", hostPort()), e);
        }
    }

    private String hostPort() {
        return base.host() + ":" + base.port();
    }
}
