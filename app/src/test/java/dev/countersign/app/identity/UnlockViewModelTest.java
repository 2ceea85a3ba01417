package dev.countersign.app.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.app.common.Messages;
import dev.countersign.app.common.SyncTaskRunner;
import dev.countersign.app.common.UserErrors;
import dev.countersign.app.common.UserText;
import dev.countersign.app.keys.KeyFileException;
import dev.countersign.app.keys.WrongPassphraseException;
import dev.countersign.model.crypto.Signer;
import dev.countersign.model.crypto.SoftwareSigner;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class UnlockViewModelTest {
    private final Messages messages = Messages.load(Locale.ENGLISH);
    private final List<Object> outcome = new ArrayList<>();

    private UnlockViewModel vm(UnlockViewModel.Unlocker unlocker) {
        return new UnlockViewModel(messages, new SyncTaskRunner(), new UserErrors(messages), "you@northwind.example",
                "0123456789abcdef0123", unlocker, outcome::add, () -> outcome.add("cancelled"));
    }

    @Test
    void saysWhoseKeyItUnlocks() {
        assertEquals("Enter the passphrase of the key that signs as you@northwind.example (key 0123456789ab).",
                vm(pass -> null).promptProperty().get());
    }

    @Test
    void aWrongPassphraseSaysSoAndAllowsAnotherTry() throws Exception {
        Signer signer = new SoftwareSigner(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        UnlockViewModel vm = vm(pass -> {
            if (!"right passphrase".equals(new String(pass))) {
                throw new WrongPassphraseException();
            }
            return signer;
        });
        vm.unlock("wrong passphrase".toCharArray());
        assertFalse(vm.closedProperty().get());
        assertEquals("That passphrase does not unlock this key. Check it and try again.", vm.errorProperty().get());
        assertEquals(1, vm.failedAttemptsProperty().get());
        assertTrue(outcome.isEmpty());

        vm.unlock("right passphrase".toCharArray());
        assertTrue(vm.closedProperty().get());
        assertNull(vm.errorProperty().get());
        assertSame(signer, outcome.get(0));
    }

    @Test
    void aDamagedFileIsReportedInItsOwnWordsAndCancelCallsBack() {
        UnlockViewModel vm = vm(pass -> {
            throw new KeyFileException(new UserText("error.key.damaged", "/k.p12"));
        });
        vm.unlock("anything at all".toCharArray());
        assertEquals("The key file /k.p12 is damaged or of an unsupported kind.", vm.errorProperty().get());
        assertEquals(0, vm.failedAttemptsProperty().get());
        vm.cancel();
        assertEquals(List.of("cancelled"), outcome);
    }
}
