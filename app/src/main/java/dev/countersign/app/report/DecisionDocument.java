package dev.countersign.app.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countersign.app.common.UntrustedText;
import dev.countersign.app.records.RecordRow;
import dev.countersign.app.report.PdfLayout.Cell;
import dev.countersign.app.report.PdfLayout.Column;
import dev.countersign.app.report.PdfLayout.Field;
import dev.countersign.app.report.PdfLayout.Tone;
import dev.countersign.app.review.ParameterDiff;
import dev.countersign.model.Criticality;
import dev.countersign.model.Decision;
import dev.countersign.model.DependentWorkload;
import dev.countersign.model.IncidentSummary;
import dev.countersign.model.MatchedRule;
import dev.countersign.model.PolicyBasis;
import dev.countersign.model.Proposal;
import dev.countersign.model.ProposalContext;
import dev.countersign.model.Verdict;
import dev.countersign.model.api.DecisionRecordView;
import dev.countersign.model.bundle.Finding;
import dev.countersign.model.bundle.RecordCheck;
import dev.countersign.model.bundle.RecordCheck.State;
import dev.countersign.model.json.Digests;
import dev.countersign.model.json.Json;
import dev.countersign.model.record.DecisionRecords;
import dev.countersign.model.record.Statement;
import dev.countersign.model.record.Subject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Lays out the report of one decision record: verdict first, then the decision, proposal, context, checks, digests. */
final class DecisionDocument {
    private final ReportTexts t;
    private final PdfLayout pdf;
    private final RecordRow row;
    private final ReportFacts facts;
    private final DecisionRecordView record;
    private final RecordCheck check;
    private Decision decision;
    private Subject subject;
    private String unreadable;

    DecisionDocument(ReportTexts texts, PdfLayout pdf, RecordRow row, ReportFacts facts) {
        this.t = texts;
        this.pdf = pdf;
        this.row = row;
        this.facts = facts;
        this.record = row.record();
        this.check = row.check();
        readRecord();
    }

    /** The decision and subject as the record's payload states them; the check's decision if it cannot be read. */
    private void readRecord() {
        try {
            Statement statement = DecisionRecords.readStatement(record.envelope());
            subject = statement.subject().get(0);
            decision = Json.convert(statement.predicate(), Decision.class);
        } catch (RuntimeException e) {
            unreadable = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            decision = check == null ? null : check.decision();
        }
    }

    void layOut() {
        pdf.title(t.get("report.decision.title"), t.format("report.decision.subtitle", record.recordId()));
        banner();
        decision();
        proposal();
        context();
        verification();
        digests();
        pdf.gap(8);
        pdf.paragraph(t.get("report.legend"), pdf.small);
        pdf.footer(t.format("report.decision.footer", record.recordId()),
                t.format("report.footer.generated", t.time(facts.generatedAt()), facts.consoleVersion()),
                (page, of) -> t.format("report.footer.page", page, of));
    }

    private void banner() {
        Verdict verdict = record.verdict();
        Tone tone = verdict == Verdict.APPROVE ? Tone.GOOD : verdict == Verdict.DENY ? Tone.BAD : Tone.WARN;
        String line;
        if (check == null) {
            line = t.get("report.verification.none");
        } else if (check.failed()) {
            line = t.format("report.verification.failed", count(State.FAILED));
        } else if (check.verified()) {
            line = t.get("report.verification.ok");
        } else {
            line = t.format("report.verification.unknown", count(State.UNKNOWN));
        }
        String reviewer = t.format("report.banner.by", PdfText.untrusted(record.reviewer()),
                t.time(decision == null ? record.recordedAt() : decision.decidedAt()));
        // the verdict's colour only when it is proven; the words say the same either way
        Tone shown = check != null && check.failed() ? Tone.BAD : check != null && check.verified() ? tone
                : Tone.NEUTRAL;
        pdf.banner(t.upper(t.verdict(verdict)), List.of(reviewer, line), shown);
    }

    private long count(State state) {
        return List.of(check.signature(), check.keyEnrolled(), check.inLog(), check.proposal(), check.context())
                .stream().filter(s -> s == state).count();
    }

