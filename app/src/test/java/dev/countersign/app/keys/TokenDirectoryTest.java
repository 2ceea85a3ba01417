package dev.countersign.app.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Listing the tokens of a PKCS#11 library (SoftHSM2 with two tokens) through the JDK's wrapper. */
class TokenDirectoryTest {

    @Test
    void listsBothTokensWithLabelMakerModelAndSerial() throws Exception {
        SoftHsm.info(SoftHsm.LABEL);
        assertTrue(TokenDirectory.listingAvailable(), "surefire passes " + TokenDirectory.ADD_EXPORTS);
        List<TokenInfo> tokens = new TokenDirectory().tokens(SoftHsm.LIBRARY).stream()
                .filter(TokenInfo::initialized).toList();
        assertEquals(List.of(SoftHsm.LABEL, SoftHsm.SECOND_LABEL).stream().sorted().toList(),
                tokens.stream().map(TokenInfo::label).sorted().toList());
        for (TokenInfo token : tokens) {
            assertEquals("SoftHSM project", token.manufacturer());
            assertEquals("SoftHSM v2", token.model());
            assertFalse(token.serial().isBlank());
            assertFalse(token.pinLocked());
        }
        assertEquals(2, tokens.stream().map(TokenInfo::serial).distinct().count());
    }

    @Test
    void eachTokenIsReachedByItsSlotIdAndKeepsItsOwnKeys() throws Exception {
        TokenInfo second = SoftHsm.info(SoftHsm.SECOND_LABEL);
        Pkcs11Token token = Pkcs11Token.inSlot(SoftHsm.LIBRARY, second.slotId());
        String alias = "second-" + System.nanoTime();
        token.generate(alias, SoftHsm.PIN.toCharArray());
        assertTrue(token.keys(SoftHsm.PIN.toCharArray()).stream().anyMatch(k -> k.alias().equals(alias)));
        assertTrue(SoftHsm.token().keys(SoftHsm.PIN.toCharArray()).stream().noneMatch(k -> k.alias().equals(alias)),
                "the first token does not hold the second token's key");
        assertTrue(token.delete(alias, SoftHsm.PIN.toCharArray()));
        assertTrue(token.keys(SoftHsm.PIN.toCharArray()).stream().noneMatch(k -> k.alias().equals(alias)));
    }

    @Test
    void aWrongPinIsRefusedEvenRightAfterTheRightOneLoggedIn() throws Exception {
        Pkcs11Token token = SoftHsm.token();
        token.keys(SoftHsm.PIN.toCharArray());
        Pkcs11Token again = SoftHsm.token();
        assertThrows(WrongPinException.class, () -> again.keys("271828".toCharArray()),
                "a token stays logged in per process; the console logs out so every PIN is checked");
    }

    @Test
    void aMissingLibraryIsNamed() {
        KeyFileException e = assertThrows(KeyFileException.class,
                () -> new TokenDirectory().tokens(Path.of("/nonexistent/libpkcs11.so")));
        assertTrue(e.getMessage().contains("/nonexistent/libpkcs11.so is not installed"), e.getMessage());
    }
}
