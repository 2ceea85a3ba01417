package dev.countersign.app.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs the offline console benchmark at toy size (50 proposals, a cold start over 200 cached ones in one small child
 * JVM), so a change to the cache, sync or queue cannot silently break it. Asserts only that it produced figures.
 */
class OfflineConsoleBenchmarkSmokeTest {
    @Test
    void theHarnessProducesFigures() throws Exception {
        Map<String, String> figures = OfflineConsoleBenchmark.run(
                new OfflineConsoleBenchmark.Sizes(50, 1, 2, 200, 1, 1, "-Xmx256m"));

        assertTrue(figures.keySet().stream().anyMatch(k -> k.startsWith("full sync")), figures.toString());
        assertTrue(figures.keySet().stream().anyMatch(k -> k.startsWith("empty incremental sync")), figures.toString());
        assertTrue(figures.containsKey("cold start, open cache → usable"), figures.toString());
        assertTrue(figures.keySet().stream().anyMatch(k -> k.startsWith("filter keystroke")), figures.toString());
        assertTrue(figures.containsKey("RSS after usable + GC"), figures.toString());
    }
}
