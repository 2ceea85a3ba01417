package dev.countersign.app.report;

import dev.countersign.app.records.RecordRow;
import dev.countersign.model.ActionType;
import dev.countersign.model.AgentIdentity;
import dev.countersign.model.BlastRadius;
import dev.countersign.model.Conditions;
import dev.countersign.model.Criticality;
import dev.countersign.model.Decision;
import dev.countersign.model.DependentWorkload;
import dev.countersign.model.Failover;
import dev.countersign.model.IncidentSummary;
import dev.countersign.model.MatchedRule;
import dev.countersign.model.NhiKind;
import dev.countersign.model.ParameterChange;
import dev.countersign.model.PolicyBasis;
import dev.countersign.model.PolicyOutcome;
import dev.countersign.model.Proposal;
import dev.countersign.model.ProposalContext;
import dev.countersign.model.ReasonCode;
import dev.countersign.model.RiskTier;
import dev.countersign.model.Severity;
import dev.countersign.model.TargetRef;
import dev.countersign.model.Verdict;
import dev.countersign.model.api.DecisionRecordView;
import dev.countersign.model.bundle.BundleManifest;
import dev.countersign.model.bundle.BundleReport;
import dev.countersign.model.bundle.Evidence;
import dev.countersign.model.bundle.EvidenceItem;
import dev.countersign.model.bundle.EvidenceResult;
import dev.countersign.model.bundle.Finding;
import dev.countersign.model.bundle.RecordCheck;
import dev.countersign.model.bundle.RecordCheck.State;
import dev.countersign.model.crypto.KeyIds;
import dev.countersign.model.crypto.SoftwareSigner;
import dev.countersign.model.json.Digests;
import dev.countersign.model.log.Checkpoint;
import dev.countersign.model.record.DecisionRecords;
import dev.countersign.model.record.DsseEnvelope;
import dev.countersign.model.testing.Samples;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Decision records, rows and bundle reports for the report tests and the sample generator. */
public final class ReportFixtures {
    public static final Instant GENERATED = Instant.parse("2026-11-22T10:05:00Z");
    public static final String GATEWAY_KEY_ID = "7f3a9c2e51b04d8a96e1c0b7f24d5a3e9b8c1f60a2d4e7b3c5f8091a6e2d4c7b";
    private static final String[] REVIEWERS = {"amara.okafor@northwind.example", "samir.haddad@northwind.example",
        "ines.moreau@northwind.example", "kenji.watanabe@northwind.example"};
    private static final String[] TARGETS = {"svc-payments-batch", "ci-deploy-bot", "okta-scim-sync",
        "grafana-api-key", "vault-pki-intermediate", "snowflake-etl-loader"};

    private final KeyPair pair;
    private final String keyId;

    /** Records signed with a fresh key. */
    public ReportFixtures() {
        this(Samples.freshEd25519());
    }

    /** Records signed with this key (a fixed one makes the sample reports the same on every run). */
    public ReportFixtures(KeyPair pair) {
        this.pair = pair;
        this.keyId = KeyIds.of(pair.getPublic());
    }

    public String keyId() {
        return keyId;
    }

    public ReportFacts facts() {
        return new ReportFacts(GENERATED, "countersign-console/0.1.0", GATEWAY_KEY_ID, 1284L,
                Instant.parse("2026-11-22T10:00:00Z"));
    }

