package dev.countersign.app.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The complete before → after comparison of a proposal's parameters: every key, nested objects and arrays of objects
 * flattened to paths ({@code keys[0].status}), other values written as JSON (strings quoted, so "123" and 123 differ
 * visibly; arrays of plain values whole). Nothing is left out or shortened.
 */
public record ParameterDiff(List<Line> lines) {

    /** What happened to one key. */
    public enum Change { SAME, CHANGED, ADDED, REMOVED }

    /** One key; {@code before} or {@code after} is null when the key is absent on that side. */
    public record Line(String key, String before, String after, Change change) {}

    public ParameterDiff {
        lines = List.copyOf(lines);
    }

    public static ParameterDiff of(JsonNode before, JsonNode after) {
        List<Line> lines = new ArrayList<>();
        walk("", before, after, lines);
        return new ParameterDiff(lines);
    }

    public long changedCount() {
        return lines.stream().filter(l -> l.change() != Change.SAME).count();
    }

    private static void walk(String prefix, JsonNode before, JsonNode after, List<Line> out) {
        if (isArrayOfObjects(before, after)) {
            int size = Math.max(before == null ? 0 : before.size(), after == null ? 0 : after.size());
            for (int i = 0; i < size; i++) {
                JsonNode b = before == null || i >= before.size() ? null : before.get(i);
                JsonNode a = after == null || i >= after.size() ? null : after.get(i);
                step(prefix + "[" + i + "]", b, a, out);
            }
            return;
        }
        Set<String> keys = new LinkedHashSet<>();
        names(before, keys);
        names(after, keys);
        for (String key : keys) {
            step(prefix.isEmpty() ? key : prefix + "." + key, before == null ? null : before.get(key),
                    after == null ? null : after.get(key), out);
        }
    }

    /** Goes into non-empty objects and arrays of objects; anything else is one line. */
    private static void step(String path, JsonNode before, JsonNode after, List<Line> out) {
        if (container(before) && (after == null || container(after) && after.getNodeType() == before.getNodeType())
                || before == null && container(after)) {
            walk(path, before, after, out);
        } else {
            out.add(line(path, before, after));
        }
    }

    private static boolean container(JsonNode node) {
        return node != null && node.size() > 0 && (node.isObject() || isArrayOfObjects(node, null));
    }

    private static boolean isArrayOfObjects(JsonNode a, JsonNode b) {
        boolean any = false;
        for (JsonNode node : new JsonNode[] {a, b}) {
            if (node == null) {
                continue;
            }
            if (!node.isArray()) {
                return false;
            }
            for (JsonNode element : node) {
                if (!element.isObject()) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    private static Line line(String key, JsonNode before, JsonNode after) {
        String b = before == null ? null : before.toString();
        String a = after == null ? null : after.toString();
        Change change;
        if (before == null) {
            change = Change.ADDED;
        } else if (after == null) {
            change = Change.REMOVED;
        } else {
            change = before.equals(after) ? Change.SAME : Change.CHANGED;
        }
        return new Line(key, b, a, change);
    }

    private static void names(JsonNode node, Set<String> into) {
        if (node == null || !node.isObject()) {
            return;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            into.add(it.next());
        }
    }
}
