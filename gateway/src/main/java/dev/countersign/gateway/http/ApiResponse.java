package dev.countersign.gateway.http;

import dev.countersign.gateway.idempotency.StoredResponse;
import dev.countersign.model.json.Json;

/** A JSON response: status, body, and a Location header for what was created. */
record ApiResponse(int status, String body, String location) {
    static ApiResponse ok(Object value) {
        return new ApiResponse(200, Json.string(value), null);
    }

    static ApiResponse created(Object value, String location) {
        return new ApiResponse(201, Json.string(value), location);
    }

    StoredResponse stored() {
        return new StoredResponse(status, body, location);
    }

    static ApiResponse of(StoredResponse stored) {
        return new ApiResponse(stored.status(), stored.body(), stored.location());
    }
}
