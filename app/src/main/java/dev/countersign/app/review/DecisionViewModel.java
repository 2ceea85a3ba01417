package dev.countersign.app.review;

import dev.countersign.app.common.Messages;
import dev.countersign.app.common.TaskRunner;
import dev.countersign.app.common.UserErrors;
import dev.countersign.app.identity.KeyGate;
import dev.countersign.app.identity.SigningSession;
import dev.countersign.app.cache.OutboxEntry;
import dev.countersign.app.queue.QueueViewModel;
import dev.countersign.app.settings.ReviewerSettings;
import dev.countersign.app.sync.GatewayProblemException;
import dev.countersign.model.Conditions;
import dev.countersign.model.Decision;
import dev.countersign.model.ProposalStatus;
import dev.countersign.model.ReasonCode;
import dev.countersign.model.Verdict;
import dev.countersign.model.api.ProposalView;
import dev.countersign.model.crypto.Signer;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The decision bar: verdict, reason code and reason text, then "Sign &amp; submit", which unlocks the key if needed,
 * signs what is shown and posts it. Says in plain words why it cannot submit yet, and what the gateway answered.
 * Friction grows with risk: approving a high or critical change needs the target's name typed
 * ({@link TypedConfirmation}); an approval may carry an execution window ({@link ExecutionWindowForm}).
 */
public final class DecisionViewModel {
    /** Refusals that mean the reviewer was shown something that has since changed. */
    private static final Set<String> CHANGED = Set.of("stale-proposal", "context-changed");
    /** How the outcome message should look. */
    public enum Tone { NONE, INFO, SUCCESS, WARNING, ERROR }

    private final Messages messages;
    private final TaskRunner runner;
    private final UserErrors errors;
    private final Clock clock;
    private final ReviewViewModel review;
    private final AuthorityViewModel authority;
    private final KeyGate keys;
    private final SigningSession session;
    private final QueueViewModel queue;

    private final ObjectProperty<Verdict> verdict = new SimpleObjectProperty<>();
    private final ObjectProperty<ReasonCode> reasonCode = new SimpleObjectProperty<>();
    private final StringProperty reasonText = new SimpleStringProperty("");
    private final StringProperty typedConfirmation = new SimpleStringProperty("");
    private final ExecutionWindowForm window;
    private final BooleanBinding confirmationRequired;
    private final StringBinding confirmationHint;
    private final StringBinding windowNote;
    private final ObjectProperty<DecisionSubmitter> submitter = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<Tone> tone = new ReadOnlyObjectWrapper<>(Tone.NONE);
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<ProposalView> reviewAgain = new ReadOnlyObjectWrapper<>();
    private final StringBinding blocked;
    private final BooleanBinding canSubmit;

    public DecisionViewModel(Messages messages, TaskRunner runner, Clock clock, ReviewViewModel review,
            AuthorityViewModel authority, KeyGate keys, SigningSession session, QueueViewModel queue) {
        this.messages = messages;
        this.runner = runner;
        this.errors = new UserErrors(messages);
        this.clock = clock;
        this.review = review;
        this.authority = authority;
        this.keys = keys;
        this.session = session;
        this.queue = queue;
        this.window = new ExecutionWindowForm(messages, clock, ZoneId.systemDefault());
        List<Observable> inputs = new ArrayList<>(List.of(verdict, reasonCode, reasonText, typedConfirmation,
                submitter, busy, review.shownProperty(), review.digestsMatchProperty(), session.reviewerProperty(),
                session.knownProperty(), authority.permittedProperty(), queue.waitingIds()));
        inputs.addAll(List.of(window.dependencies()));
        blocked = Bindings.createStringBinding(this::whyNot, inputs.toArray(Observable[]::new));
        confirmationRequired = Bindings.createBooleanBinding(() -> review.shown() != null
                && TypedConfirmation.required(review.shown().proposal(), verdict.get()), verdict,
                review.shownProperty());
        confirmationHint = Bindings.createStringBinding(() -> review.shown() == null ? ""
                : TypedConfirmation.hint(messages, review.shown().proposal()), review.shownProperty());
        windowNote = Bindings.createStringBinding(() -> review.shown() == null ? ""
                : window.note(review.shown().proposal().expiresAt()), review.shownProperty());
        window.enabledProperty().addListener((obs, was, on) -> {
            ProposalView shown = review.shown();
            if (on && shown != null && window.startDateProperty().get() == null) {
                window.fillDefaults(shown.proposal().expiresAt());
            }
        });
        canSubmit = Bindings.createBooleanBinding(() -> blocked.get().isEmpty(), blocked);
        review.shownProperty().addListener((obs, old, latest) -> {
            reviewAgain.set(null);
            if (old == null || latest == null || !old.proposal().id().equals(latest.proposal().id())) {
                clearForm();
                say(Tone.NONE, null, null);
            } else if (!old.proposal().equals(latest.proposal()) || !old.context().equals(latest.context())) {
                // what the reviewer was reading changed under them: make them look again before signing
                clearForm();
                say(Tone.WARNING, messages.format("decision.changedWhileShown", latest.proposal().version()), null);
            }
        });
    }

