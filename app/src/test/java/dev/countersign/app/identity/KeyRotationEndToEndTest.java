package dev.countersign.app.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.app.common.UserErrors;
import dev.countersign.app.common.UserText;
import dev.countersign.app.queue.QueueRow;
import dev.countersign.app.support.ConsoleModels;
import dev.countersign.app.support.FakeDialogService.Answer;
import dev.countersign.app.support.TestGateway;
import dev.countersign.app.sync.GatewayUnavailableException;
import dev.countersign.model.ProposalStatus;
import dev.countersign.model.ReasonCode;
import dev.countersign.model.RiskTier;
import dev.countersign.model.Verdict;
import dev.countersign.model.api.DecisionRecordView;
import dev.countersign.model.api.ReviewerView;
import dev.countersign.model.crypto.KeyIds;
import dev.countersign.model.record.DsseEnvelope;
import dev.countersign.model.record.DecisionRecords;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rotating the reviewer's key through the console against a real gateway over loopback: the gateway enrolls the new
 * key with the same rights and revokes the old one, the console switches to the new key file and opens a session
 * with the new key without asking again, and the next decision is signed by the new key.
 */
class KeyRotationEndToEndTest {
    static final String OLD_PASSPHRASE = "the first passphrase of this key";
    static final String NEW_PASSPHRASE = "a different and longer passphrase";

    @TempDir
    Path dir;
    TestGateway gateway;

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void aRotatedKeyIsTheOnlyKeyInForceAndSignsTheNextDecision() throws Exception {
        gateway = TestGateway.start(dir);
        ConsoleModels models = new ConsoleModels(gateway, dir.resolve("home"), "rotating@northwind.example");
        models.dialogs.answer(Answer.type(OLD_PASSPHRASE));
        models.connect();
        String oldKeyId = models.session.keyIdProperty().get();
        String oldSession = models.console.session().orElseThrow().token();

        KeysWindow window = new KeysWindow(models.messages, models.runner, models.reviewerKeys, models.session,
                models.keys, null, Clock.systemUTC(), models.console::keyRotated);
        models.dialogs.answer(Answer.type(OLD_PASSPHRASE)); // the old key signs the rotation too
        ChangeKeyViewModel rotate = new ChangeKeyViewModel(models.messages, models.runner,
                new UserErrors(models.messages), ChangeKeyViewModel.Mode.ROTATE_SOFTWARE,
                models.session.reviewerProperty().get(), true, new KeyChanges(models.reviewerKeys, Clock.systemUTC()),
                models.keys, (reviewer, envelope, key) -> models.keys.client().rotateKey(reviewer, envelope, key),
                null, done -> window.finish(done, true), () -> { });
        rotate.passphraseChanged(NEW_PASSPHRASE, NEW_PASSPHRASE);
        rotate.submit(NEW_PASSPHRASE.toCharArray(), new char[0]);
        assertNull(rotate.errorProperty().get());
        assertTrue(rotate.closedProperty().get());

        String newKeyId = models.session.keyIdProperty().get();
        assertNotEquals(oldKeyId, newKeyId);
        assertEquals(newKeyId, KeyIds.of(models.reviewerKeys.load(models.session.reviewerProperty().get())
                .publicKey()), "the key file holds the new key");
        assertEquals(newKeyId, models.console.session().orElseThrow().keyId(), "a session of the new key is open");
        assertNotEquals(oldSession, models.console.session().orElseThrow().token());

        ReviewerView seen = gateway.client().reviewer("rotating@northwind.example");
        ReviewerView.Key old = seen.keys().stream().filter(k -> k.keyId().equals(oldKeyId)).findFirst().orElseThrow();
        assertNotNull(old.revokedAt(), "the old key is revoked");
        assertTrue(old.revokedReason().startsWith("rotated to "), old.revokedReason());
        assertTrue(seen.keys().stream().anyMatch(k -> k.keyId().equals(newKeyId) && k.revokedAt() == null));
        assertNotNull(seen.rights(), "the rights stay with the reviewer");

        QueueRow row = models.queue.rows().stream().filter(r -> r.summary().status() == ProposalStatus.PENDING
                && r.summary().approvalsRequired() == 1 && r.summary().riskTier() == RiskTier.LOW
                && r.summary().approvalsGiven() == 0).findFirst().orElseThrow();
        models.queue.selectedProperty().set(row);
        models.decision.verdictProperty().set(Verdict.DENY);
        models.decision.reasonCodeProperty().set(ReasonCode.NEEDS_MORE_CONTEXT);
        models.decision.reasonTextProperty().set("Decided with the rotated key.");
        models.dialogs.answer(Answer.type(NEW_PASSPHRASE));
        models.decision.submit();
        List<DecisionRecordView> records = gateway.client().decisions(row.id()).records();
        assertEquals(1, records.size(), models.decision.messageProperty().get());
        assertEquals(newKeyId, DecisionRecords.verify(records.get(0).envelope(),
                models.session.publicKey().orElseThrow()).keyId());
    }

    @Test
    void aRotationWhoseAnswerIsLostStillSwitchesToTheNewKeyTheGatewayHasInForce() throws Exception {
        gateway = TestGateway.start(dir);
        ConsoleModels models = new ConsoleModels(gateway, dir.resolve("home"), "lost.answer@northwind.example");
        models.dialogs.answer(Answer.type(OLD_PASSPHRASE));
        models.connect();
        String oldKeyId = models.session.keyIdProperty().get();
        KeysWindow window = new KeysWindow(models.messages, models.runner, models.reviewerKeys, models.session,
                models.keys, null, Clock.systemUTC(), models.console::keyRotated);
        KeyChanges.Poster real = window.poster();
        KeyChanges.Poster answerLost = new KeyChanges.Poster() {
            @Override
            public ReviewerView rotate(String reviewer, DsseEnvelope rotation, String key) throws Exception {
                real.rotate(reviewer, rotation, key); // the gateway commits...
                throw new GatewayUnavailableException(new UserText("error.gateway.timeout", "gw"), null); // ...the reply is lost
            }

            @Override
            public boolean inForce(String reviewer, String keyId) throws Exception {
                return real.inForce(reviewer, keyId);
            }
        };
        models.dialogs.answer(Answer.type(OLD_PASSPHRASE));
        ChangeKeyViewModel rotate = new ChangeKeyViewModel(models.messages, models.runner,
                new UserErrors(models.messages), ChangeKeyViewModel.Mode.ROTATE_SOFTWARE,
                models.session.reviewerProperty().get(), true, new KeyChanges(models.reviewerKeys, Clock.systemUTC()),
                models.keys, answerLost, null, done -> window.finish(done, true), () -> { });
        rotate.passphraseChanged(NEW_PASSPHRASE, NEW_PASSPHRASE);
        rotate.submit(NEW_PASSPHRASE.toCharArray(), new char[0]);

        assertNull(rotate.errorProperty().get(), rotate.errorProperty().get());
        String newKeyId = models.session.keyIdProperty().get();
        assertNotEquals(oldKeyId, newKeyId);
        assertEquals(newKeyId, KeyIds.of(models.reviewerKeys.load(models.session.reviewerProperty().get())
                .publicKey()), "the console switched to the key the gateway has in force");
        assertEquals(newKeyId, models.console.session().orElseThrow().keyId());
    }
}
