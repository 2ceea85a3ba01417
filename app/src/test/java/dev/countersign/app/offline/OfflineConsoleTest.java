package dev.countersign.app.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.countersign.app.cache.OutboxEntry;
import dev.countersign.app.queue.QueueRow;
import dev.countersign.app.queue.QueueViewModel.SyncState;
import dev.countersign.app.review.DecisionViewModel.Tone;
import dev.countersign.app.support.ConsoleModels;
import dev.countersign.app.support.FakeDialogService.Answer;
import dev.countersign.app.support.RestartableGateway;
import dev.countersign.app.sync.GatewayClient;
import dev.countersign.model.ParameterChange;
import dev.countersign.model.ProposalStatus;
import dev.countersign.model.ReasonCode;
import dev.countersign.model.Verdict;
import dev.countersign.model.api.DecisionRecordView;
import dev.countersign.model.api.ProposalView;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console against a team gateway that goes away and comes back: it starts from its cache, lets the reviewer
 * decide offline, and sends the decision once when the gateway is back; a decision on something that changed
 * meanwhile is refused by the gateway and shown, never dropped.
 */
class OfflineConsoleTest {
    private static final String PASSPHRASE = "correct horse battery staple";
    private static final String REVIEWER = "offline@northwind.example";

    @TempDir
    Path dir;
    private RestartableGateway gateway;
    private ConsoleModels console;

