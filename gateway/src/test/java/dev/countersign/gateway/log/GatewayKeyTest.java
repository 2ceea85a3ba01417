package dev.countersign.gateway.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.model.crypto.SoftwareSigner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import javax.crypto.EncryptedPrivateKeyInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway key: created once, stored encrypted with PBES2, reopened only with its passphrase. */
class GatewayKeyTest {
    @TempDir
    Path dir;

    private boolean posix() {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    @Test
    void aKeyIsCreatedEncryptedAndReopenedWithItsPassphrase() throws Exception {
        SoftwareSigner created = GatewayKey.loadOrCreate(dir, "correct horse".toCharArray());
        SoftwareSigner reopened = GatewayKey.loadOrCreate(dir, "correct horse".toCharArray());
        assertEquals(created.keyId(), reopened.keyId());
        assertEquals(32 + 12, created.publicKey().getEncoded().length, "an Ed25519 SubjectPublicKeyInfo");

        byte[] der = Files.readAllBytes(dir.resolve(GatewayKey.KEY_FILE));
        EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
        assertEquals("PBES2", info.getAlgParameters().getAlgorithm());
        assertEquals("PBEWithHmacSHA256AndAES_256", info.getAlgParameters().toString());
        assertFalse(new String(der, StandardCharsets.ISO_8859_1).contains("correct horse"));
        assertFalse(Files.exists(dir.resolve(GatewayKey.PASSPHRASE_FILE)));
        if (posix()) {
            assertEquals("rw-------", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(dir.resolve(GatewayKey.KEY_FILE))));
        }

        GatewayKeyException wrong = assertThrows(GatewayKeyException.class,
                () -> GatewayKey.loadOrCreate(dir, "wrong".toCharArray()));
        assertTrue(wrong.getMessage().contains("cannot be unlocked"), wrong.getMessage());
        assertFalse(wrong.getMessage().contains("wrong\""));
    }

    @Test
    void withoutAPassphraseOneIsGeneratedIntoAnOwnerOnlyFile() throws Exception {
        SoftwareSigner created = GatewayKey.loadOrCreate(dir, null);
        Path passphrase = dir.resolve(GatewayKey.PASSPHRASE_FILE);
        assertTrue(Files.size(passphrase) >= 40);
        if (posix()) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passphrase)));
        }
        assertEquals(created.keyId(), GatewayKey.loadOrCreate(dir, null).keyId());
        assertEquals(created.keyId(), GatewayKey.loadOrCreate(dir,
                Files.readString(passphrase).strip().toCharArray()).keyId());
    }

    @Test
    void aPassphraseFileGivesItsFirstLineAndAnEmptyOneIsRefused() throws Exception {
        Path file = dir.resolve("pass.txt");
        Files.writeString(file, "  s3cret phrase \nsecond line\n");
        assertEquals("s3cret phrase", new String(GatewayKey.readPassphraseFile(file)));
        Files.writeString(file, "\n");
        assertThrows(GatewayKeyException.class, () -> GatewayKey.readPassphraseFile(file));
        assertThrows(GatewayKeyException.class, () -> GatewayKey.readPassphraseFile(dir.resolve("missing")));
    }

    @Test
    void aSwappedPublicKeyFileIsRefused() throws Exception {
        GatewayKey.loadOrCreate(dir, "pw".toCharArray());
        Path other = dir.resolve("other");
        Files.createDirectories(other);
        GatewayKey.loadOrCreate(other, "pw".toCharArray());
        Files.copy(other.resolve(GatewayKey.PUBLIC_FILE), dir.resolve(GatewayKey.PUBLIC_FILE),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThrows(GatewayKeyException.class, () -> GatewayKey.loadOrCreate(dir, "pw".toCharArray()));
    }

    @Test
    void openSslOpensTheKeyWithThePassphrase() throws Exception {
        SoftwareSigner key = GatewayKey.loadOrCreate(dir, "open sesame".toCharArray());
        Process p;
        try {
            p = new ProcessBuilder("openssl", "pkey", "-inform", "DER", "-in", dir.resolve(GatewayKey.KEY_FILE)
                    .toString(), "-passin", "pass:open sesame", "-pubout").redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "openssl is not installed");
            return;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertEquals(Files.readString(dir.resolve(GatewayKey.PUBLIC_FILE)).strip(), out.strip());
        assertEquals(key.keyId(), dev.countersign.model.crypto.KeyIds.of(
                dev.countersign.model.crypto.PublicKeys.fromPem(out)));
    }
}
