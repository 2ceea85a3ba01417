package dev.countersign.app.cache;

import dev.countersign.model.json.Digests;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The console's cache for one gateway: its database, the proposals, the outbox, the decision records and what proves
 * them (the evidence). A console keeps one cache per gateway it works with, under {@code <data dir>/cache/}.
 */
public final class ConsoleCache implements AutoCloseable {
    private final CacheDatabase db;
    private final ProposalCache proposals;
    private final Outbox outbox;
    private final RecordCache records;
    private final EvidenceCache evidence;

    private ConsoleCache(CacheDatabase db) {
        this.db = db;
        this.proposals = new ProposalCache(db);
        this.outbox = new Outbox(db);
        this.evidence = new EvidenceCache(db);
        this.records = new RecordCache(db, evidence);
    }

    public static ConsoleCache open(Path stem, CacheFileCheck check) {
        return new ConsoleCache(CacheDatabase.open(stem, check));
    }

    /**
     * Where the cache for a gateway lives: {@code cache/embedded} for the built-in demo gateway, else a name derived
     * from the gateway's URL, so two gateways never share a cache (or an outbox).
     */
    public static Path stem(Path dataDir, Optional<URI> gateway) {
        String name = gateway.map(uri -> "gateway-" + Digests.sha256Hex(uri.normalize().toString()
                .toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8)).substring(0, 16))
                .orElse("embedded");
        return dataDir.resolve("cache").resolve(name);
    }

    public ProposalCache proposals() {
        return proposals;
    }

    public Outbox outbox() {
        return outbox;
    }

    public RecordCache records() {
        return records;
    }

    public EvidenceCache evidence() {
        return evidence;
    }

    public Path file() {
        return db.file();
    }

    @Override
    public void close() {
        db.close();
    }
}