    @AfterEach
    void tearDown() {
        if (console != null) {
            console.stop();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void startsOfflineFromTheCacheAndADecisionMadeOfflineIsRecordedOnceAfterReconnect() throws Exception {
        ProposalView chosen = syncOnceThenGoOffline();
        QueueRow row = console.queue.row(chosen.proposal().id()).orElseThrow();
        console.queue.selectedProperty().set(row);
        assertEquals(chosen.proposal(), console.review.shown().proposal(), "the panes read the cached proposal");

        decide(Verdict.APPROVE, "Approved on the train; ticket CHG-88 checked.");
        assertEquals(Tone.INFO, console.decision.toneProperty().get());
        assertTrue(console.decision.messageProperty().get().startsWith("Signed and kept in this console’s outbox:"
                + " The gateway at 127.0.0.1:"), console.decision.messageProperty().get());
        assertTrue(console.decision.messageProperty().get().endsWith("cannot be reached. Check that it is running and"
                + " that this computer can reach it. It will be sent, once, as soon as the gateway answers."),
                console.decision.messageProperty().get());
        assertEquals(1, console.queue.waitingProperty().get());
        assertEquals("1 decision waiting to be sent", console.status.outboxTextProperty().get());
        assertEquals("Your decision on this proposal is in the outbox, waiting to be sent.",
                console.decision.blockedReasonProperty().get(), "no second decision while one waits");

        // the gateway is back; the session lapsed while offline and the key is locked: the reviewer signs in
        gateway.restart();
        console.runner.tick();
        assertEquals(SyncState.SIGNED_OUT, console.queue.stateProperty().get());
        assertEquals(1, console.queue.waitingProperty().get(), "still waiting, not lost");
        console.dialogs.answer(Answer.type(PASSPHRASE));
        console.console.signIn();

        assertEquals(SyncState.SYNCED, console.queue.stateProperty().get(), console.queue.syncErrorProperty().get());
        assertEquals(0, console.queue.waitingProperty().get());
        assertEquals("", console.status.outboxTextProperty().get());
        GatewayClient observer = gateway.observer();
        List<DecisionRecordView> records = observer.decisions(chosen.proposal().id()).records();
        assertEquals(1, records.size(), "recorded once");
        OutboxEntry sent = onlyOutboxEntry();
        assertEquals(OutboxEntry.State.RECORDED, sent.state());
        assertEquals(records.get(0).envelope(), sent.envelope(), "the very bytes signed offline");
        assertEquals(records.get(0).recordId(), sent.recordId());

        console.runner.tick(); // another round sends nothing again
        assertEquals(1, observer.decisions(chosen.proposal().id()).records().size());
        List<DecisionRecordView> cached = console.console.cache().orElseThrow().records()
                .forProposal(chosen.proposal().id());
        assertEquals(records, cached, "the record, synced back into the cache for offline reading");
    }

    @Test
    void aDecisionMadeOfflineOnAProposalThatChangedIsRefusedByTheGatewayAndShown() throws Exception {
        ProposalView chosen = syncOnceThenGoOffline();
        String id = chosen.proposal().id();
        console.queue.selectedProperty().set(console.queue.row(id).orElseThrow());
        decide(Verdict.APPROVE, "Looks right from here.");
        assertEquals(1, console.queue.waitingProperty().get());

        // meanwhile an admin amends the proposal: version 2
        gateway.restart();
        gateway.amend(id, new ParameterChange(JsonNodeFactory.instance.objectNode().put("note", "before"),
                JsonNodeFactory.instance.objectNode().put("note", "after, amended")));

        console.dialogs.answer(Answer.type(PASSPHRASE));
        console.console.signIn();

        assertEquals(0, console.queue.waitingProperty().get());
        assertEquals(1, console.queue.notRecorded().size(), "the refusal waits for the reviewer");
        assertEquals("1 decision not recorded", console.status.refusedTextProperty().get());
        OutboxEntry refused = console.queue.notRecorded().get(0);
        assertEquals("stale-proposal", refused.problemType());
        assertEquals(0, gateway.observer().decisions(id).records().size(), "nothing recorded");

        console.decision.showRefused(refused);
        assertEquals(Tone.WARNING, console.decision.toneProperty().get());
        String message = console.decision.messageProperty().get();
        assertTrue(message.startsWith("Your approval of version 1, signed while offline, was not recorded:"), message);
        assertTrue(message.endsWith("review it again before you decide."), message);
        assertEquals(id, console.queue.selectedProperty().get().id(), "the proposal is shown");
        assertNotNull(console.decision.reviewAgainProperty().get(), "review again is offered");
        assertEquals(2, console.decision.reviewAgainProperty().get().proposal().version());
        assertTrue(console.queue.notRecorded().isEmpty(), "seen");
        OutboxEntry kept = onlyOutboxEntry();
        assertEquals(OutboxEntry.State.REFUSED, kept.state(), "kept, with the gateway's reason");
        assertNotNull(kept.acknowledgedAt());

        console.decision.reviewAgain();
        assertEquals(2, console.review.shown().proposal().version());
        assertFalse(console.queue.waitingIds().contains(id));
    }

    @Test
    void withoutANonceFetchedAheadAProposalCannotBeDecidedOfflineAndNothingIsSigned() throws Exception {
        ProposalView chosen = syncOnceThenGoOffline();
        // as if the nonce had been used up or never fetched
        console.console.cache().orElseThrow().proposals().dropNonce(chosen.proposal().id());
        console.queue.selectedProperty().set(console.queue.row(chosen.proposal().id()).orElseThrow());
        decide(Verdict.DENY, "Not without the owner.");
        assertEquals(Tone.ERROR, console.decision.toneProperty().get());
        assertTrue(console.decision.messageProperty().get().contains("cannot be decided offline. Nothing was signed."),
                console.decision.messageProperty().get());
        assertEquals(0, console.queue.waitingProperty().get());
    }

    /** Runs a console against the gateway once (first run, sync, nonces), then stops both; a new console starts. */
    private ProposalView syncOnceThenGoOffline() throws Exception {
        gateway = RestartableGateway.start(dir.resolve("gateway"));
        ConsoleModels first = newConsole();
        first.dialogs.answer(Answer.type(PASSPHRASE));
        first.connect();
        assertEquals(SyncState.SYNCED, first.queue.stateProperty().get(), first.queue.syncErrorProperty().get());
        int rows = first.queue.rows().size();
        assertTrue(rows >= 14, "the demo queue: " + rows);
        ProposalView chosen = first.queue.rows().stream().map(first::view)
                .filter(v -> v.status() == ProposalStatus.PENDING && v.approvals().isEmpty()
                        && v.approvalsRequired() == 1)
                .findFirst().orElseThrow();
        first.stop();
        gateway.stop();

        console = newConsole();
        console.connect();
        assertEquals(SyncState.OFFLINE, console.queue.stateProperty().get());
        assertEquals(rows, console.queue.rows().size(), "the queue comes from the cache");
        assertEquals("Offline — working from the cache", console.status.connectionTextProperty().get());
        assertTrue(console.status.connectionTipProperty().get().endsWith("cannot be reached. Check that it is running"
                + " and that this computer can reach it."), console.status.connectionTipProperty().get());
        assertTrue(console.dialogs.errors().isEmpty(), "offline is no error: " + console.dialogs.errors());
        return chosen;
    }

    private ConsoleModels newConsole() {
        return new ConsoleModels(null, gateway::connection, dir.resolve("console"), REVIEWER,
                Optional.of(gateway.baseUri()));
    }

    private void decide(Verdict verdict, String reason) {
        console.decision.verdictProperty().set(verdict);
        console.decision.reasonCodeProperty().set(ReasonCode.CHANGE_TICKET_VERIFIED);
        console.decision.reasonTextProperty().set(reason);
        assertTrue(console.decision.canSubmitProperty().get(), console.decision.blockedReasonProperty().get());
        console.dialogs.answer(Answer.type(PASSPHRASE));
        console.decision.submit();
    }

    private OutboxEntry onlyOutboxEntry() throws Exception {
        List<OutboxEntry> all = console.cacheOutbox().all();
        assertEquals(1, all.size());
        return all.get(0);
    }
}
