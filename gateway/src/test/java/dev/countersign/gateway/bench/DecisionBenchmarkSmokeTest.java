package dev.countersign.gateway.bench;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import org.junit.jupiter.api.Test;

/** Runs the benchmark harness with tiny counts, so a change to the gateway cannot silently break it. No timing. */
class DecisionBenchmarkSmokeTest {
    @Test
    void theHarnessRunsEndToEnd() {
        assertDoesNotThrow(() -> DecisionBenchmark.run(20, 5, 1));
    }
}