    /** Enables submitting: the console is connected to a gateway. */
    public void connect(DecisionSubmitter decisions) {
        submitter.set(decisions);
    }

    public void submit() {
        // checked afresh, not from the cached binding: time has passed since it was computed (a window's end, the
        // proposal's expiry), and an approval limited to a window must never go out without it
        String blockedNow = whyNot();
        if (!blockedNow.isEmpty()) {
            say(Tone.WARNING, blockedNow, null);
            return;
        }
        ProposalView shown = review.shown();
        Conditions conditions = null;
        if (verdict.get() == Verdict.APPROVE && window.enabledProperty().get()) {
            ExecutionWindowForm.Checked checked = window.check(shown.proposal().expiresAt());
            if (checked.conditions() == null) {
                say(Tone.WARNING, checked.problem(), null);
                return;
            }
            conditions = checked.conditions();
        }
        DecisionDraft draft = new DecisionDraft(verdict.get(), reasonCode.get(), reasonText.get(), conditions);
        DecisionSubmitter decisions = submitter.get();
        busy.set(true);
        say(Tone.INFO, messages.get("decision.waitingForKey"), null);
        keys.withSigner(signer -> send(decisions, shown, draft, signer), () -> {
            busy.set(false);
            say(Tone.INFO, messages.get("decision.notSigned"), null);
        });
    }

    private void send(DecisionSubmitter decisions, ProposalView shown, DecisionDraft draft, Signer signer) {
        String reviewer = session.reviewerProperty().get().reviewer();
        say(Tone.INFO, messages.get("decision.submitting"), null);
        runner.run("sign and submit decision", () -> decisions.submit(shown, draft, reviewer, signer),
                done -> submitted(decisions, shown, done), e -> {
                    busy.set(false);
                    if (e instanceof GatewayProblemException refused && CHANGED.contains(refused.code())) {
                        showWhatChanged(decisions, shown, messages.text(refused.gatewayWords()), UserErrors.details(refused));
                        return;
                    }
                    String text = e instanceof GatewayProblemException refused
                            ? messages.format("decision.refused", messages.text(refused.gatewayWords()))
                            : errors.message(e);
                    say(Tone.ERROR, text, UserErrors.details(e));
                    queue.refresh();
                });
    }

