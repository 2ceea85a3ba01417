package dev.countersign.app.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.countersign.app.review.ParameterDiff.Change;
import dev.countersign.app.review.ParameterDiff.Line;
import dev.countersign.model.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterDiffTest {

    @Test
    void showsEveryKeyWithWhatHappenedToIt() {
        ParameterDiff diff = diff("{\"a\":1,\"b\":\"x\",\"gone\":true}", "{\"a\":1,\"b\":\"y\",\"new\":[1,2]}");
        assertEquals(List.of(
                new Line("a", "1", "1", Change.SAME),
                new Line("b", "\"x\"", "\"y\"", Change.CHANGED),
                new Line("gone", "true", null, Change.REMOVED),
                new Line("new", null, "[1,2]", Change.ADDED)), diff.lines());
        assertEquals(3, diff.changedCount());
    }

    @Test
    void flattensNestedObjectsAndArraysOfObjectsToPaths() {
        ParameterDiff diff = diff("{\"k\":{\"algo\":\"RSA\"},\"v\":[{\"s\":\"Active\"}]}",
                "{\"k\":{\"algo\":\"EC\"},\"v\":[{\"s\":\"Inactive\"},{\"s\":\"Active\"}]}");
        assertEquals(List.of(
                new Line("k.algo", "\"RSA\"", "\"EC\"", Change.CHANGED),
                new Line("v[0].s", "\"Active\"", "\"Inactive\"", Change.CHANGED),
                new Line("v[1].s", null, "\"Active\"", Change.ADDED)), diff.lines());
    }

    @Test
    void aStringAndANumberThatLookAlikeDiffer() {
        ParameterDiff diff = diff("{\"port\":443}", "{\"port\":\"443\"}");
        assertEquals(new Line("port", "443", "\"443\"", Change.CHANGED), diff.lines().get(0));
    }

    @Test
    void arraysOfPlainValuesStayWholeAndNothingIsShortened() {
        String longValue = "x".repeat(5000);
        ParameterDiff diff = diff("{\"scopes\":[\"read\"],\"blob\":\"" + longValue + "\"}",
                "{\"scopes\":[\"read\",\"admin\"],\"blob\":\"" + longValue + "\"}");
        assertEquals(new Line("scopes", "[\"read\"]", "[\"read\",\"admin\"]", Change.CHANGED), diff.lines().get(0));
        assertEquals(5002, diff.lines().get(1).after().length());
    }

    @Test
    void anObjectReplacedByAScalarIsOneLine() {
        ParameterDiff diff = diff("{\"t\":{\"a\":1}}", "{\"t\":null}");
        assertEquals(List.of(new Line("t", "{\"a\":1}", "null", Change.CHANGED)), diff.lines());
    }

    private static ParameterDiff diff(String before, String after) {
        return ParameterDiff.of(Json.tree(before.getBytes(StandardCharsets.UTF_8)),
                Json.tree(after.getBytes(StandardCharsets.UTF_8)));
    }
}