    /** The demo's credential rotation, with a fuller context than {@link Samples#context}. */
    public static ProposalContext demoContext(Proposal p) {
        return new ProposalContext(p.id(), p.version(), Samples.CREATED,
                new BlastRadius(3, Map.of(Criticality.CRITICAL, 2, Criticality.HIGH, 1, Criticality.MEDIUM, 1,
                        Criticality.LOW, 0), List.of("prod")),
                List.of(new DependentWorkload("wl-settlement-batch", "settlement-batch",
                                "payments-platform@northwind.example", "prod", Criticality.CRITICAL, Failover.NONE,
                                Instant.parse("2026-11-21T23:14:00Z"), 1),
                        new DependentWorkload("wl-refund-api", "refund-api", "payments-platform@northwind.example",
                                "prod", Criticality.CRITICAL, Failover.PARTIAL, Instant.parse("2026-11-22T08:52:00Z"),
                                1),
                        new DependentWorkload("wl-ledger-export", "ledger-export", "finance-data@northwind.example",
                                "prod", Criticality.HIGH, Failover.FULL, Instant.parse("2026-11-22T06:00:00Z"), 2,
                                List.of("wl-settlement-batch")),
                        new DependentWorkload("wl-recon-report", "recon-report", "finance-data@northwind.example",
                                "prod", Criticality.MEDIUM, Failover.FULL, Instant.parse("2026-11-20T04:00:00Z"), 2,
                                List.of("wl-ledger-export"))),
                List.of(new IncidentSummary("inc-2026-031", LocalDate.parse("2026-08-14"), Severity.SEV2,
                        "Settlement batch stalled for 40 minutes after an unannounced key rotation.")),
                new PolicyBasis("northwind-nhi-change-policy", "2026.11.1",
                        List.of(new MatchedRule("prod-high-privilege", "Any change to a high-privilege prod identity",
                                RiskTier.CRITICAL), new MatchedRule("payments-scope",
                                "Identities that can move money need platform-security", RiskTier.HIGH)),
                        RiskTier.CRITICAL, PolicyOutcome.NEEDS_REVIEW, 2, List.of("platform-security")));
    }

    /** An approval with an execution window, by the first demo reviewer. */
    public Decision approval(Proposal p, ProposalContext c) {
        return new Decision(p.id(), p.version(), Digests.canonicalSha256(c), Verdict.APPROVE,
                ReasonCode.CHANGE_TICKET_VERIFIED,
                "Rotation matches CHG-4821; the 60-minute overlap window covers the 23:00 settlement batch. "
                        + "Run inside the change window only.",
                new Conditions(Instant.parse("2026-11-22T22:00:00Z"), Instant.parse("2026-11-23T02:00:00Z")),
                REVIEWERS[0], keyId, "nonce-0001", Instant.parse("2026-11-22T09:41:27Z"), p.agent().id(),
                "northwind-nhi-change-policy", "2026.11.1", "countersign-console/0.1.0");
    }

    public Decision decision(Proposal p, ProposalContext c, Verdict verdict, String reviewer, Instant at) {
        return new Decision(p.id(), p.version(), Digests.canonicalSha256(c), verdict,
                verdict == Verdict.DENY ? ReasonCode.BLAST_RADIUS_TOO_LARGE : verdict == Verdict.ESCALATE
                        ? ReasonCode.NEEDS_MORE_CONTEXT : ReasonCode.MATCHES_INTENT,
                "Decided on the facts shown.", null, reviewer, keyId, "nonce-" + at.getEpochSecond(), at,
                p.agent().id(), "northwind-nhi-change-policy", "2026.11.1", "countersign-console/0.1.0");
    }

