package dev.countersign.app.keys;

import dev.countersign.app.common.UserText;
import dev.countersign.model.crypto.SignatureAlgorithm;
import dev.countersign.model.crypto.Signer;
import dev.countersign.model.crypto.UnsupportedKeyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.AuthProvider;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;

/**
 * A hardware token (a PIV card, a YubiKey, or SoftHSM2 in tests) reached through the JDK's SunPKCS11 provider. Keys
 * are ECDSA P-256: SunPKCS11 cannot drive EdDSA. The private key never leaves the token; signing happens on it.
 *
 * <p>The JDK's PKCS#11 KeyStore lists a private key only when a certificate with the same id sits beside it, so a
 * key made here gets a self-signed certificate (which carries no trust; enrollment does).
 */
public final class Pkcs11Token {
    private final Path library;
    private final int slotListIndex;
    private final long slotId;
    private Provider provider;

    /** The token in the slot at this index of the library's slot list. */
    public Pkcs11Token(Path library, int slotListIndex) {
        this(library, slotListIndex, -1);
    }

    private Pkcs11Token(Path library, int slotListIndex, long slotId) {
        this.library = library.toAbsolutePath();
        this.slotListIndex = slotListIndex;
        this.slotId = slotId;
    }

    /** The token in the slot with this id (as {@link TokenDirectory} lists it). */
    public static Pkcs11Token inSlot(Path library, long slotId) {
        return new Pkcs11Token(library, -1, slotId);
    }

    public Path library() {
        return library;
    }

    public int slotListIndex() {
        return slotListIndex;
    }

    /** The keys on the token that Countersign can sign with. */
    public List<TokenKey> keys(char[] pin) throws KeyFileException {
        KeyStore store = login(pin);
        try {
            List<TokenKey> keys = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                Certificate certificate = store.isKeyEntry(alias) ? store.getCertificate(alias) : null;
                if (certificate != null && isUsable(certificate.getPublicKey())) {
                    keys.add(new TokenKey(alias, certificate.getPublicKey()));
                }
            }
            return keys;
        } catch (GeneralSecurityException e) {
            throw new KeyFileException(new UserText("error.token.keysUnlisted", e.getMessage()), e);
        }
    }

    /** A signer for the key with this alias; every signature is made on the token. */
    public Signer signer(String alias, char[] pin) throws KeyFileException {
        return signer(login(pin), alias);
    }

    private Signer signer(KeyStore store, String alias) throws KeyFileException {
        try {
            Key key = store.getKey(alias, null);
            Certificate certificate = store.getCertificate(alias);
            if (!(key instanceof PrivateKey privateKey) || certificate == null) {
                throw new KeyFileException(new UserText("error.token.noSuchKey", alias));
            }
            PublicKey publicKey = certificate.getPublicKey();
            if (!isUsable(publicKey)) {
                throw new KeyFileException(new UserText("error.token.notP256", alias));
            }
            return new TokenSigner(provider, privateKey, publicKey);
        } catch (GeneralSecurityException e) {
            throw new KeyFileException(new UserText("error.token.keyRead", alias, e.getMessage()), e);
        }
    }

    /**
     * Removes the key with this alias from the token (used to take back a key made for a rotation the gateway
     * refused). Returns false if there was none.
     */
    public boolean delete(String alias, char[] pin) throws KeyFileException {
        KeyStore store = login(pin);
        try {
            if (!store.containsAlias(alias)) {
                return false;
            }
            store.deleteEntry(alias);
            return true;
        } catch (GeneralSecurityException e) {
            throw new KeyFileException(new UserText("error.token.keyRemove", alias, e.getMessage()), e);
        }
    }

    /**
     * Signers for several keys from one login. A later login (every method here logs in afresh) ends the keys of the
     * earlier one, so keys that must sign together are opened together.
     */
    public List<Signer> signers(char[] pin, String... aliases) throws KeyFileException {
        KeyStore store = login(pin);
        List<Signer> signers = new ArrayList<>();
        for (String alias : aliases) {
            signers.add(signer(store, alias));
        }
        return signers;
    }

    /** Makes a new ECDSA P-256 key on the token under this alias. */
    public TokenKey generate(String alias, char[] pin) throws KeyFileException {
        KeyStore store = login(pin);
        try {
            if (store.containsAlias(alias)) {
                throw new KeyFileException(new UserText("error.token.keyExists", alias));
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", provider);
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            Certificate certificate = SelfSignedCertificates.create(pair, "Countersign reviewer key " + alias, provider);
            store.setKeyEntry(alias, pair.getPrivate(), null, new Certificate[] {certificate});
            return new TokenKey(alias, pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new KeyFileException(new UserText("error.token.generate", e.getMessage()), e);
        }
    }

    /**
     * Logs in with the PIN. A token stays logged in for the whole process once any provider logged in, and SunPKCS11
     * then accepts any PIN without asking the token; so the console logs out first, and every PIN is really checked.
     */
    private KeyStore login(char[] pin) throws KeyFileException {
        try {
            Provider p = provider();
            if (p instanceof AuthProvider auth) {
                auth.logout();
            }
            KeyStore store = KeyStore.getInstance("PKCS11", p);
            store.load(null, pin);
            return store;
        } catch (LoginException e) {
            throw new KeyFileException(new UserText("error.token.logout", e.getMessage()), e);
        } catch (IOException e) {
            String text = String.valueOf(e.getMessage()) + " " + String.valueOf(e.getCause());
            if (text.contains("CKR_PIN_LOCKED")) {
                throw new TokenLockedException();
            }
            if (hasCause(e, FailedLoginException.class) || text.contains("CKR_PIN_INCORRECT")) {
                throw new WrongPinException();
            }
            throw new KeyFileException(new UserText("error.token.open", e.getMessage()), e);
        } catch (GeneralSecurityException e) {
            throw new KeyFileException(new UserText("error.token.open", e.getMessage()), e);
        }
    }

    private synchronized Provider provider() throws KeyFileException {
        if (provider != null) {
            return provider;
        }
        if (!Files.isReadable(library)) {
            throw new KeyFileException(new UserText("error.token.noLibrary", library));
        }
        Provider base = Security.getProvider("SunPKCS11");
        if (base == null) {
            throw new KeyFileException(new UserText("error.token.noPkcs11"));
        }
        String slot = slotId >= 0 ? "slot = " + slotId : "slotListIndex = " + slotListIndex;
        String config = "--name = Countersign-" + (slotId >= 0 ? "slot" + slotId : "index" + slotListIndex) + "\n"
                + "library = " + library + "\n"
                + slot + "\n";
        try {
            provider = base.configure(config);
        } catch (RuntimeException e) {
            throw new KeyFileException(new UserText("error.token.noSlot",
                    String.valueOf(slotId >= 0 ? slotId : slotListIndex), library), e);
        }
        return provider;
    }

    private static boolean isUsable(PublicKey key) {
        try {
            return SignatureAlgorithm.of(key) == SignatureAlgorithm.ECDSA_P256_SHA256;
        } catch (UnsupportedKeyException e) {
            return false;
        }
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** Signs on the token; the JDK returns ECDSA signatures DER-encoded, as decision records want. */
    private record TokenSigner(Provider provider, PrivateKey privateKey, PublicKey publicKey) implements Signer {
        @Override
        public byte[] sign(byte[] message) throws GeneralSecurityException {
            Signature signature = Signature.getInstance(SignatureAlgorithm.ECDSA_P256_SHA256.jcaName(), provider);
            signature.initSign(privateKey);
            signature.update(message);
            return signature.sign();
        }
    }
}
