package dev.countersign.app.records;

import static dev.countersign.app.records.TestRows.NOW;
import static dev.countersign.app.records.TestRows.row;

import dev.countersign.model.ActionType;
import dev.countersign.model.ReasonCode;
import dev.countersign.model.RiskTier;
import dev.countersign.model.Verdict;
import dev.countersign.model.bundle.RecordCheck.State;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A month of plausible decisions for screenshots and UI tests: fixed seed, a few failed and unknown checks. */
public final class DemoRows {
    private static final String[] REVIEWERS = {"amara.okafor@northwind.example", "li.wei@northwind.example",
            "sam.keller@northwind.example"};
    private static final String[] TARGETS = {"svc-payments-batch", "svc-ledger-writer", "gh-app-nw-ci-staging",
            "terraform-ci-prod", "adyen-ws-prod", "svc-recon-nightly", "okta-scim-bridge"};
    private static final String[] AGENTS = {"spiffe://northwind.example/agents/credential-rotation-bot",
            "spiffe://northwind.example/agents/key-janitor", "spiffe://northwind.example/agents/access-reviewer"};
    private static final String[] ENVS = {"prod", "staging", "dev"};

    private DemoRows() {}

    public static List<RecordRow> month() {
        Random random = new Random(20261201L);
        List<RecordRow> rows = new ArrayList<>();
        long index = 100;
        for (int i = 0; i < 48; i++) {
            Instant decided = NOW.minus(Duration.ofMinutes(20 + (long) (random.nextDouble() * 29 * 24 * 60)));
            long minutes = (long) Math.exp(1 + random.nextDouble() * 6.5);
            ActionType action = ActionType.values()[random.nextInt(ActionType.values().length)];
            RiskTier tier = RiskTier.values()[random.nextInt(RiskTier.values().length)];
            int v = random.nextInt(10);
            TestRows.Builder b = row("rec_" + Long.toHexString(0x5a1000L + i), "prp_" + (2000 + i))
                    .proposedAt(decided.minus(Duration.ofMinutes(minutes))).decidedAt(decided)
                    .action(action).tier(tier).environment(ENVS[random.nextInt(ENVS.length)])
                    .target(TARGETS[random.nextInt(TARGETS.length)]).agent(AGENTS[random.nextInt(AGENTS.length)])
                    .reviewer(REVIEWERS[random.nextInt(REVIEWERS.length)]).logIndex(index++)
                    .policyVersion(decided.isBefore(NOW.minus(Duration.ofDays(12))) ? "2026.10.4" : "2026.11.1");
            if (tier == RiskTier.LOW && v < 6) {
                b.automatic().proposedAt(decided.minus(Duration.ofSeconds(2 + random.nextInt(20))));
            } else if (v < 2) {
                b.verdict(Verdict.DENY).reason(ReasonCode.BLAST_RADIUS_TOO_LARGE,
                        "Settlement batch depends on it and has no failover; come back with an overlap window.");
            } else if (v == 2) {
                b.verdict(Verdict.ESCALATE).reason(ReasonCode.NEEDS_MORE_CONTEXT,
                        "Needs platform-security: the change widens a prod boundary.");
            } else {
                b.reason(ReasonCode.CHANGE_TICKET_VERIFIED, "Matches CHG-" + (4800 + i) + "; consumers re-read from Vault.");
            }
            if (action == ActionType.GRANT_TEMPORARY_EXCEPTION && v >= 3) {
                b.after("{\"exception\":{\"cidr\":\"198.51.100.0/24\",\"notAfter\":\""
                        + NOW.plus(Duration.ofHours(6 + random.nextInt(200))) + "\"}}");
            }
            if (i == 5) {
                b.states(State.FAILED, State.OK, State.OK).finding("records/rec_5a1005.dsse.json",
                        "the signature does not verify with key amara-2026 (enrolled 2026-10-02)");
            } else if (i == 11) {
                b.states(State.OK, State.OK, State.FAILED).finding("log/segment.json",
                        "the record's digest at log index 111 differs from the log entry's");
            } else if (i == 17) {
                b.states(State.OK, State.UNKNOWN, State.UNKNOWN);
            } else if (i == 23) {
                b.intent("Rotate the key\u202e ylno gnitset rof\u202c; nothing depends on it.");
            }
            rows.add(b.build());
        }
        return rows;
    }
}
