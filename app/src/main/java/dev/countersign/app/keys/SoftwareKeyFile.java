package dev.countersign.app.keys;

import dev.countersign.app.common.UserText;
import dev.countersign.model.crypto.PublicKeys;
import dev.countersign.model.crypto.SignatureAlgorithm;
import dev.countersign.model.crypto.UnsupportedKeyException;
import dev.countersign.model.crypto.Signer;
import dev.countersign.model.crypto.SoftwareSigner;
import dev.countersign.model.crypto.Signatures;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Security;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.util.Arrays;
import javax.crypto.spec.PBEParameterSpec;

/**
 * A reviewer's signing key (Ed25519, or an imported ECDSA P-256 key) in an encrypted PKCS#12 file, with its public key beside it in PEM so that who
 * the reviewer signs as can be shown without the passphrase.
 *
 * <p>The private key, the certificate bag and the file's integrity MAC are all protected with PBKDF2-HMAC-SHA256 at
 * {@value #PBKDF2_ITERATIONS} iterations and AES-256-CBC (PBES2), so a stolen file offers no cheaper guess than the
 * key itself. The passphrase is never stored; callers should clear the array they pass in.
 */
public final class SoftwareKeyFile {
    public static final int MIN_PASSPHRASE_LENGTH = 12;
    static final int PBKDF2_ITERATIONS = 600_000;
    private static final String ALIAS = "countersign-reviewer";
    private static final String PROTECTION = "PBEWithHmacSHA256AndAES_256";
    private static final String MAC_ITERATIONS = "keystore.pkcs12.macIterationCount";
    private static final String CERT_ITERATIONS = "keystore.pkcs12.certPbeIterationCount";

    private final Path file;
    private final Path publicKeyFile;

    public SoftwareKeyFile(Path p12File) {
        this.file = p12File.toAbsolutePath();
        this.publicKeyFile = file.resolveSibling(file.getFileName() + ".pub.pem");
    }

    public Path path() {
        return file;
    }

    public boolean exists() {
        return Files.isRegularFile(file);
    }

    /** Creates a new Ed25519 key protected by the passphrase. Refuses to overwrite an existing key. */
    public PublicKey create(char[] passphrase) throws KeyFileException {
        return store(newKeyPair(), passphrase);
    }

