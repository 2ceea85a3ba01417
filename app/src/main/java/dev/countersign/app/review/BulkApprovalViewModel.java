package dev.countersign.app.review;

import dev.countersign.app.cache.OutboxEntry;
import dev.countersign.app.cache.ProposalSummary;
import dev.countersign.app.common.Messages;
import dev.countersign.app.common.TaskRunner;
import dev.countersign.app.common.UntrustedText;
import dev.countersign.app.common.UserErrors;
import dev.countersign.app.identity.KeyGate;
import dev.countersign.app.identity.SigningSession;
import dev.countersign.app.queue.QueueRow;
import dev.countersign.app.queue.QueueViewModel;
import dev.countersign.app.sync.GatewayProblemException;
import dev.countersign.model.Decision;
import dev.countersign.model.ProposalStatus;
import dev.countersign.model.ReasonCode;
import dev.countersign.model.RiskTier;
import dev.countersign.model.Verdict;
import dev.countersign.model.api.ProposalView;
import dev.countersign.model.crypto.Signer;
import dev.countersign.model.json.Digests;
import dev.countersign.model.record.DecisionRecords;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Approving several low-risk proposals at once: one reason code and reason for all, then one signed decision per
 * proposal, each bound to that proposal's own version and context as the console's cache holds it.
 *
 * <p>Only LOW tier may be approved in bulk. A selection with any medium, high or critical proposal is refused
 * outright, naming them, and nothing is signed: those are reviewed one at a time, with the target's name typed where
 * the tier asks for it. Each proposal is checked again from its whole view just before signing (still pending, not
 * expired, still low, digests as the gateway gave them, not already approved by this reviewer); one that fails is
 * reported and skipped, the others go on. Every outcome (recorded, refused, waiting in the outbox, not signed) is
 * listed per proposal; a decision that could not be sent stays in the outbox, so nothing is lost.
 */
public final class BulkApprovalViewModel {
    /** One proposal's outcome, for the list in the dialog. */
    public record Result(String proposalId, String target, Outcome outcome, String text) {}

    /** How one proposal's decision ended. */
    public enum Outcome { RECORDED, REFUSED, WAITING, SKIPPED }

    private final Messages messages;
    private final TaskRunner runner;
    private final UserErrors errors;
    private final Clock clock;
    private final KeyGate keys;
    private final SigningSession session;
    private final QueueViewModel queue;
    private final ObservableValue<DecisionSubmitter> submitter;

    private final ObservableList<QueueRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper refusal = new ReadOnlyStringWrapper("");
    private final ObjectProperty<ReasonCode> reasonCode = new SimpleObjectProperty<>();
    private final StringProperty reasonText = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObservableList<Result> results = FXCollections.observableArrayList();
    private final StringBinding blocked;
    private final BooleanBinding canSubmit;

    public BulkApprovalViewModel(Messages messages, TaskRunner runner, Clock clock, KeyGate keys,
            SigningSession session, QueueViewModel queue, ObservableValue<DecisionSubmitter> submitter) {
        this.messages = messages;
        this.runner = runner;
        this.errors = new UserErrors(messages);
        this.clock = clock;
        this.keys = keys;
        this.session = session;
        this.queue = queue;
        this.submitter = submitter;
        blocked = Bindings.createStringBinding(this::whyNot, rows, refusal, reasonCode, reasonText, busy, done,
                submitter, session.reviewerProperty());
        canSubmit = Bindings.createBooleanBinding(() -> blocked.get().isEmpty(), blocked);
    }

    /** Takes a new selection: clears the form and results, and refuses it at once if it holds anything but LOW. */
    public void load(List<QueueRow> selection) {
        rows.setAll(selection);
        reasonCode.set(null);
        reasonText.set("");
        results.clear();
        done.set(false);
        message.set("");
        refusal.set(refusalOf(selection));
    }

