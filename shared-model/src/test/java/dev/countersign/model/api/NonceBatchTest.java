package dev.countersign.model.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.countersign.model.json.Json;
import dev.countersign.model.json.JsonFormatException;
import dev.countersign.model.testing.Goldens;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The bodies of POST /v1/nonces: their exact JSON, and every shape the request refuses, with its path. */
class NonceBatchTest {
    private static final String A = "prp_01JD6Y0000000000000000000A";
    private static final String B = "prp_01JD6Y0000000000000000000B";
    private static final String C = "prp_01JD6Y0000000000000000000C";

    @Test
    void theRequestKeepsItsGoldenForm() throws IOException {
        String golden = Goldens.text("nonce-batch-request.json");
        NonceBatchRequest request = Json.parse(golden, NonceBatchRequest.class);
        assertEquals(List.of(A, B, C), request.proposalIds());
        assertEquals(golden, Json.string(new NonceBatchRequest(List.of(A, B, C))));
    }

    @Test
    void theBatchKeepsItsGoldenForm() throws IOException {
        NonceBatch batch = new NonceBatch(
                List.of(new NonceGrant("n0nce-" + "A".repeat(38), A, Instant.parse("2026-11-22T09:00:00Z"))),
                List.of(new NonceRefusal(B, "proposal-closed", "Proposal " + B + " is already approved."),
                        new NonceRefusal(C, "not-found", "No proposal " + C + ".")));
        String golden = Goldens.text("nonce-batch.json");
        assertEquals(golden, Json.string(batch));
        assertEquals(batch, Json.parse(golden, NonceBatch.class));
    }

    @Test
    void theRequestIsParsedStrictly() {
        assertPath("$.proposalIds", "{}");
        assertPath("$.proposalIds", "{\"proposalIds\":[]}");
        assertPath("$.extra", "{\"proposalIds\":[\"" + A + "\"],\"extra\":1}");
        assertPath("$.proposalIds[1]", "{\"proposalIds\":[\"" + A + "\",\" \"]}");
        assertPath("$.proposalIds[1]", "{\"proposalIds\":[\"" + A + "\",null]}");
        JsonFormatException repeated = assertPath("$.proposalIds[2]",
                "{\"proposalIds\":[\"" + A + "\",\"" + B + "\",\"" + A + "\"]}");
        assertEquals("repeats proposalIds[0]; name each proposal once", repeated.problem());
    }

    @Test
    void aBatchHoldsAtMostFiveHundredIds() {
        assertEquals(NonceBatchRequest.MAX_IDS, Json.parse(ids(500), NonceBatchRequest.class).proposalIds().size());
        JsonFormatException e = assertPath("$.proposalIds", ids(501));
        assertEquals("must name 1 to 500 proposals but names 501", e.problem());
    }

    @Test
    void aRefusalNeedsEveryField() {
        String noDetail = "{\"proposalId\":\"" + A + "\",\"type\":\"not-found\"}";
        assertThrows(JsonFormatException.class, () -> Json.parse(noDetail, NonceRefusal.class));
        assertPathOf(NonceBatch.class, "$.refused", "{\"nonces\":[]}");
        assertPathOf(NonceBatch.class, "$.refused[0].type",
                "{\"nonces\":[],\"refused\":[{\"proposalId\":\"" + A + "\",\"type\":\"\",\"detail\":\"x\"}]}");
    }

    private static String ids(int n) {
        List<String> quoted = new ArrayList<>();
        IntStream.range(0, n).forEach(i -> quoted.add("\"prp_" + i + "\""));
        return quoted.stream().collect(Collectors.joining(",", "{\"proposalIds\":[", "]}"));
    }

    private static JsonFormatException assertPath(String path, String json) {
        return assertPathOf(NonceBatchRequest.class, path, json);
    }

    private static JsonFormatException assertPathOf(Class<?> type, String path, String json) {
        JsonFormatException e = assertThrows(JsonFormatException.class, () -> Json.parse(json, type), json);
        assertEquals(path, e.path(), () -> json + ": " + e.problem());
        return e;
    }
}