    private void decision() {
        pdf.heading(t.get("report.section.decision"));
        List<Field> fields = new ArrayList<>();
        fields.add(new Field(t.get("report.field.verdict"), t.verdict(record.verdict()), true));
        fields.add(new Field(t.get("report.field.reviewer"), PdfText.untrusted(record.reviewer())));
        fields.add(new Field(t.get("report.field.keyId"), record.keyId()));
        fields.add(new Field(t.get("report.field.decidedAt"), decision == null ? t.get("report.unknown")
                : t.time(decision.decidedAt())));
        fields.add(new Field(t.get("report.field.recordedAt"), t.time(record.recordedAt())));
        fields.add(new Field(t.get("report.field.logIndex"), Long.toString(record.logIndex())));
        fields.add(new Field(t.get("report.field.proposal"),
                t.format("report.idVersion", PdfText.untrusted(record.proposalId()),
                        decision == null ? "?" : Integer.toString(decision.proposalVersion()))));
        if (decision != null) {
            fields.add(new Field(t.get("report.field.reason"), t.named("reason", decision.reasonCode()) + " ("
                    + decision.reasonCode().json() + ")"));
            fields.add(new Field(t.get("report.field.reasonText"), PdfText.untrusted(decision.reasonText())));
            fields.add(new Field(t.get("report.field.conditions"), decision.conditions() == null
                    ? t.get("report.conditions.none")
                    : t.format("report.conditions.window", t.time(decision.conditions().notBefore()),
                            t.time(decision.conditions().notAfter()))));
            fields.add(new Field(t.get("report.field.policy"), t.format("report.idVersion",
                    PdfText.untrusted(decision.policyId()), PdfText.untrusted(decision.policyVersion()))));
            fields.add(new Field(t.get("report.field.consoleVersion"), PdfText.untrusted(decision.consoleVersion())));
        }
        pdf.fields(fields);
        if (unreadable != null) {
            pdf.paragraph(t.format("report.decision.unreadable", PdfText.untrusted(unreadable)), pdf.strong);
        }
    }

    private void proposal() {
        pdf.heading(t.get("report.section.proposal"));
        Proposal p = row.proposal();
        if (p == null) {
            pdf.paragraph(t.format("report.proposal.notHeld", PdfText.untrusted(record.proposalId()),
                    decision == null ? "?" : Integer.toString(decision.proposalVersion())), pdf.body);
            return;
        }
        List<Field> fields = new ArrayList<>();
        fields.add(new Field(t.get("report.field.action"), t.named("action", p.actionType()), true));
        fields.add(new Field(t.get("report.field.target"), t.format("report.target.value",
                PdfText.untrusted(p.target().name()), t.named("kind", p.target().kind()),
                PdfText.untrusted(p.target().provider()), PdfText.untrusted(p.target().id()))));
        fields.add(new Field(t.get("report.field.environment"), PdfText.untrusted(p.environment())));
        fields.add(new Field(t.get("report.field.riskTier"), t.named("tier", p.riskTier())));
        fields.add(new Field(t.get("report.field.agent"), PdfText.untrusted(p.agent().id())));
        fields.add(new Field(t.get("report.field.owner"), PdfText.untrusted(p.agent().owner())));
        fields.add(new Field(t.get("report.field.createdAt"), t.time(p.createdAt())));
        fields.add(new Field(t.get("report.field.expiresAt"), t.time(p.expiresAt())));
        pdf.fields(fields);
        pdf.gap(4);
        pdf.quoted(t.get("report.intent.caption"), PdfText.untrusted(p.intent()));
        warnings(p);
        parameters(p);
    }

    /** What the agent's words hide, over every string it wrote: the intent, its ids and names, the parameters. */
    private void warnings(Proposal p) {
        Set<String> hidden = new LinkedHashSet<>();
        Set<String> lookalikes = new LinkedHashSet<>();
        for (String text : agentStrings(p)) {
            UntrustedText.Revealed revealed = UntrustedText.reveal(text);
            hidden.addAll(revealed.hidden());
            lookalikes.addAll(revealed.lookalikes());
        }
        if (!hidden.isEmpty()) {
            pdf.gap(3);
            pdf.paragraph(t.format("report.agent.hidden", PdfText.untrusted(String.join("; ", hidden))), pdf.strong);
        }
        if (!lookalikes.isEmpty()) {
            pdf.gap(3);
            pdf.paragraph(t.format("report.agent.lookalikes", PdfText.untrusted(String.join("; ", lookalikes))),
                    pdf.strong);
        }
    }

    private static List<String> agentStrings(Proposal p) {
        List<String> out = new ArrayList<>(List.of(p.intent(), p.agent().id(), p.agent().owner(), p.target().id(),
                p.target().name(), p.target().provider(), p.environment()));
        collect(p.parameters().before(), out);
        collect(p.parameters().after(), out);
        return out;
    }