    private String refusalOf(List<QueueRow> selection) {
        List<String> notLow = new ArrayList<>();
        List<String> closed = new ArrayList<>();
        for (QueueRow row : selection) {
            ProposalSummary s = row.summary();
            if (s.riskTier() != RiskTier.LOW) {
                notLow.add(messages.format("bulk.item", s.id(), UntrustedText.reveal(s.targetName()).text(),
                        messages.get("tier." + s.riskTier().json())));
            } else if (!s.openAt(clock.instant())) {
                closed.add(messages.format("bulk.item", s.id(), UntrustedText.reveal(s.targetName()).text(),
                        messages.get("status." + s.status().json())));
            }
        }
        if (!notLow.isEmpty()) {
            return messages.format("bulk.refused.tier", notLow.size(), String.join("\n", notLow));
        }
        if (!closed.isEmpty()) {
            return messages.format("bulk.refused.closed", String.join("\n", closed));
        }
        return "";
    }

    public void submit() {
        if (!canSubmit.get()) {
            return;
        }
        List<String> ids = rows.stream().map(QueueRow::id).toList();
        DecisionDraft draft = new DecisionDraft(Verdict.APPROVE, reasonCode.get(), reasonText.get());
        DecisionSubmitter decisions = submitter.getValue();
        busy.set(true);
        message.set(messages.get("decision.waitingForKey"));
        keys.withSigner(signer -> send(decisions, ids, draft, signer), () -> {
            busy.set(false);
            message.set(messages.get("decision.notSigned"));
        });
    }

    private void send(DecisionSubmitter decisions, List<String> ids, DecisionDraft draft, Signer signer) {
        String reviewer = session.reviewerProperty().get().reviewer();
        Set<String> waiting = Set.copyOf(queue.waitingIds());
        message.set(messages.format("bulk.submitting", ids.size()));
        runner.run("bulk approval", () -> signEach(decisions, ids, draft, reviewer, signer, waiting), outcomes -> {
            busy.set(false);
            done.set(true);
            queue.reloadOutbox();
            for (Sent sent : outcomes) {
                results.add(sent.result());
                if (sent.latest() != null) {
                    queue.put(sent.latest());
                }
                if (sent.entry() != null && sent.entry().state() == OutboxEntry.State.REFUSED) {
                    queue.acknowledge(sent.entry()); // reported here, with the reason
                }
                if (sent.result().outcome() == Outcome.WAITING) {
                    queue.waitingIds().add(sent.result().proposalId());
                }
            }
            queue.refresh();
            long recorded = outcomes.stream().filter(s -> s.result().outcome() == Outcome.RECORDED).count();
            message.set(messages.format("bulk.summary", recorded, outcomes.size()));
        }, e -> {
            busy.set(false);
            message.set(errors.message(e));
            queue.reloadOutbox();
            queue.refresh();
        });
    }

    private record Sent(Result result, ProposalView latest, OutboxEntry entry) {
        Sent(Result result, ProposalView latest) {
            this(result, latest, null);
        }
    }

    /** Background: one decision per proposal, each on its own; a failure is reported and the next one goes on. */
    private List<Sent> signEach(DecisionSubmitter decisions, List<String> ids, DecisionDraft draft, String reviewer,
            Signer signer, Set<String> waiting) {
        List<Sent> out = new ArrayList<>();
        for (String id : ids) {
            Optional<ProposalView> cached = queue.view(id);
            if (cached.isEmpty()) {
                out.add(new Sent(new Result(id, "", Outcome.SKIPPED, messages.get("bulk.result.missing")), null));
                continue;
            }
            ProposalView view = cached.get();
            String target = UntrustedText.reveal(view.proposal().target().name()).text();
            String skip = skipReason(view, reviewer, waiting);
            if (skip != null) {
                out.add(new Sent(new Result(id, target, Outcome.SKIPPED, skip), null));
                continue;
            }
            try {
                DecisionSubmitter.Submitted sent = decisions.submit(view, draft, reviewer, signer);
                OutboxEntry entry = sent.entry();
                Result result = switch (entry.state()) {
                    case RECORDED -> new Result(id, target, Outcome.RECORDED,
                            messages.format("bulk.result.recorded", entry.recordId(), entry.logIndex()));
                    case REFUSED -> new Result(id, target, Outcome.REFUSED,
                            messages.format("bulk.result.refused", entry.problemDetail()));
                    case PENDING -> new Result(id, target, Outcome.WAITING,
                            messages.format("bulk.result.waiting", errors.message(sent.notSent())));
                };
                out.add(new Sent(result, sent.latest(), entry));
            } catch (GatewayProblemException refused) {
                out.add(new Sent(new Result(id, target, Outcome.REFUSED,
                        messages.format("bulk.result.refused", messages.text(refused.gatewayWords()))), null));
            } catch (Exception e) {
                out.add(new Sent(new Result(id, target, Outcome.SKIPPED,
                        messages.format("bulk.result.notSigned", errors.message(e))), null));
            }
        }
        return out;
    }

