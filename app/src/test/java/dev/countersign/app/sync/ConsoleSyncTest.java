package dev.countersign.app.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.app.cache.ConsoleCache;
import dev.countersign.app.cache.InspectedCacheFile;
import dev.countersign.app.cache.ProposalSummary;
import dev.countersign.app.support.RestartableGateway;
import dev.countersign.model.api.ProposalView;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sync rounds against a real gateway into a real cache file: an interrupted round resumes where its last stored page
 * ended, with no gap and no duplicate, whether the connection dropped mid-page or the gateway restarted.
 */
class ConsoleSyncTest {
    private static final int PAGE = 4;

    @TempDir
    Path dir;
    private RestartableGateway gateway;
    private GatewayClient observer;
    private ConsoleCache cache;

    @BeforeEach
    void start() throws Exception {
        gateway = RestartableGateway.start(dir.resolve("gateway"));
        observer = gateway.observer();
        cache = ConsoleCache.open(ConsoleCache.stem(dir.resolve("console"), Optional.of(gateway.baseUri())),
                InspectedCacheFile.check());
    }

    @AfterEach
    void stop() {
        cache.close();
        gateway.close();
    }

    @Test
    void aConnectionDroppedMidPageResumesWithoutGapsOrDuplicates() throws Exception {
        AtomicInteger queueCalls = new AtomicInteger();
        OkHttpClient dropsThirdPage = GatewayClient.defaultHttp().newBuilder().addInterceptor(chain -> {
            if (chain.request().url().encodedPath().equals("/v1/queue") && queueCalls.incrementAndGet() == 3) {
                chain.proceed(chain.request()).close(); // the gateway answered; the answer is lost on the way
                throw new IOException("connection reset mid-page");
            }
            return chain.proceed(chain.request());
        }).build();
        ConsoleSync sync = sync(new GatewayClient(gateway.baseUri(), dropsThirdPage));

        ConsoleSync.Report broken = sync.run(n -> { });
        assertInstanceOf(GatewayUnavailableException.class, broken.failure());
        assertEquals(2 * PAGE, cache.proposals().size(), "the two pages before the drop are stored with their cursor");

        ConsoleSync.Report resumed = sync.run(n -> { });
        assertTrue(resumed.ok(), String.valueOf(resumed.failure()));
        assertEquals(everything().size() - 2 * PAGE, resumed.received(), "only what was not stored yet");
        assertSameAsGateway();
    }

    @Test
    void aGatewayRestartBetweenPagesResumesWithoutGapsOrDuplicates() throws Exception {
        AtomicInteger queueCalls = new AtomicInteger();
        OkHttpClient restartsAfterTwoPages = GatewayClient.defaultHttp().newBuilder().addInterceptor(chain -> {
            if (chain.request().url().encodedPath().equals("/v1/queue") && queueCalls.incrementAndGet() == 3) {
                try {
                    gateway.stop();
                } catch (RuntimeException e) {
                    throw new IOException(e);
                }
            }
            return chain.proceed(chain.request());
        }).build();
        ConsoleSync sync = sync(new GatewayClient(gateway.baseUri(), restartsAfterTwoPages));
        assertFalse(sync.run(n -> { }).ok(), "the gateway went away mid-sync");
        assertEquals(2 * PAGE, cache.proposals().size());

        gateway.restart();
        observer = gateway.observer(); // the old one's kept-alive connection went with the old gateway
        ConsoleSync.Report resumed = sync.run(n -> { });
        assertTrue(resumed.ok(), String.valueOf(resumed.failure()));
        assertSameAsGateway();
        assertEquals(0, sync.run(n -> { }).received(), "an empty round after that");
    }

    @Test
    void aGatewayWhoseDataWasResetIsSyncedAnewAndNothingOfTheOldOneStays() throws Exception {
        assertTrue(sync(new GatewayClient(gateway.baseUri())).run(n -> { }).ok());
        Set<String> before = cache.proposals().summaries().stream().map(ProposalSummary::id)
                .collect(Collectors.toSet());
        gateway.resetData(); // same signing key, a new database: the cursor names another database's history
        observer = gateway.observer();

        ConsoleSync.Report after = sync(new GatewayClient(gateway.baseUri())).run(n -> { });
        assertTrue(after.ok(), String.valueOf(after.failure()));
        assertTrue(after.dropped(), "the cache was emptied and filled anew");
        assertSameAsGateway();
        assertTrue(cache.proposals().summaries().stream().noneMatch(s -> before.contains(s.id())),
                "no proposal of the old database is left");
    }

    private ConsoleSync sync(GatewayClient client) throws Exception {
        client.useSessions(observer.sessions());
        return new ConsoleSync(client, cache.proposals(), cache.records(),
                new OutboxSender(client, cache.outbox(), cache.proposals(), Clock.systemUTC()), Clock.systemUTC(),
                PAGE);
    }

    /** Every proposal the gateway holds, as the observer reads it in one go. */
    private List<ProposalView> everything() throws Exception {
        return observer.queue(null, 500).items();
    }

    private void assertSameAsGateway() throws Exception {
        List<dev.countersign.model.api.DecisionRecordView> log = observer.decisions(null).records();
        assertEquals(log.size(), cache.records().size(), "the decision log's records too");
        for (var r : log) {
            assertTrue(cache.records().forProposal(r.proposalId()).contains(r), r.recordId());
        }
        List<ProposalView> all = everything();
        List<ProposalSummary> cached = cache.proposals().summaries();
        assertEquals(all.size(), cached.size(), "no gap, no duplicate");
        Set<String> ids = cached.stream().map(ProposalSummary::id).collect(Collectors.toSet());
        assertEquals(all.stream().map(v -> v.proposal().id()).collect(Collectors.toSet()), ids);
        for (ProposalView v : all) {
            assertEquals(v, cache.proposals().view(v.proposal().id()).orElseThrow());
        }
        assertEquals(new HashSet<>(ids).size(), cached.size());
    }
}
