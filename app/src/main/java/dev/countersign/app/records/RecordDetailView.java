package dev.countersign.app.records;

import dev.countersign.app.common.Chips;
import dev.countersign.app.common.Messages;
import dev.countersign.app.common.UntrustedText;
import dev.countersign.model.Conditions;
import dev.countersign.model.Decision;
import dev.countersign.model.Proposal;
import dev.countersign.model.bundle.Finding;
import dev.countersign.model.record.DecisionRecords;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The selected record in full: the decision, the proposal it is bound to (agent-written text revealed), the digests,
 * and each check with what was found, naming the file.
 */
final class RecordDetailView extends VBox {
    private final RecordTexts texts;
    private final Messages messages;
    private final Chips chips;

    RecordDetailView(RecordTexts texts, Chips chips) {
        this.texts = texts;
        this.messages = texts.messages();
        this.chips = chips;
        setId("recordDetail");
        getStyleClass().add("record-detail");
        setFillWidth(true);
    }

    void show(RecordRow row) {
        getChildren().clear();
        if (row == null) {
            Label none = new Label(messages.get("records.detail.none"));
            none.setId("recordDetailNone");
            none.getStyleClass().add("muted");
            none.setWrapText(true);
            getChildren().add(none);
            setAccessibleText(none.getText());
            return;
        }
        setAccessibleText(messages.format("records.detail.a11y", row.recordId()));
        VBox decision = section("records.detail.decision", MaterialDesignS.SIGNATURE_FREEHAND, decision(row));
        VBox proposal = section("records.detail.proposal", MaterialDesignF.FILE_DOCUMENT_OUTLINE, proposal(row));
        VBox checks = section("records.detail.checks", MaterialDesignC.CHECK_DECAGRAM, checks(row));
        HBox columns = new HBox(16, decision, proposal, checks);
        for (VBox column : new VBox[] {decision, proposal, checks}) {
            HBox.setHgrow(column, Priority.ALWAYS);
            column.setMinWidth(0);
            column.setPrefWidth(1);
        }
        getChildren().add(columns);
    }

    private VBox section(String key, org.kordamp.ikonli.Ikon icon, Node body) {
        Label title = new Label(messages.get(key), new FontIcon(icon));
        title.getStyleClass().add("record-detail-title");
        VBox box = new VBox(6, title, body);
        box.getStyleClass().add("record-detail-section");
        return box;
    }

    private GridPane decision(RecordRow row) {
        Facts facts = new Facts();
        Decision d = row.decision();
        facts.add("records.detail.verdict", texts.verdict(row.verdict()), "detailVerdict");
        if (d != null) {
            facts.add("records.detail.reason", texts.reason(d.reasonCode()), "detailReasonCode");
            // the reason text is the reviewer's own words, but it may quote an agent: shown revealed too
            facts.add("records.detail.reasonText", UntrustedText.reveal(d.reasonText()).text(), "detailReasonText");
            Conditions window = d.conditions();
            facts.add("records.detail.window", window == null ? messages.get("records.detail.window.none")
                    : messages.format("records.detail.window.value", texts.dateTime(window.notBefore()),
                            texts.dateTime(window.notAfter())), "detailWindow");
        }
        facts.add("records.detail.reviewer", row.reviewer(), "detailReviewer");
        facts.add("records.detail.keyId", row.record().keyId(), "detailKeyId");
        if (d != null) {
            facts.add("records.detail.nonce", d.nonce(), "detailNonce");
            facts.add("records.detail.decidedAt", texts.dateTime(d.decidedAt()), "detailDecidedAt");
        }
        facts.add("records.detail.recordedAt", texts.dateTime(row.record().recordedAt()), "detailRecordedAt");
        if (d != null) {
            facts.add("records.detail.consoleVersion", d.consoleVersion(), "detailConsoleVersion");
        }
        facts.add("records.detail.policy", texts.policy(row.policy()), "detailPolicy");
        facts.add("records.detail.recordId", row.recordId(), "detailRecordId");
        facts.add("records.detail.logIndex", String.valueOf(row.logIndex()), "detailLogIndex");
        if (d == null) {
            facts.add("records.detail.unread", messages.get("records.detail.unread.value"), "detailUnread");
        }
        return facts.grid;
    }

