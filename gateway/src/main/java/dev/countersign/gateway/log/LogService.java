package dev.countersign.gateway.log;

import dev.countersign.gateway.decisions.DecisionLog;
import dev.countersign.gateway.store.Database;
import dev.countersign.model.api.LogSegment;
import dev.countersign.model.api.SignedCheckpoint;
import dev.countersign.model.crypto.PublicKeys;
import dev.countersign.model.crypto.Signer;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/** What the API serves about the decision log: the newest signed checkpoint, segments, and the gateway key. */
public final class LogService {
    public static final int MAX_SEGMENT = 1000;

    private final Database database;
    private final DecisionLog log;
    private final Signer gatewayKey;
    private final Clock clock;

    public LogService(Database database, DecisionLog log, Signer gatewayKey, Clock clock) {
        this.database = database;
        this.log = log;
        this.gatewayKey = gatewayKey;
        this.clock = clock;
    }

    public SignedCheckpoint checkpoint() {
        return new SignedCheckpoint(database.read(c -> log.latestCheckpoint(c,
                clock.instant().truncatedTo(ChronoUnit.SECONDS))), gatewayKey.keyId(),
                PublicKeys.toBase64(gatewayKey.publicKey()));
    }

    /** Entries from {@code from}, at most {@code limit}, and the log's size in the same read. */
    public LogSegment entries(long from, int limit) {
        return database.read(c -> new LogSegment(log.entries(c, from, limit), log.size(c)));
    }

    public String publicKeyPem() {
        return PublicKeys.toPem(gatewayKey.publicKey());
    }
}
