package dev.countersign.app.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache file itself: made, reopened without re-migrating, and kept in step with its migrations. */
class CacheDatabaseTest {
    @TempDir
    Path dir;

    @Test
    void theLatestVersionConstantIsTheNewestMigration() throws IOException, URISyntaxException {
        Path folder = Path.of(CacheDatabase.class.getResource("/db/console").toURI());
        int newest;
        try (Stream<Path> files = Files.list(folder)) {
            newest = files.map(p -> p.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
        }
        assertEquals(newest, CacheDatabase.LATEST_VERSION, "bump LATEST_VERSION with each new migration");
    }

    @Test
    void theBuildShipsTheCacheChecksReferenceForTheCachesOwnSettings() throws IOException {
        try (var in = CacheDatabase.class.getResourceAsStream("/db/console.h2-reference.json")) {
            assertTrue(in != null, "made in process-classes by the exec plugin (app/pom.xml)");
            var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
            assertEquals(CacheDatabase.URL_SETTINGS, json.get("urlSettings").asText(),
                    "the pom's argument must be CacheDatabase.URL_SETTINGS, or the console builds its own at start");
            assertTrue(json.get("steps").size() > CacheDatabase.LATEST_VERSION, "the empty file, then V1…");
        }
    }

    @Test
    void aCacheIsMadeReopenedAndKeepsWhatWasWritten() {
        Path stem = ConsoleCache.stem(dir, Optional.empty());
        try (ConsoleCache cache = ConsoleCache.open(stem, InspectedCacheFile.check())) {
            assertFalse(cache.proposals().bindGateway("gateway-key-1"));
        }
        try (ConsoleCache cache = ConsoleCache.open(stem, InspectedCacheFile.check())) {
            assertEquals(Optional.of("gateway-key-1"), cache.proposals().gatewayKeyId());
            assertTrue(cache.proposals().bindGateway("another-gateway"), "another gateway empties the cache");
            assertTrue(cache.outbox().all().isEmpty());
        }
        assertTrue(Files.exists(CacheDatabase.mvFile(stem)));
    }
    @Test
    void aCacheMadeByTheFirstVersionPassesTheCheckIsMigratedAndKeepsItsOutbox() throws Exception {
        Path stem = ConsoleCache.stem(dir, Optional.empty());
        String url = "jdbc:h2:file:" + stem.toAbsolutePath() + CacheDatabase.URL_SETTINGS;
        org.flywaydb.core.Flyway.configure(CacheDatabase.class.getClassLoader())
                .dataSource(url, "console", "").locations(CacheDatabase.MIGRATIONS).target("1").load().migrate();
        String envelope = "{\"payloadType\":\"application/vnd.in-toto+json\",\"payload\":\"e30=\","
                + "\"signatures\":[{\"keyid\":\"k1\",\"sig\":\"c2ln\"}]}";
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "console", "");
                java.sql.Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO outbox (idempotency_key, seq, proposal_id, proposal_version, verdict,"
                    + " reviewer, key_id, nonce, envelope_json, gateway_key_id, signed_at, state, attempts) VALUES"
                    + " ('decision-1', 1, 'prp_1', 1, 'approve', 'alice@example.test', 'k1', 'n1', '" + envelope
                    + "', 'gw', TIMESTAMP WITH TIME ZONE '2026-12-01 10:00:00+00', 'pending', 0)");
            s.execute("SHUTDOWN");
        }

        try (ConsoleCache cache = ConsoleCache.open(stem, InspectedCacheFile.check())) {
            assertEquals(1, cache.outbox().all().size(), "the signed decision waiting to be sent is kept");
            assertEquals("decision-1", cache.outbox().all().get(0).idempotencyKey());
            assertTrue(cache.evidence().all().items().isEmpty(), "the new tables are there, empty");
            assertEquals(0, cache.evidence().bindOlderRecords());
        }
        try (ConsoleCache cache = ConsoleCache.open(stem, InspectedCacheFile.check())) {
            assertEquals(1, cache.outbox().pending().size(), "and a file at the second version opens as it is");
        }
    }
}
