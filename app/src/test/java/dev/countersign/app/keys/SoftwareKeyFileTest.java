package dev.countersign.app.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.model.crypto.KeyIds;
import dev.countersign.model.crypto.SignatureAlgorithm;
import dev.countersign.model.crypto.Signatures;
import dev.countersign.model.crypto.Signer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoftwareKeyFileTest {
    private static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();

    @TempDir
    Path dir;
    private SoftwareKeyFile keyFile;

    @BeforeEach
    void setUp() {
        keyFile = new SoftwareKeyFile(dir.resolve("keys").resolve("reviewer.p12"));
    }

    @Test
    void createsAnEd25519KeyThatSignsAfterUnlocking() throws Exception {
        assertFalse(keyFile.exists());
        PublicKey created = keyFile.create(PASSPHRASE.clone());
        assertTrue(keyFile.exists());
        assertEquals(SignatureAlgorithm.ED25519, SignatureAlgorithm.of(created));
        assertArrayEquals(created.getEncoded(), keyFile.publicKey().getEncoded());

        Signer signer = keyFile.unlock(PASSPHRASE.clone());
        assertEquals(KeyIds.of(created), signer.keyId());
        byte[] message = "decision".getBytes(StandardCharsets.UTF_8);
        assertTrue(Signatures.verify(created, message, signer.sign(message)));
    }

    @Test
    void everyPartOfTheFileUsesTheStrongIterationCountAndTheJvmSettingIsPutBack() throws Exception {
        String before = java.security.Security.getProperty("keystore.pkcs12.macIterationCount");
        keyFile.create(PASSPHRASE.clone());
        String after = java.security.Security.getProperty("keystore.pkcs12.macIterationCount");
        assertTrue(after == null || after.isEmpty() || after.equals(before), after);

        Process openssl = new ProcessBuilder("openssl", "pkcs12", "-in", keyFile.path().toString(), "-info", "-noout",
                "-passin", "pass:" + new String(PASSPHRASE)).redirectErrorStream(true).start();
        String info = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, openssl.waitFor(), info);
        assertTrue(info.contains("MAC: sha256, Iteration 600000"), info);
        assertTrue(info.contains("Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration 600000"), info);
        assertTrue(info.contains("PKCS7 Encrypted data: PBES2, PBKDF2, AES-256-CBC, Iteration 600000"), info);
    }

    @Test
    void theKeyFileIsReadableByItsOwnerOnly() throws Exception {
        keyFile.create(PASSPHRASE.clone());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile.path())));
    }

    @Test
    void aWrongPassphraseIsRefusedClearlyAndChangesNothingOnDisk() throws Exception {
        keyFile.create(PASSPHRASE.clone());
        byte[] before = Files.readAllBytes(keyFile.path());
        long modified = Files.getLastModifiedTime(keyFile.path()).toMillis();

        WrongPassphraseException e = assertThrows(WrongPassphraseException.class,
                () -> keyFile.unlock("not the passphrase at all".toCharArray()));
        assertEquals("That passphrase does not unlock this key. Check it and try again.", e.getMessage());

        assertArrayEquals(before, Files.readAllBytes(keyFile.path()));
        assertEquals(modified, Files.getLastModifiedTime(keyFile.path()).toMillis());
        keyFile.unlock(PASSPHRASE.clone()); // and another try succeeds
    }

    @Test
    void aShortPassphraseIsRefusedBeforeAnythingIsWritten() {
        KeyFileException e = assertThrows(KeyFileException.class, () -> keyFile.create("short".toCharArray()));
        assertEquals("Use a passphrase of at least 12 characters.", e.getMessage());
        assertFalse(keyFile.exists());
    }

    @Test
    void anExistingKeyIsNeverOverwritten() throws Exception {
        PublicKey first = keyFile.create(PASSPHRASE.clone());
        assertThrows(KeyFileException.class, () -> keyFile.create("another long passphrase".toCharArray()));
        assertArrayEquals(first.getEncoded(), keyFile.unlock(PASSPHRASE.clone()).publicKey().getEncoded());
    }

    @Test
    void aReplacedPublicKeyFileIsDetectedAtUnlock() throws Exception {
        keyFile.create(PASSPHRASE.clone());
        SoftwareKeyFile other = new SoftwareKeyFile(dir.resolve("other.p12"));
        other.create(PASSPHRASE.clone());
        Files.copy(dir.resolve("other.p12.pub.pem"), dir.resolve("keys").resolve("reviewer.p12.pub.pem"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        KeyFileException e = assertThrows(KeyFileException.class, () -> keyFile.unlock(PASSPHRASE.clone()));
        assertTrue(e.getMessage().contains("does not match the key"), e.getMessage());
    }

    @Test
    void aDamagedFileGivesAClearMessage() throws Exception {
        keyFile.create(PASSPHRASE.clone());
        Files.write(keyFile.path(), "not a keystore".getBytes(StandardCharsets.US_ASCII));
        KeyFileException e = assertThrows(KeyFileException.class, () -> keyFile.unlock(PASSPHRASE.clone()));
        assertFalse(e instanceof WrongPassphraseException);
        assertTrue(e.getMessage().startsWith("The key file"), e.getMessage());
    }
}
