package dev.countersign.app.records;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countersign.model.ActionType;
import dev.countersign.model.AgentIdentity;
import dev.countersign.model.Conditions;
import dev.countersign.model.Decision;
import dev.countersign.model.NhiKind;
import dev.countersign.model.ParameterChange;
import dev.countersign.model.PolicyBasis;
import dev.countersign.model.Proposal;
import dev.countersign.model.ProposalContext;
import dev.countersign.model.ReasonCode;
import dev.countersign.model.RiskTier;
import dev.countersign.model.TargetRef;
import dev.countersign.model.Verdict;
import dev.countersign.model.api.DecisionRecordView;
import dev.countersign.model.bundle.Finding;
import dev.countersign.model.bundle.RecordCheck;
import dev.countersign.model.bundle.RecordCheck.State;
import dev.countersign.model.json.Json;
import dev.countersign.model.record.DecisionRecords;
import dev.countersign.model.record.DsseEnvelope;
import dev.countersign.model.record.DsseSignature;
import dev.countersign.model.testing.Samples;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Hand-made record rows for view-model, oversight and view tests: every field set explicitly, nothing signed. */
public final class TestRows {
    public static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private TestRows() {}

    public static Builder row(String recordId, String proposalId) {
        return new Builder(recordId, proposalId);
    }

    public static final class Builder {
        private final String recordId;
        private final String proposalId;
        private int version = 1;
        private Instant proposedAt = NOW.minus(Duration.ofHours(2));
        private Instant decidedAt = NOW.minus(Duration.ofHours(1));
        private Verdict verdict = Verdict.APPROVE;
        private String reviewer = "amara.okafor@northwind.example";
        private ActionType action = ActionType.ROTATE_CREDENTIAL;
        private String environment = "prod";
        private RiskTier tier = RiskTier.HIGH;
        private String agent = "spiffe://northwind.example/agents/credential-rotation-bot";
        private String target = "svc-payments-batch";
        private int required = 1;
        private ReasonCode reason = ReasonCode.CHANGE_TICKET_VERIFIED;
        private String reasonText = "Matches CHG-4821.";
        private Conditions conditions;
        private String policyVersion = "2026.11.1";
        private State signature = State.OK;
        private State key = State.OK;
        private State log = State.OK;
        private long logIndex = 1;
        private JsonNode after = Samples.json("{\"rotationPeriodDays\":30}");
        private boolean held = true;
        private boolean checked = true;
        private final List<Finding> findings = new ArrayList<>();
        private String intent = "Rotate ahead of the deadline.";

        Builder(String recordId, String proposalId) {
            this.recordId = recordId;
            this.proposalId = proposalId;
        }

        public Builder version(int v) { this.version = v; return this; }
        public Builder proposedAt(Instant t) { this.proposedAt = t; return this; }
        public Builder decidedAt(Instant t) { this.decidedAt = t; return this; }
        public Builder verdict(Verdict v) { this.verdict = v; return this; }
        public Builder reviewer(String r) { this.reviewer = r; return this; }
        public Builder action(ActionType a) { this.action = a; return this; }
        public Builder environment(String e) { this.environment = e; return this; }
        public Builder tier(RiskTier t) { this.tier = t; return this; }
        public Builder agent(String a) { this.agent = a; return this; }
        public Builder target(String t) { this.target = t; return this; }
        public Builder required(int n) { this.required = n; return this; }
        public Builder reason(ReasonCode r, String text) { this.reason = r; this.reasonText = text; return this; }
        public Builder window(Instant notBefore, Instant notAfter) {
            this.conditions = new Conditions(notBefore, notAfter);
            return this;
        }
        public Builder policyVersion(String v) { this.policyVersion = v; return this; }
        public Builder states(State sig, State key, State log) {
            this.signature = sig;
            this.key = key;
            this.log = log;
            return this;
        }
        public Builder logIndex(long i) { this.logIndex = i; return this; }
        public Builder after(String json) { this.after = Samples.json(json); return this; }
        public Builder intent(String text) { this.intent = text; return this; }
        public Builder notHeld() { this.held = false; return this; }
        public Builder unchecked() { this.checked = false; return this; }
        public Builder finding(String file, String message) {
            findings.add(Finding.error(file, recordId, "test", message));
            return this;
        }

        /** An automatic approval by policy. */
        public Builder automatic() {
            this.reviewer = "gateway:policy";
            this.reason = ReasonCode.POLICY_AUTO_APPROVED;
            this.reasonText = "Low tier: approved by policy.";
            return this;
        }

        public RecordRow build() {
            Proposal proposal = new Proposal(proposalId, version, new AgentIdentity(agent, "dana.reyes@northwind.example"),
                    action, new TargetRef("nhi-" + target, target, NhiKind.SERVICE_ACCOUNT, "aws-iam"), environment,
                    new ParameterChange(Samples.json("{}"), after), intent, tier, proposedAt,
                    proposedAt.plus(Duration.ofDays(30)));
            ProposalContext base = Samples.context(proposal);
            ProposalContext context = new ProposalContext(proposalId, version, proposedAt, base.blastRadius(),
                    base.dependentWorkloads(), base.incidents(), new PolicyBasis("northwind-nhi-change-policy",
                            policyVersion, base.policyBasis().matchedRules(), tier,
                            base.policyBasis().outcome(), required, base.policyBasis().deciders()));
            Decision decision = new Decision(proposalId, version, "sha256-context-" + proposalId, verdict, reason,
                    reasonText, verdict == Verdict.APPROVE ? conditions : null, reviewer, "key-" + reviewer,
                    "nonce-" + recordId, decidedAt, agent, "northwind-nhi-change-policy", policyVersion, "0.6.0-test");
            byte[] payload = Json.bytes(DecisionRecords.statement(proposal, decision));
            DsseEnvelope envelope = new DsseEnvelope(DecisionRecords.PAYLOAD_TYPE,
                    Base64.getEncoder().encodeToString(payload), List.of(new DsseSignature("key-" + reviewer, "c2ln")));
            DecisionRecordView record = new DecisionRecordView(recordId, proposalId, reviewer, "key-" + reviewer,
                    verdict, decidedAt.plusSeconds(1), logIndex, envelope);
            RecordCheck check = checked ? new RecordCheck(recordId, logIndex, decision, signature, key, log,
                    held ? State.OK : State.UNKNOWN, held ? State.OK : State.UNKNOWN, findings) : null;
            return new RecordRow(record, check, held ? proposal : null, held ? context : null);
        }
    }
}