    /** The decision is signed and in the outbox: recorded, refused, or waiting for the gateway. */
    private void submitted(DecisionSubmitter decisions, ProposalView shown, DecisionSubmitter.Submitted done) {
        busy.set(false);
        queue.reloadOutbox();
        OutboxEntry entry = done.entry();
        switch (entry.state()) {
            case RECORDED -> {
                if (done.latest() != null) {
                    queue.put(done.latest());
                }
                queue.refresh();
                clearForm();
                say(Tone.SUCCESS, outcome(entry, done.latest()), null);
            }
            case REFUSED -> {
                String technical = entry.problemType() + ": " + entry.problemDetail();
                if (CHANGED.contains(entry.problemType())) {
                    showWhatChanged(decisions, shown, entry.problemDetail(), technical);
                } else {
                    say(Tone.ERROR, messages.format("decision.refused", entry.problemDetail()), technical);
                    queue.refresh();
                }
                queue.acknowledge(entry);
            }
            case PENDING -> {
                queue.waitingIds().add(entry.proposalId()); // at once: no second decision while it waits
                clearForm();
                say(Tone.INFO, messages.format("decision.queued", errors.message(done.notSent())),
                        UserErrors.details(done.notSent()));
            }
        }
    }

    /**
     * A decision sent from the outbox later (signed offline) was refused: show the proposal as it now stands, say
     * plainly that the decision did not count and why, and offer to review again.
     */
    public void showRefused(OutboxEntry entry) {
        queue.acknowledge(entry);
        String verdict = messages.get("verdict." + entry.verdict().json());
        String text = messages.format("decision.outboxRefused", verdict, entry.proposalVersion(),
                entry.problemDetail());
        DecisionSubmitter decisions = submitter.get();
        queue.row(entry.proposalId()).ifPresent(queue.selectedProperty()::set);
        if (decisions == null) {
            say(Tone.WARNING, text, entry.problemType());
            return;
        }
        runner.run("reload refused proposal", () -> decisions.latest(entry.proposalId()), latest -> {
            queue.put(latest);
            say(Tone.WARNING, text, entry.problemType());
            if (latest.status() == ProposalStatus.PENDING) {
                reviewAgain.set(latest);
            }
        }, e -> say(Tone.WARNING, text, entry.problemType()));
    }

    /** The gateway says what was shown is out of date: fetch the proposal now, say what changed, offer a review. */
    private void showWhatChanged(DecisionSubmitter decisions, ProposalView shown, String refusal, String technical) {
        String id = shown.proposal().id();
        runner.run("reload changed proposal", () -> decisions.latest(id), latest -> {
            boolean proposalChanged = latest.proposal().version() != shown.proposal().version()
                    || !latest.proposal().equals(shown.proposal());
            int was = shown.proposal().version();
            int now = latest.proposal().version();
            String text = !proposalChanged ? messages.format("decision.contextChanged", now)
                    : was == now ? messages.format("decision.staleProposalSameVersion", now)
                    : messages.format("decision.staleProposal", was, now);
            say(Tone.WARNING, text, technical);
            reviewAgain.set(latest);
        }, e -> {
            say(Tone.ERROR, messages.format("decision.refused", refusal), technical);
            queue.refresh();
        });
    }

    /** Shows the proposal as it is now (after a stale-proposal or context-changed refusal), with a clear form. */
    public void reviewAgain() {
        ProposalView latest = reviewAgain.get();
        if (latest == null) {
            return;
        }
        queue.put(latest);
        reviewAgain.set(null);
        clearForm();
        say(Tone.NONE, null, null);
    }

    /** The proposal as it now stands, while "Review again" is offered; null otherwise. */
    public ReadOnlyObjectProperty<ProposalView> reviewAgainProperty() {
        return reviewAgain.getReadOnlyProperty();
    }

    private String outcome(OutboxEntry entry, ProposalView latest) {
        if (latest == null) {
            return messages.format("decision.outcome.recorded", entry.recordId(), entry.logIndex());
        }
        return switch (latest.status()) {
            case APPROVED -> messages.format("decision.outcome.approved", entry.recordId(), entry.logIndex());
            case DENIED -> messages.format("decision.outcome.denied", entry.recordId(), entry.logIndex());
            case PENDING -> messages.format("decision.outcome.partial", latest.approvals().size(),
                    latest.approvalsRequired(), entry.recordId());
            case EXPIRED -> messages.format("decision.outcome.expired", entry.recordId());
        };
    }