    private static void collect(JsonNode node, List<String> out) {
        if (node.isTextual()) {
            out.add(node.textValue());
        } else if (node.isObject()) {
            node.fieldNames().forEachRemaining(out::add);
            node.elements().forEachRemaining(child -> collect(child, out));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collect(child, out));
        }
    }

    private void parameters(Proposal p) {
        ParameterDiff diff = ParameterDiff.of(p.parameters().before(), p.parameters().after());
        pdf.subheading(t.format("report.parameters.title", diff.changedCount(), diff.lines().size()));
        List<List<Cell>> rows = new ArrayList<>();
        for (ParameterDiff.Line line : diff.lines()) {
            boolean changed = line.change() != ParameterDiff.Change.SAME;
            rows.add(List.of(new Cell(PdfText.untrusted(line.key()), changed ? pdf.strong : pdf.body),
                    new Cell(line.before() == null ? t.get("report.absent") : PdfText.untrusted(line.before()),
                            pdf.body),
                    new Cell(line.after() == null ? t.get("report.absent") : PdfText.untrusted(line.after()),
                            changed ? pdf.strong : pdf.body),
                    new Cell(t.get("report.change." + line.change().name().toLowerCase(Locale.ROOT)),
                            changed ? pdf.strong : pdf.body)));
        }
        if (rows.isEmpty()) {
            pdf.paragraph(t.get("report.parameters.none"), pdf.body);
            return;
        }
        pdf.table(List.of(new Column(t.get("report.col.key"), 3), new Column(t.get("report.col.before"), 4),
                new Column(t.get("report.col.after"), 4), new Column(t.get("report.col.change"), 1.3f)), rows);
    }

    private void context() {
        ProposalContext c = row.context();
        if (c == null) {
            pdf.heading(t.get("report.section.context"));
            pdf.paragraph(t.get("report.context.notHeld"), pdf.body);
            return;
        }
        pdf.heading(t.format("report.section.contextAt", t.time(c.capturedAt())));
        List<String> parts = new ArrayList<>();
        for (Criticality criticality : Criticality.values()) {
            parts.add(t.format("report.workloads.part", c.blastRadius().count(criticality),
                    t.named("criticality", criticality)));
        }
        pdf.fields(List.of(
                new Field(t.get("report.field.identities"), Integer.toString(c.blastRadius().identities())),
                new Field(t.get("report.field.workloads"), t.format("report.workloads.value",
                        c.blastRadius().workloads(), String.join(", ", parts)), true),
                new Field(t.get("report.field.environments"), c.blastRadius().environments().isEmpty()
                        ? t.get("report.none") : PdfText.untrusted(String.join(", ", c.blastRadius().environments())))));
        workloads(c.dependentWorkloads());
        incidents(c.incidents());
        policy(c.policyBasis());
    }

    private void workloads(List<DependentWorkload> workloads) {
        pdf.subheading(t.format("report.workloads.title", workloads.size()));
        if (workloads.isEmpty()) {
            pdf.paragraph(t.get("report.workloads.none"), pdf.body);
            return;
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (DependentWorkload w : workloads) {
            rows.add(List.of(new Cell(PdfText.untrusted(w.name()) + "\n" + PdfText.untrusted(w.id()), pdf.body),
                    new Cell(PdfText.untrusted(w.owner()), pdf.body),
                    new Cell(PdfText.untrusted(w.environment()), pdf.body),
                    new Cell(t.named("criticality", w.criticality()), pdf.body),
                    new Cell(t.named("failover", w.failover()), pdf.body),
                    new Cell(Integer.toString(w.depth()), pdf.body),
                    new Cell(t.shortTime(w.lastUsed()), pdf.body)));
        }
        pdf.table(List.of(new Column(t.get("report.col.workload"), 3.2f), new Column(t.get("report.col.owner"), 3.2f),
                new Column(t.get("report.col.environment"), 1.4f), new Column(t.get("report.col.criticality"), 1.4f),
                new Column(t.get("report.col.failover"), 1.6f), new Column(t.get("report.col.depth"), 0.9f),
                new Column(t.get("report.col.lastUsed"), 1.9f)), rows);
    }

    private void incidents(List<IncidentSummary> incidents) {
        pdf.subheading(t.format("report.incidents.title", incidents.size()));
        if (incidents.isEmpty()) {
            pdf.paragraph(t.get("report.incidents.none"), pdf.body);
            return;
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (IncidentSummary i : incidents) {
            rows.add(List.of(new Cell(PdfText.untrusted(i.id()), pdf.body), new Cell(t.date(i.date()), pdf.body),
                    new Cell(t.named("severity", i.severity()), pdf.body),
                    new Cell(PdfText.untrusted(i.summary()), pdf.body)));
        }
        pdf.table(List.of(new Column(t.get("report.col.incident"), 2), new Column(t.get("report.col.date"), 1.6f),
                new Column(t.get("report.col.severity"), 1.2f), new Column(t.get("report.col.summary"), 7)), rows);
    }

    private void policy(PolicyBasis basis) {
        pdf.subheading(t.get("report.policy.title"));
        pdf.fields(List.of(
                new Field(t.get("report.field.policy"), t.format("report.idVersion",
                        PdfText.untrusted(basis.policyId()), PdfText.untrusted(basis.policyVersion()))),
                new Field(t.get("report.field.outcome"), t.named("outcome", basis.outcome())),
                new Field(t.get("report.field.tier"), t.named("tier", basis.tier())),
                new Field(t.get("report.field.approvals"), t.format("report.approvals.value",
                        basis.approvalsRequired())),
                new Field(t.get("report.field.deciders"), basis.deciders().isEmpty() ? t.get("report.none")
                        : PdfText.untrusted(String.join(", ", basis.deciders())))));
        if (basis.matchedRules().isEmpty()) {
            pdf.paragraph(t.get("report.rules.none"), pdf.body);
            return;
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (MatchedRule rule : basis.matchedRules()) {
            rows.add(List.of(new Cell(PdfText.untrusted(rule.id()), pdf.body),
                    new Cell(PdfText.untrusted(rule.description()), pdf.body),
                    new Cell(t.named("tier", rule.tier()), pdf.body)));
        }
        pdf.table(List.of(new Column(t.get("report.col.rule"), 3), new Column(t.get("report.col.description"), 6),
                new Column(t.get("report.col.tier"), 1.3f)), rows);
    }

    private void verification() {
        pdf.heading(t.get("report.section.verification"));
        RecordCheck c = check;
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(checkRow("report.check.signature", c == null ? null : c.signature(),
                t.get("report.check.signature.what")));
        rows.add(checkRow("report.check.keyEnrolled", c == null ? null : c.keyEnrolled(),
                t.format("report.check.keyEnrolled.what", PdfText.untrusted(record.reviewer()))));
        rows.add(checkRow("report.check.inLog", c == null ? null : c.inLog(),
                t.format("report.check.inLog.what", Long.toString(record.logIndex()))));
        rows.add(checkRow("report.check.proposal", c == null ? null : c.proposal(),
                t.get("report.check.proposal.what")));
        rows.add(checkRow("report.check.context", c == null ? null : c.context(),
                t.get("report.check.context.what")));
        pdf.table(List.of(new Column(t.get("report.col.check"), 2.3f), new Column(t.get("report.col.result"), 1.6f),
                new Column(t.get("report.col.meaning"), 6.2f)), rows);
        pdf.paragraph(facts.gatewayKeyId() == null ? t.get("report.gatewayKey.unknown")
                : t.format("report.gatewayKey.known", facts.gatewayKeyId()), pdf.body);
        pdf.paragraph(facts.checkpointSize() == null ? t.get("report.checkpoint.unknown")
                : t.format("report.checkpoint.known", facts.checkpointSize(), t.time(facts.checkpointTime())),
                pdf.body);
        List<Finding> findings = c == null ? List.of() : c.findings();
        pdf.subheading(t.format("report.findings.title", findings.size()));
        if (findings.isEmpty()) {
            pdf.paragraph(t.get("report.findings.none"), pdf.body);
            return;
        }
        List<List<Cell>> findingRows = new ArrayList<>();
        for (Finding f : findings) {
            findingRows.add(List.of(new Cell(t.get("report.findingSeverity." + f.severity().name()
                    .toLowerCase(Locale.ROOT)), pdf.strong),
                    new Cell(f.file() == null ? "—" : PdfText.untrusted(f.file()), pdf.body),
                    new Cell(PdfText.untrusted(f.message()), pdf.body)));
        }
        pdf.table(List.of(new Column(t.get("report.col.severity"), 1.3f), new Column(t.get("report.col.file"), 3),
                new Column(t.get("report.col.finding"), 7)), findingRows);
    }

    private List<Cell> checkRow(String key, State state, String what) {
        return List.of(new Cell(t.get(key), pdf.body), new Cell(t.state(state), pdf.strong), new Cell(what, pdf.body));
    }

    private void digests() {
        pdf.heading(t.get("report.section.digests"));
        Proposal p = row.proposal();
        ProposalContext c = row.context();
        String notHeld = t.get("report.notHeld");
        List<Field> fields = new ArrayList<>();
        fields.add(new Field(t.get("report.digest.subject"), subject == null ? t.get("report.unknown")
                : PdfText.untrusted(subject.name())));
        fields.add(new Field(t.get("report.digest.proposalNamed"), subject == null || subject.sha256() == null
                ? t.get("report.unknown") : PdfText.untrusted(subject.sha256())));
        fields.add(new Field(t.get("report.digest.proposalHeld"), p == null ? notHeld
                : DecisionRecords.proposalDigest(p)));
        fields.add(new Field(t.get("report.digest.contextNamed"), decision == null ? t.get("report.unknown")
                : PdfText.untrusted(decision.contextDigest())));
        fields.add(new Field(t.get("report.digest.contextHeld"), c == null ? notHeld : Digests.canonicalSha256(c)));
        fields.add(new Field(t.get("report.digest.record"), Digests.canonicalSha256(record.envelope()), true));
        pdf.fields(fields);
    }
}