    /** A fresh Ed25519 key pair, in memory only. */
    public static KeyPair newKeyPair() throws KeyFileException {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new KeyFileException(new UserText("error.key.generate", e.getMessage()), e);
        }
    }

    /**
     * Writes this key pair (Ed25519 or ECDSA P-256) into a new file protected by the passphrase, with PBES2 as for a
     * created key. Refuses to overwrite an existing key.
     */
    public PublicKey store(KeyPair pair, char[] passphrase) throws KeyFileException {
        checkPassphrase(passphrase);
        if (exists()) {
            throw new KeyFileException(new UserText("error.key.exists", file));
        }
        try {
            SignatureAlgorithm.of(pair.getPublic());
            Certificate certificate = SelfSignedCertificates.create(pair, "Countersign reviewer key");
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            byte[] salt = new byte[16];
            new SecureRandom().nextBytes(salt);
            store.setEntry(ALIAS, new KeyStore.PrivateKeyEntry(pair.getPrivate(), new Certificate[] {certificate}),
                    new KeyStore.PasswordProtection(passphrase, PROTECTION,
                            new PBEParameterSpec(salt, PBKDF2_ITERATIONS)));
            Files.createDirectories(file.getParent());
            writeAtomically(publicKeyFile, PublicKeys.toPem(pair.getPublic()).getBytes(StandardCharsets.US_ASCII));
            writeStore(store, passphrase);
            return pair.getPublic();
        } catch (GeneralSecurityException | UnsupportedKeyException e) {
            throw new KeyFileException(new UserText("error.key.create", e.getMessage()), e);
        } catch (IOException e) {
            throw new KeyFileException(new UserText("error.key.write", file, e.getMessage()), e);
        }
    }

    /** Opens the key for signing. A wrong passphrase changes nothing on disk and may be retried. */
    public Signer unlock(char[] passphrase) throws KeyFileException {
        if (!exists()) {
            throw new KeyFileException(new UserText("error.key.none", file));
        }
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, passphrase);
            Key key = store.getKey(ALIAS, passphrase);
            Certificate certificate = store.getCertificate(ALIAS);
            if (!(key instanceof PrivateKey privateKey) || certificate == null) {
                throw new KeyFileException(new UserText("error.key.notReviewerKey", file));
            }
            PublicKey publicKey = certificate.getPublicKey();
            SoftwareSigner signer = new SoftwareSigner(privateKey, publicKey);
            requireMatchingPair(signer);
            requireSidecarMatches(publicKey);
            return signer;
        } catch (UnrecoverableKeyException e) {
            throw new WrongPassphraseException();
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new WrongPassphraseException();
            }
            throw new KeyFileException(new UserText("error.key.read", file, e.getMessage()), e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new KeyFileException(new UserText("error.key.damaged", file), e);
        }
    }

    /**
     * Reads the one private key in someone else's PKCS#12 file (.p12, .pfx), Ed25519 or ECDSA P-256, for import.
     * A wrong passphrase or another kind of key is refused clearly; the file is only read.
     */
    public static KeyPair readPkcs12(Path source, char[] passphrase) throws KeyFileException {
        KeyStore store;
        try (InputStream in = Files.newInputStream(source)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, passphrase);
        } catch (NoSuchFileException e) {
            throw new KeyFileException(new UserText("error.import.noFile", source), e);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
                throw new WrongPassphraseException(new UserText("error.import.wrongPassphrase", source.getFileName()));
            }
            throw new KeyFileException(new UserText("error.import.notPkcs12", source.getFileName()), e);
        } catch (GeneralSecurityException e) {
            throw new KeyFileException(new UserText("error.import.read", source.getFileName(), e.getMessage()), e);
        }
        try {
            KeyPair found = null;
            for (String alias : java.util.Collections.list(store.aliases())) {
                if (!store.isKeyEntry(alias)) {
                    continue;
                }
                Key key = store.getKey(alias, passphrase);
                Certificate certificate = store.getCertificate(alias);
                if (key instanceof PrivateKey privateKey && certificate != null) {
                    if (found != null) {
                        throw new KeyFileException(new UserText("error.import.manyKeys", source.getFileName()));
                    }
                    found = new KeyPair(certificate.getPublicKey(), privateKey);
                }
            }
            if (found == null) {
                throw new KeyFileException(new UserText("error.import.noKey", source.getFileName()));
            }
            SignatureAlgorithm.of(found.getPublic());
            SoftwareSigner signer = new SoftwareSigner(found.getPrivate(), found.getPublic());
            byte[] probe = new byte[32];
            new SecureRandom().nextBytes(probe);
            if (!Signatures.verify(signer.publicKey(), probe, signer.sign(probe))) {
                throw new KeyFileException(new UserText("error.import.inconsistent", source.getFileName()));
            }
            return found;
        } catch (UnrecoverableKeyException e) {
            throw new WrongPassphraseException(new UserText("error.import.wrongKeyPassphrase", source.getFileName()));
        } catch (UnsupportedKeyException e) {
            throw new KeyFileException(new UserText("error.import.unsupported", source.getFileName()), e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new KeyFileException(new UserText("error.import.unusable", source.getFileName(), e.getMessage()), e);
        }
    }

    /**
     * Puts the key in {@code staged} (a complete key file written beside this one) in place of this one, so this
     * file's old key is no longer usable. The key file moves atomically; the public key beside it follows.
     */
    public void replaceWith(SoftwareKeyFile staged) throws KeyFileException {
        try {
            PublicKey next = staged.publicKey();
            Files.move(staged.file, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            writeAtomically(publicKeyFile, PublicKeys.toPem(next).getBytes(StandardCharsets.US_ASCII));
            Files.deleteIfExists(staged.publicKeyFile);
        } catch (IOException e) {
            throw new KeyFileException(new UserText("error.key.replace", file, e.getMessage()), e);
        }
    }

    /** Removes this key file and its public key (a staged key that was not needed). */
    public void delete() throws KeyFileException {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(publicKeyFile);
        } catch (IOException e) {
            throw new KeyFileException(new UserText("error.key.remove", file, e.getMessage()), e);
        }
    }

    /** The public key, read from the PEM beside the key file; no passphrase needed. */
    public PublicKey publicKey() throws KeyFileException {
        try {
            return PublicKeys.fromPem(Files.readString(publicKeyFile, StandardCharsets.US_ASCII));
        } catch (NoSuchFileException e) {
            throw new KeyFileException(new UserText("error.key.publicMissing", publicKeyFile), e);
        } catch (IOException | IllegalArgumentException e) {
            throw new KeyFileException(new UserText("error.key.publicRead", publicKeyFile), e);
        }
    }

    /** Says what is wrong with a new passphrase, or throws nothing if it is acceptable. */
    public static void checkPassphrase(char[] passphrase) throws KeyFileException {
        if (passphrase == null || passphrase.length < MIN_PASSPHRASE_LENGTH) {
            throw new KeyFileException(new UserText("error.key.passphraseShort", MIN_PASSPHRASE_LENGTH));
        }
        boolean allSame = true;
        for (char c : passphrase) {
            allSame &= c == passphrase[0];
        }
        if (allSame) {
            throw new KeyFileException(new UserText("error.key.passphraseRepeated"));
        }
    }

    private void requireMatchingPair(Signer signer) throws GeneralSecurityException, KeyFileException {
        byte[] probe = new byte[32];
        new SecureRandom().nextBytes(probe);
        if (!Signatures.verify(signer.publicKey(), probe, signer.sign(probe))) {
            throw new KeyFileException(new UserText("error.key.inconsistent", file));
        }
    }

    private void requireSidecarMatches(PublicKey publicKey) throws KeyFileException {
        if (!Files.exists(publicKeyFile)) {
            try {
                writeAtomically(publicKeyFile, PublicKeys.toPem(publicKey).getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                throw new KeyFileException(new UserText("error.key.publicWrite", publicKeyFile), e);
            }
            return;
        }
        if (!Arrays.equals(publicKey().getEncoded(), publicKey.getEncoded())) {
            throw new KeyFileException(new UserText("error.key.publicMismatch", publicKeyFile));
        }
    }

    private void writeStore(KeyStore store, char[] passphrase) throws IOException, GeneralSecurityException {
        Path tmp = Files.createTempFile(file.getParent(), ".key-", ".tmp");
        try {
            restrictToOwner(tmp);
            synchronized (SoftwareKeyFile.class) {
                // The JDK reads these at store time; without them the MAC and certificate bag use 10,000 iterations.
                // They are JVM-wide, so they are set only for this store and put back afterwards.
                String mac = Security.getProperty(MAC_ITERATIONS);
                String cert = Security.getProperty(CERT_ITERATIONS);
                Security.setProperty(MAC_ITERATIONS, Integer.toString(PBKDF2_ITERATIONS));
                Security.setProperty(CERT_ITERATIONS, Integer.toString(PBKDF2_ITERATIONS));
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    store.store(out, passphrase);
                } finally {
                    restore(MAC_ITERATIONS, mac);
                    restore(CERT_ITERATIONS, cert);
                }
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void restore(String property, String previous) {
        // Security has no "unset": an empty value makes the JDK fall back to its default, as an absent one does.
        Security.setProperty(property, previous == null ? "" : previous);
    }

    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), ".pub-", ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }


    private static void restrictToOwner(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the user's profile folder is already private
        }
    }
}