    private String whyNot() {
        ProposalView shown = review.shownProperty().get();
        if (shown == null) {
            return messages.get("decision.blocked.noSelection");
        }
        if (submitter.get() == null) {
            return messages.get("decision.blocked.notConnected");
        }
        if (session.reviewerProperty().get() == null) {
            return messages.get("decision.blocked.noReviewer");
        }
        if (busy.get()) {
            return messages.get("decision.blocked.busy");
        }
        if (queue.waitingIds().contains(shown.proposal().id())) {
            return messages.get("decision.blocked.waitingToSend");
        }
        if (shown.status() != ProposalStatus.PENDING) {
            return messages.format("decision.blocked.closed", messages.get("status." + shown.status().json()));
        }
        if (!review.digestsMatchProperty().get()) {
            return messages.get("decision.blocked.digestMismatch");
        }
        if (session.knownProperty().get() != null && !authority.permittedProperty().get()) {
            // the gateway told us this reviewer's rights and they do not cover this proposal: it would refuse
            return authority.textProperty().get();
        }
        boolean expired = shown.proposal().isExpiredAt(clock.instant());
        if (expired && verdict.get() == Verdict.APPROVE) {
            return messages.get("decision.blocked.expired");
        }
        ReviewerSettings who = session.reviewerProperty().get();
        if (who != null && verdict.get() == Verdict.APPROVE
                && shown.approvals().stream().anyMatch(a -> Objects.equals(a.reviewer(), who.reviewer()))) {
            return messages.get("decision.blocked.alreadyApproved");
        }
        if (verdict.get() == null) {
            return messages.get("decision.blocked.noVerdict");
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
        if (verdict.get() == Verdict.APPROVE) {
            String problem = window.check(shown.proposal().expiresAt()).problem();
            if (problem != null) {
                return problem;
            }
        }
        return TypedConfirmation.check(messages, shown.proposal(), verdict.get(), typedConfirmation.get());
    }

    private void clearForm() {
        verdict.set(null);
        reasonCode.set(null);
        reasonText.set("");
        typedConfirmation.set("");
        window.clear();
    }

    private void say(Tone kind, String text, String technical) {
        tone.set(kind);
        message.set(text);
        details.set(technical);
    }

    public ObjectProperty<Verdict> verdictProperty() {
        return verdict;
    }

    /** The reason codes a reviewer may pick; POLICY_AUTO_APPROVED is reserved for the gateway's own approvals. */
    public List<ReasonCode> reasonCodeChoices() {
        return ReasonFields.choices();
    }

    public ObjectProperty<ReasonCode> reasonCodeProperty() {
        return reasonCode;
    }

    public StringProperty reasonTextProperty() {
        return reasonText;
    }

    /** The target's name as the reviewer typed it to confirm a high or critical approval (compared exactly). */
    public StringProperty typedConfirmationProperty() {
        return typedConfirmation;
    }

    /** True while the chosen verdict needs the target's name typed (approving a high or critical change). */
    public BooleanBinding confirmationRequiredProperty() {
        return confirmationRequired;
    }

    /** What to type to confirm, or why the name cannot be typed. */
    public StringBinding confirmationHintProperty() {
        return confirmationHint;
    }

    /** The optional execution window of an approval. */
    public ExecutionWindowForm window() {
        return window;
    }

    /** "Times in Central European Time (Europe/Oslo). The proposal expires 2 Dec 2026, 18:00." */
    public StringBinding windowNoteProperty() {
        return windowNote;
    }

    /** The connected decision sender (null until connected), shared with bulk approval. */
    public ReadOnlyObjectProperty<DecisionSubmitter> submitterProperty() {
        return submitter;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Tone> toneProperty() {
        return tone.getReadOnlyProperty();
    }

    /** Technical details of the last failure, for "copy details"; null when there are none. */
    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** Why "Sign &amp; submit" is disabled, in words; empty when it is enabled. */
    public StringBinding blockedReasonProperty() {
        return blocked;
    }

    public BooleanBinding canSubmitProperty() {
        return canSubmit;
    }

}
