package dev.countersign.app.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.app.common.Messages;
import dev.countersign.app.common.SyncTaskRunner;
import dev.countersign.app.common.UserErrors;
import dev.countersign.app.common.UserText;
import dev.countersign.app.identity.NewKeyFormViewModel.Hint;
import dev.countersign.app.keys.KeyFileException;
import dev.countersign.app.settings.ReviewerSettings;
import dev.countersign.model.crypto.Signer;
import dev.countersign.model.crypto.SoftwareSigner;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class NewKeyFormViewModelTest {
    private final Messages messages = Messages.load(Locale.ENGLISH);
    private final SyncTaskRunner runner = new SyncTaskRunner();
    private final ReviewerSettings defaults = new ReviewerSettings("you@northwind.example", "Demo Reviewer",
            List.of("sre"));
    private final List<String> events = new ArrayList<>();
    private char[] received;

    private NewKeyFormViewModel form(NewKeyFormViewModel.KeyCreator creator) {
        return new NewKeyFormViewModel(messages, runner, new UserErrors(messages), defaults, creator,
                (who, signer) -> events.add("created " + who.reviewer() + " " + who.displayName()),
                () -> events.add("cancelled"));
    }

    @Test
    void guidesThePassphraseInline() {
        NewKeyFormViewModel vm = form((who, pass) -> signer());
        assertEquals("Choose a passphrase of at least 12 characters.", vm.passphraseHintProperty().get());
        assertEquals(Hint.NEUTRAL, vm.passphraseHintKindProperty().get());

        vm.passphraseChanged("short", "");
        assertEquals("At least 12 characters: 5 so far.", vm.passphraseHintProperty().get());
        assertEquals(Hint.PROBLEM, vm.passphraseHintKindProperty().get());

        vm.passphraseChanged("aaaaaaaaaaaaaa", "");
        assertEquals("Not one character repeated.", vm.passphraseHintProperty().get());

        vm.passphraseChanged("correct horse battery", "");
        assertEquals("Type it again to confirm.", vm.passphraseHintProperty().get());
        assertFalse(vm.canCreateProperty().get());

        vm.passphraseChanged("correct horse battery", "correct horse batterx");
        assertEquals("The two passphrases do not match.", vm.passphraseHintProperty().get());
        assertFalse(vm.canCreateProperty().get());

        vm.passphraseChanged("correct horse battery", "correct horse battery");
        assertEquals("The passphrases match.", vm.passphraseHintProperty().get());
        assertEquals(Hint.GOOD, vm.passphraseHintKindProperty().get());
        assertTrue(vm.canCreateProperty().get());
    }

    @Test
    void needsAReviewerThatLooksLikeAnEmailAndADisplayName() {
        NewKeyFormViewModel vm = form((who, pass) -> signer());
        vm.passphraseChanged("correct horse battery", "correct horse battery");
        assertNull(vm.identityProblemProperty().get());

        vm.reviewerProperty().set("not an email");
        assertEquals("The reviewer identity looks like an email: name@example.org, no spaces.",
                vm.identityProblemProperty().get());
        assertFalse(vm.canCreateProperty().get());
        vm.reviewerProperty().set(" ");
        assertEquals("Enter your reviewer identity (your email).", vm.identityProblemProperty().get());
        vm.reviewerProperty().set("ana@northwind.example");
        vm.displayNameProperty().set("");
        assertEquals("Enter a display name.", vm.identityProblemProperty().get());
        vm.displayNameProperty().set("Ana");
        assertTrue(vm.canCreateProperty().get());
    }

    @Test
    void createsWithTheTypedIdentityClosesAndWipesThePassphrase() {
        NewKeyFormViewModel vm = form((who, pass) -> {
            received = pass;
            assertEquals("correct horse battery", new String(pass));
            return signer();
        });
        vm.reviewerProperty().set("  ana@northwind.example ");
        vm.passphraseChanged("correct horse battery", "correct horse battery");
        char[] typed = "correct horse battery".toCharArray();
        vm.create(typed);

        assertTrue(vm.closedProperty().get());
        assertEquals(List.of("created ana@northwind.example Demo Reviewer"), events);
        assertArrayEquals(new char[typed.length], received, "the passphrase must be wiped after use");
        assertEquals(List.of("create reviewer key"), runner.taskNames());
    }

    @Test
    void aFailureStaysOpenWithTheMessageAndAllowsAnotherTry() {
        int[] calls = {0};
        NewKeyFormViewModel vm = form((who, pass) -> {
            if (calls[0]++ == 0) {
                throw new KeyFileException(new UserText("error.key.write", "/x", "disk full"));
            }
            return signer();
        });
        vm.passphraseChanged("correct horse battery", "correct horse battery");
        vm.create("correct horse battery".toCharArray());
        assertFalse(vm.closedProperty().get());
        assertEquals("The key could not be written to /x: disk full", vm.errorProperty().get());
        assertFalse(vm.busyProperty().get());

        vm.create("correct horse battery".toCharArray());
        assertTrue(vm.closedProperty().get());
        assertNull(vm.errorProperty().get());
    }

    @Test
    void refusesToCreateWhileInvalidAndCancelTellsTheCaller() {
        NewKeyFormViewModel vm = form((who, pass) -> {
            throw new AssertionError("must not be called");
        });
        char[] typed = "short".toCharArray();
        vm.passphraseChanged("short", "short");
        vm.create(typed);
        assertArrayEquals(new char[5], typed);
        vm.cancel();
        assertTrue(vm.closedProperty().get());
        assertEquals(List.of("cancelled"), events);
    }

    private static Signer signer() throws Exception {
        return new SoftwareSigner(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
    }
}
