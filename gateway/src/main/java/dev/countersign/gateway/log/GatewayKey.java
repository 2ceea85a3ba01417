package dev.countersign.gateway.log;

import dev.countersign.model.crypto.PublicKeys;
import dev.countersign.model.crypto.SoftwareSigner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's own Ed25519 key, which signs log checkpoints and automatic approvals. It is created on first start
 * and kept in the data folder as a PKCS#8 EncryptedPrivateKeyInfo (PBES2: PBKDF2-HMAC-SHA256, 600,000 iterations,
 * AES-256-CBC), see docs/decisions/0004-gateway-key.md. The public key sits beside it in {@code gateway-key.pub.pem}.
 */
public final class GatewayKey {
    public static final String KEY_FILE = "gateway-key.p8";
    public static final String PUBLIC_FILE = "gateway-key.pub.pem";
    public static final String PASSPHRASE_FILE = "gateway-key.passphrase";
    public static final String PASSPHRASE_ENV = "COUNTERSIGN_GATEWAY_KEY_PASSPHRASE";
    static final int ITERATIONS = 600_000;
    private static final String PBE = "PBEWithHmacSHA256AndAES_256";
    private static final Logger LOG = LoggerFactory.getLogger(GatewayKey.class);

    private GatewayKey() {}

    /**
     * Loads the key from {@code dataDir}, creating it on first start. The passphrase is the one given, else one
     * generated into {@link #PASSPHRASE_FILE} (owner-only), in which case the key is protected only by file
     * permissions and a warning says so.
     */
    public static SoftwareSigner loadOrCreate(Path dataDir, char[] passphrase) throws GatewayKeyException {
        char[] secret = passphrase != null ? passphrase : filePassphrase(dataDir);
        Path keyFile = dataDir.resolve(KEY_FILE);
        try {
            if (Files.exists(keyFile)) {
                return load(keyFile, secret);
            }
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            // the public key first: the private key's file is what says a key exists
            Files.writeString(dataDir.resolve(PUBLIC_FILE), PublicKeys.toPem(pair.getPublic()),
                    StandardCharsets.US_ASCII);
            Path tmp = dataDir.resolve(KEY_FILE + ".tmp");
            Files.deleteIfExists(tmp);
            writePrivate(tmp, encrypt(pair.getPrivate(), secret));
            Files.move(tmp, keyFile, StandardCopyOption.ATOMIC_MOVE);
            SoftwareSigner signer = new SoftwareSigner(pair);
            LOG.info("Created the gateway key {} in {}", signer.keyId(), keyFile);
            return signer;
        } catch (IOException e) {
            throw new GatewayKeyException("Cannot read or write the gateway key " + keyFile + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new GatewayKeyException("The gateway key " + keyFile + " cannot be created: " + e.getMessage(), e);
        } finally {
            if (passphrase == null) {
                Arrays.fill(secret, '\0');
            }
        }
    }

    private static SoftwareSigner load(Path keyFile, char[] passphrase) throws IOException, GatewayKeyException {
        PrivateKey privateKey;
        try {
            privateKey = decrypt(Files.readAllBytes(keyFile), passphrase);
        } catch (GeneralSecurityException e) {
            throw new GatewayKeyException("The gateway key " + keyFile + " cannot be unlocked: the passphrase is"
                    + " wrong or the file is damaged.", e);
        }
        try {
            return new SoftwareSigner(privateKey, publicOf(keyFile, privateKey));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new GatewayKeyException("The gateway key " + keyFile + " does not match its public key "
                    + PUBLIC_FILE + ": " + e.getMessage(), e);
        }
    }

    static byte[] encrypt(PrivateKey key, char[] passphrase) throws GeneralSecurityException, IOException {
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[16];
        byte[] iv = new byte[16];
        random.nextBytes(salt);
        random.nextBytes(iv);
        PBEKeySpec spec = new PBEKeySpec(passphrase);
        SecretKey secret = SecretKeyFactory.getInstance(PBE).generateSecret(spec);
        spec.clearPassword();
        Cipher cipher = Cipher.getInstance(PBE);
        cipher.init(Cipher.ENCRYPT_MODE, secret, new PBEParameterSpec(salt, ITERATIONS, new IvParameterSpec(iv)));
        byte[] plain = key.getEncoded();
        try {
            // JDK 17 has no OID for the scheme's name, so carry the same parameters under their generic name PBES2.
            AlgorithmParameters pbes2 = AlgorithmParameters.getInstance("PBES2");
            pbes2.init(cipher.getParameters().getEncoded());
            return new EncryptedPrivateKeyInfo(pbes2, cipher.doFinal(plain)).getEncoded();
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    static PrivateKey decrypt(byte[] der, char[] passphrase) throws GeneralSecurityException, IOException {
        EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
        AlgorithmParameters params = info.getAlgParameters();
        String algorithm = params.toString(); // PBES2 parameters name their scheme, e.g. PBEWithHmacSHA256AndAES_256
        if (!PBE.equals(algorithm)) {
            throw new GeneralSecurityException("unexpected key protection " + algorithm + ", expected " + PBE);
        }
        PBEKeySpec spec = new PBEKeySpec(passphrase);
        SecretKey secret = SecretKeyFactory.getInstance(algorithm).generateSecret(spec);
        spec.clearPassword();
        Cipher cipher = Cipher.getInstance(algorithm);
        cipher.init(Cipher.DECRYPT_MODE, secret, params);
        PKCS8EncodedKeySpec keySpec = info.getKeySpec(cipher);
        return KeyFactory.getInstance("Ed25519").generatePrivate(keySpec);
    }

    /** Reads the public key beside the private one and proves by a probe signature that the two belong together. */
    private static PublicKey publicOf(Path keyFile, PrivateKey privateKey) throws GeneralSecurityException, IOException {
        PublicKey publicKey = PublicKeys.fromPem(Files.readString(keyFile.resolveSibling(PUBLIC_FILE),
                StandardCharsets.US_ASCII));
        byte[] probe = new byte[32];
        new SecureRandom().nextBytes(probe);
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(privateKey);
        signer.update(probe);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(publicKey);
        verifier.update(probe);
        if (!verifier.verify(signature)) {
            throw new GeneralSecurityException(PUBLIC_FILE + " does not belong to the private key");
        }
        return publicKey;
    }

    private static char[] filePassphrase(Path dataDir) throws GatewayKeyException {
        Path file = dataDir.resolve(PASSPHRASE_FILE);
        try {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Path tmp = dataDir.resolve(PASSPHRASE_FILE + ".tmp");
                Files.deleteIfExists(tmp);
                writePrivate(tmp, Base64.getUrlEncoder().withoutPadding().encode(random));
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            }
            LOG.warn("No passphrase was given for the gateway key ({} or --key-passphrase-file); it is protected only"
                    + " by the permissions of {}.", PASSPHRASE_ENV, file);
            return new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).strip().toCharArray();
        } catch (IOException e) {
            throw new GatewayKeyException("Cannot read or write the gateway key passphrase " + file + ": "
                    + e.getMessage(), e);
        }
    }

    /** Reads a passphrase file given by an operator (its first line). */
    public static char[] readPassphraseFile(Path file) throws GatewayKeyException {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int newline = text.indexOf('\n');
            String first = (newline < 0 ? text : text.substring(0, newline)).strip();
            if (first.isEmpty()) {
                throw new GatewayKeyException("The passphrase file " + file + " is empty.", null);
            }
            return first.toCharArray();
        } catch (IOException e) {
            throw new GatewayKeyException("Cannot read the passphrase file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void writePrivate(Path file, byte[] content) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.write(file, content);
    }
}
