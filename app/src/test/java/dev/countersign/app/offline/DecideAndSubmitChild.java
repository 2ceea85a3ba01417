package dev.countersign.app.offline;

import dev.countersign.app.cache.ConsoleCache;
import dev.countersign.app.cache.InspectedCacheFile;
import dev.countersign.app.cache.ProposalSummary;
import dev.countersign.app.review.DecisionDraft;
import dev.countersign.app.review.DecisionSubmitter;
import dev.countersign.app.sync.ConsoleSync;
import dev.countersign.app.sync.GatewayClient;
import dev.countersign.app.sync.OutboxSender;
import dev.countersign.app.sync.ReviewerSessions;
import dev.countersign.model.ProposalStatus;
import dev.countersign.model.ReasonCode;
import dev.countersign.model.Verdict;
import dev.countersign.model.api.ProposalView;
import dev.countersign.model.crypto.SoftwareSigner;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Optional;

/**
 * The console's decide-and-submit path in a process of its own, for {@link CrashSafetyTest} to kill at random: it
 * opens the real cache, signs in, syncs (which also sends what an earlier, killed run left in the outbox), then signs
 * and submits escalations (recorded, and the proposal stays pending, so there is always more to decide) until it is
 * killed or has made {@code count}. It prints the phase it enters, so the test can say where each kill landed.
 *
 * <p>Arguments: gateway URL, cache stem, reviewer, key folder (public.der, private.der), count.
 */
public final class DecideAndSubmitChild {
    private DecideAndSubmitChild() {}

    public static void main(String[] args) throws Exception {
        URI gateway = URI.create(args[0]);
        Path stem = Path.of(args[1]);
        String reviewer = args[2];
        Path keys = Path.of(args[3]);
        int count = Integer.parseInt(args[4]);
        KeyFactory ed = KeyFactory.getInstance("Ed25519");
        PublicKey publicKey = ed.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(keys.resolve("public.der"))));
        PrivateKey privateKey = ed.generatePrivate(new PKCS8EncodedKeySpec(
                Files.readAllBytes(keys.resolve("private.der"))));
        SoftwareSigner signer = new SoftwareSigner(new KeyPair(publicKey, privateKey));
        Clock clock = Clock.systemUTC();

        phase("open");
        try (ConsoleCache cache = ConsoleCache.open(stem, InspectedCacheFile.check())) {
            GatewayClient client = new GatewayClient(gateway);
            ReviewerSessions sessions = new ReviewerSessions(client, () -> Optional.of(signer), clock, grant -> { });
            client.useSessions(sessions);
            phase("session");
            sessions.open(reviewer, signer);
            OutboxSender sender = new OutboxSender(client, cache.outbox(), cache.proposals(), clock);
            ConsoleSync sync = new ConsoleSync(client, cache.proposals(), cache.records(), sender,
                    clock);
            DecisionSubmitter submitter = new DecisionSubmitter(client, sessions, cache.proposals(), cache.outbox(),
                    sender, clock, "countersign-console/crash-test");
            phase("sync");
            ConsoleSync.Report report = sync.run(n -> phase("sync " + n));
            if (!report.ok()) {
                throw report.failure();
            }
            int made = 0;
            while (made < count) {
                for (ProposalSummary s : cache.proposals().summaries()) {
                    if (made >= count) {
                        break;
                    }
                    if (s.status() != ProposalStatus.PENDING || !s.openAt(clock.instant())) {
                        continue;
                    }
                    ProposalView view = cache.proposals().view(s.id()).orElseThrow();
                    phase("decide " + s.id());
                    DecisionSubmitter.Submitted done = submitter.submit(view, new DecisionDraft(Verdict.ESCALATE,
                            ReasonCode.NEEDS_MORE_CONTEXT, "Crash-safety trial " + made), reviewer, signer);
                    phase("submitted " + done.entry().state());
                    made++;
                }
                phase("sync");
                sync.run(n -> { });
            }
            phase("done");
        }
    }

    private static void phase(String name) {
        System.out.println("PHASE " + name);
        System.out.flush();
    }
}
