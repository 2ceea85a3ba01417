package dev.countersign.app.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.app.common.TimeTexts;
import dev.countersign.app.shell.StatusViewModel;
import dev.countersign.app.support.ConsoleModels;
import dev.countersign.app.support.FakeDialogService.Answer;
import dev.countersign.app.support.TestGateway;
import dev.countersign.model.ActionType;
import dev.countersign.model.ProposalStatus;
import dev.countersign.model.RiskTier;
import dev.countersign.model.api.DecisionRights;
import dev.countersign.model.api.ProposalView;
import dev.countersign.model.api.ReviewerView;
import dev.countersign.model.crypto.KeyIds;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "May I decide this?" in plain words, and who the console signs as, from what the real gateway says. */
class AuthorityViewModelTest {
    @TempDir
    static Path dir;
    static TestGateway gateway;
    static ConsoleModels models;

    @BeforeAll
    static void start() throws Exception {
        gateway = TestGateway.start(dir);
        models = new ConsoleModels(gateway, dir.resolve("reviewer"), "rights.tester@northwind.example");
        models.dialogs.answer(Answer.type("correct horse battery staple"));
        models.connect();
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static ProposalView critical() {
        return models.queue.rows().stream().map(models::view).filter(v -> v.status() == ProposalStatus.PENDING
                && v.context().policyBasis().tier() == RiskTier.CRITICAL).findFirst().orElseThrow();
    }

    private static ReviewerView reviewer(List<String> roles, DecisionRights rights) {
        return new ReviewerView("x@northwind.example", "X", roles, List.of(), rights);
    }

    @Test
    void theDemoReviewerIsEnrolledWithEveryRightAndMayDecideACriticalProposal() {
        ReviewerView known = models.session.knownProperty().get();
        assertNotNull(known, "the console asked the gateway who it signs as");
        assertEquals(RiskTier.CRITICAL, known.rights().maxTier());
        assertTrue(known.rights().allActionTypes() && known.rights().allEnvironments());

        SimpleObjectProperty<ProposalView> shown = new SimpleObjectProperty<>();
        AuthorityViewModel vm = new AuthorityViewModel(models.messages, shown, models.session.knownProperty());
        assertEquals("", vm.textProperty().get());
        shown.set(critical());
        assertEquals("You may decide: platform-security, tiers up to critical", vm.textProperty().get());
        assertTrue(vm.permittedProperty().get());
    }

    @Test
    void saysWhyAReviewerCannotDecide() {
        ProposalView view = critical();
        SimpleObjectProperty<ReviewerView> who = new SimpleObjectProperty<>();
        SimpleObjectProperty<ProposalView> shown = new SimpleObjectProperty<>(view);
        AuthorityViewModel vm = new AuthorityViewModel(models.messages, shown, who);
        assertEquals("Your decision rights are not known yet.", vm.textProperty().get());
        assertFalse(vm.permittedProperty().get());

        who.set(reviewer(List.of("sre"), DecisionRights.all(RiskTier.CRITICAL)));
        assertEquals("You cannot decide this: critical needs platform-security", vm.textProperty().get());
        who.set(reviewer(List.of("platform-security"), null));
        assertEquals("You cannot decide this: you hold no decision rights", vm.textProperty().get());
        who.set(reviewer(List.of("platform-security"), DecisionRights.all(RiskTier.HIGH)));
        assertEquals("You cannot decide this: your rights cover tiers up to high", vm.textProperty().get());
        ActionType other = view.proposal().actionType() == ActionType.REVOKE_KEY ? ActionType.ROTATE_CREDENTIAL
                : ActionType.REVOKE_KEY;
        who.set(reviewer(List.of("platform-security"), new DecisionRights(List.of(other), null, RiskTier.CRITICAL)));
        assertEquals("You cannot decide this: your rights do not cover " + view.proposal().actionType().json(),
                vm.textProperty().get());
        who.set(reviewer(List.of("platform-security"), new DecisionRights(null, List.of("lab"), RiskTier.CRITICAL)));
        assertEquals("You cannot decide this: your rights do not cover the " + view.proposal().environment()
                + " environment", vm.textProperty().get());
        assertFalse(vm.permittedProperty().get());
    }

    @Test
    void theStatusBarSaysWhoSignsWithWhichKeyAndRights() {
        StatusViewModel status = new StatusViewModel(models.messages, new TimeTexts(models.messages, ZoneOffset.UTC),
                models.queue, models.session);
        String keyId = KeyIds.of(models.session.publicKey().orElseThrow());
        String shortId = dev.countersign.app.identity.KeyTexts.shortId(keyId);
        assertEquals("Signing as rights.tester@northwind.example · key " + shortId + " (Ed25519) · up to critical · "
                + "locked", status.keyTextProperty().get(), "signing in used the key only to sign");
        assertEquals("Signs as Test Reviewer (rights.tester@northwind.example)\nKey " + shortId + " (Ed25519)\n"
                + "Roles: platform-security, sre, identity\n"
                + "Rights: tiers up to critical · all action types · all environments",
                status.identityTextProperty().get());
    }
}