    private Node proposal(RecordRow row) {
        Facts facts = new Facts();
        Proposal p = row.proposal();
        facts.add("records.detail.proposalId", p == null ? row.proposalId()
                : messages.format("records.detail.proposalVersion", row.proposalId(), p.version()), "detailProposalId");
        if (p == null) {
            facts.add("records.detail.proposalMissing", messages.get("records.detail.proposalMissing.value"),
                    "detailProposalMissing");
            return facts.grid;
        }
        facts.add("records.detail.action", texts.action(p.actionType()), "detailAction");
        facts.add("records.detail.target", UntrustedText.reveal(p.target().name()).text() + " ("
                + UntrustedText.reveal(p.target().id()).text() + ")", "detailTarget");
        facts.add("records.detail.environment", UntrustedText.reveal(p.environment()).text(), "detailEnvironment");
        Label tier = row.tier() == null ? new Label(messages.get("records.notHeld")) : chips.tier(row.tier());
        facts.addNode("records.detail.tier", tier);
        facts.add("records.detail.agent", UntrustedText.reveal(p.agent().id()).text(), "detailAgent");
        facts.add("records.detail.owner", UntrustedText.reveal(p.agent().owner()).text(), "detailOwner");
        UntrustedText.Revealed intent = UntrustedText.reveal(p.intent());
        facts.add("records.detail.intent", messages.format("records.detail.intent.value", intent.text()),
                "detailIntent");
        if (intent.suspicious()) {
            Label warn = new Label(messages.format("records.detail.intent.warning",
                    intent.hiddenCount() + intent.lookalikeCount()), new FontIcon(MaterialDesignA.ALERT));
            warn.setWrapText(true);
            warn.getStyleClass().add("record-warning");
            facts.addNode("records.detail.intent.check", warn);
        }
        facts.add("records.detail.createdAt", texts.dateTime(p.createdAt()), "detailCreatedAt");
        return facts.grid;
    }

    private Node checks(RecordRow row) {
        VBox box = new VBox(4);
        for (RecordTexts.Check check : RecordTexts.Check.values()) {
            Label badge = CheckBadges.badge();
            badge.setId("detailCheck-" + check.key());
            String line = texts.checkLine(check, check.of(row));
            CheckBadges.show(badge, check.of(row), line, line);
            box.getChildren().add(badge);
        }
        Facts digests = new Facts();
        digests.add("records.detail.proposalDigest", proposalDigest(row), "detailProposalDigest");
        digests.add("records.detail.contextDigest", row.decision() == null ? messages.get("records.notHeld")
                : row.decision().contextDigest(), "detailContextDigest");
        box.getChildren().add(digests.grid);
        if (row.check() == null) {
            box.getChildren().add(muted(messages.get("records.detail.notChecked")));
        } else if (row.check().findings().isEmpty()) {
            box.getChildren().add(muted(messages.get("records.detail.noFindings")));
        } else {
            for (Finding f : row.check().findings()) {
                Label finding = new Label(messages.format("records.detail.finding",
                        f.file() == null ? messages.get("records.detail.finding.noFile") : f.file(), f.message()),
                        new FontIcon(f.severity() == Finding.Severity.ERROR ? MaterialDesignA.ALERT_OCTAGON
                                : MaterialDesignA.ALERT_OUTLINE));
                finding.setWrapText(true);
                finding.getStyleClass().addAll("record-finding",
                        f.severity() == Finding.Severity.ERROR ? "finding-error" : "finding-warning");
                finding.setAccessibleText(messages.format("records.detail.finding.a11y",
                        messages.get("records.detail.severity." + f.severity().name().toLowerCase(
                                java.util.Locale.ROOT)), finding.getText()));
                box.getChildren().add(finding);
            }
        }
        return box;
    }

    /** The proposal digest the record's subject names (read, not verified: the checks above say whether it holds). */
    private String proposalDigest(RecordRow row) {
        try {
            return DecisionRecords.readStatement(row.record().envelope()).subject().get(0).sha256();
        } catch (RuntimeException e) {
            return messages.get("records.detail.unreadable");
        }
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("muted");
        label.setWrapText(true);
        return label;
    }

    /** Two columns: a muted name, a value that wraps. */
    private final class Facts {
        final GridPane grid = new GridPane();
        private int row;

        Facts() {
            grid.setHgap(8);
            grid.setVgap(3);
            grid.getStyleClass().add("record-facts");
            ColumnConstraints names = new ColumnConstraints();
            names.setMinWidth(Label.USE_PREF_SIZE);
            ColumnConstraints values = new ColumnConstraints();
            values.setHgrow(Priority.ALWAYS);
            values.setMinWidth(0);
            grid.getColumnConstraints().addAll(names, values);
        }

        void add(String key, String value, String id) {
            Label label = new Label(value == null ? "" : value);
            label.setId(id);
            label.setWrapText(true);
            label.getStyleClass().add("fact-value");
            label.setAccessibleText(messages.get(key) + ": " + label.getText());
            addNode(key, label);
        }

        void addNode(String key, Node value) {
            Label name = new Label(messages.get(key));
            name.getStyleClass().add("fact-name");
            name.setMinWidth(Label.USE_PREF_SIZE);
            GridPane.setValignment(name, javafx.geometry.VPos.TOP);
            grid.addRow(row++, name, value);
        }
    }

}