    public DecisionRecordView record(Proposal p, Decision d, long logIndex) {
        try {
            DsseEnvelope envelope = DecisionRecords.sign(DecisionRecords.statement(p, d), new SoftwareSigner(pair));
            return new DecisionRecordView("rec_" + p.id().substring(4) + "_" + logIndex, p.id(), d.reviewer(),
                    d.keyId(), d.verdict(), d.decidedAt().plusSeconds(2), logIndex, envelope);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static RecordCheck check(DecisionRecordView r, Decision d, State all) {
        return new RecordCheck(r.recordId(), r.logIndex(), d, all, all, all, all, all, List.of());
    }

    /** The demo record, signed, with every check passed. */
    public RecordRow demoRow() {
        Proposal p = Samples.proposal();
        ProposalContext c = demoContext(p);
        Decision d = approval(p, c);
        DecisionRecordView r = record(p, d, 1187);
        return new RecordRow(r, check(r, d, State.OK), p, c);
    }

    /** The hostile proposal, denied, with a check that could not reach the log. */
    public RecordRow hostileRow() {
        Proposal p = hostileProposal();
        ProposalContext c = Samples.context(p);
        Decision d = decision(p, c, Verdict.DENY, REVIEWERS[3], Instant.parse("2026-11-22T09:50:00Z"));
        DecisionRecordView r = record(p, d, 1190);
        return new RecordRow(r, new RecordCheck(r.recordId(), r.logIndex(), d, State.OK, State.OK, State.UNKNOWN,
                State.OK, State.OK, List.of(Finding.warning(null, r.recordId(), "log.notHeld",
                        "The log entries up to the checkpoint are not held, so the record's place cannot be checked."))),
                p, c);
    }

    /** A proposal whose agent hid characters in its intent and parameters, and used a Cyrillic letter and emoji. */
    public static Proposal hostileProposal() {
        Proposal s = Samples.proposal();
        return new Proposal("prp_hostile_0002", 1,
                new AgentIdentity("spiffe://northwind.example/agents/cred\u200Bential-bot", "dana.reyes@northwind.example"),
                ActionType.CHANGE_PERMISSIONS,
                new TargetRef("nhi-aws-payments-admin", "svc-payments-\u043Edmin", NhiKind.SERVICE_ACCOUNT, "aws-iam"),
                "prod",
                new ParameterChange(Samples.json("{\"role\":\"payments-reader\"}"),
                        Samples.json("{\"role\":\"payments-\u202Enimda\",\"note\":\"ok \uD83D\uDE00\"}")),
                "Routine clean\u200Bup \uD83D\uDE00 of st\u043Ele grants; \u202Edetalpmet\u202C per policy.",
                RiskTier.CRITICAL, s.createdAt(), s.expiresAt());
    }

    /**
     * A bundle of {@code n} records across reviewers, verdicts (of every 7: 5 approvals, a denial, an escalation) and
     * targets; record 7 fails its log check.
     */
    public BundleReport bundle(int n) {
        List<EvidenceItem> items = new ArrayList<>();
        List<RecordCheck> checks = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        ActionType[] actions = ActionType.values();
        Verdict[] verdicts = {Verdict.APPROVE, Verdict.APPROVE, Verdict.DENY, Verdict.APPROVE, Verdict.APPROVE,
            Verdict.ESCALATE, Verdict.APPROVE};
        for (int i = 0; i < n; i++) {
            String target = TARGETS[i % TARGETS.length];
            Proposal p = new Proposal(String.format("prp_%04d", i + 1), 1,
                    new AgentIdentity("spiffe://northwind.example/agents/ops-bot", "dana.reyes@northwind.example"),
                    actions[i % actions.length], new TargetRef("nhi-" + target, target, NhiKind.SERVICE_ACCOUNT,
                            "aws-iam"), i % 4 == 3 ? "staging" : "prod",
                    new ParameterChange(Samples.json("{\"enabled\":true}"), Samples.json("{\"enabled\":false}")),
                    "Scheduled change.", RiskTier.HIGH, Samples.CREATED.plusSeconds(600L * i),
                    Samples.CREATED.plusSeconds(600L * i + 7200));
            ProposalContext c = Samples.context(p);
            Decision d = decision(p, c, verdicts[i % verdicts.length],
                    REVIEWERS[(i * 7 + i / 5) % REVIEWERS.length], p.createdAt().plusSeconds(900));
            DecisionRecordView r = record(p, d, 100 + i);
            items.add(new EvidenceItem(r, p, c));
            if (i == 6) {
                Finding f = Finding.error("log/entries.jsonl", r.recordId(), "log.digest",
                        "entry 106 names a different record digest than " + r.recordId());
                findings.add(f);
                checks.add(new RecordCheck(r.recordId(), r.logIndex(), d, State.OK, State.OK, State.FAILED, State.OK,
                        State.OK, List.of(f)));
            } else {
                checks.add(check(r, d, State.OK));
            }
        }
        Checkpoint checkpoint = new Checkpoint(GATEWAY_KEY_ID, 100L + n, "0".repeat(64),
                Instant.parse("2026-11-24T18:00:00Z"));
        BundleManifest manifest = new BundleManifest("countersign-bundle/1", REVIEWERS[0], keyId,
                Instant.parse("2026-11-24T18:03:12Z"), "countersign-console/0.1.0", GATEWAY_KEY_ID,
                items.stream().map(item -> item.record().recordId()).toList(), List.of());
        Evidence evidence = new Evidence(items, List.of(), null, null, List.of());
        return new BundleReport(findings.isEmpty() ? BundleReport.Status.VALID : BundleReport.Status.INVALID,
                "/home/amara/evidence/northwind-q4-payments.csbundle", manifest, evidence,
                new EvidenceResult(GATEWAY_KEY_ID, checkpoint, checks, List.of()), findings);
    }
}