    /** Why this proposal is not signed after all (checked on its whole view, just before signing); null if it is. */
    private String skipReason(ProposalView view, String reviewer, Set<String> waiting) {
        if (view.proposal().riskTier() != RiskTier.LOW) {
            return messages.format("bulk.result.notLow", messages.get("tier." + view.proposal().riskTier().json()));
        }
        if (view.status() != ProposalStatus.PENDING || view.proposal().isExpiredAt(clock.instant())) {
            return messages.format("bulk.result.closed", messages.get("status." + view.status().json()));
        }
        if (waiting.contains(view.proposal().id())) {
            return messages.get("decision.blocked.waitingToSend");
        }
        if (!Digests.equal(DecisionRecords.proposalDigest(view.proposal()), view.proposalDigest())
                || !Digests.equal(Digests.canonicalSha256(view.context()), view.contextDigest())) {
            return messages.get("decision.blocked.digestMismatch");
        }
        if (AgentText.suspicious(view.proposal())) {
            return messages.get("bulk.result.untrusted"); // its warnings are read on its own, in the review
        }
        if (view.approvals().stream().anyMatch(a -> Objects.equals(a.reviewer(), reviewer))) {
            return messages.get("decision.blocked.alreadyApproved");
        }
        return null;
    }

    private String whyNot() {
        if (rows.isEmpty()) {
            return messages.get("bulk.blocked.empty");
        }
        if (!refusal.get().isEmpty()) {
            return refusal.get();
        }
        if (done.get()) {
            return messages.get("bulk.blocked.done");
        }
        if (submitter.getValue() == null) {
            return messages.get("decision.blocked.notConnected");
        }
        if (session.reviewerProperty().get() == null) {
            return messages.get("decision.blocked.noReviewer");
        }
        if (busy.get()) {
            return messages.get("decision.blocked.busy");
        }
        if (reasonCode.get() == null) {
            return messages.get("decision.blocked.noReasonCode");
        }
        if (reasonText.get() == null || reasonText.get().isBlank()) {
            return messages.get("decision.blocked.noReason");
        }
        if (reasonText.get().strip().length() > Decision.MAX_REASON_LENGTH) {
            return messages.format("decision.blocked.reasonTooLong", Decision.MAX_REASON_LENGTH);
        }
        return "";
    }

    /** The reason codes a reviewer may pick (not the gateway's own auto-approval). */

    public ObservableList<QueueRow> rows() {
        return rows;
    }

    /** Why the selection cannot be approved in bulk at all (naming the proposals); empty when it can. */
    public ReadOnlyStringProperty refusalProperty() {
        return refusal.getReadOnlyProperty();
    }

    public ObjectProperty<ReasonCode> reasonCodeProperty() {
        return reasonCode;
    }

    public StringProperty reasonTextProperty() {
        return reasonText;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True once the decisions were signed and sent (or kept); the results say how each ended. */
    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ObservableList<Result> results() {
        return results;
    }

    /** Why "Sign & approve all" is disabled, in words; empty when it is enabled. */
    public StringBinding blockedReasonProperty() {
        return blocked;
    }

    public BooleanBinding canSubmitProperty() {
        return canSubmit;
    }
}
