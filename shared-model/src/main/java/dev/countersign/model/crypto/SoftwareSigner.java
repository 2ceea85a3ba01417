package dev.countersign.model.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;

/** Signs with a private key held in memory, using the JDK's default providers. */
public final class SoftwareSigner implements Signer {
    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    public SoftwareSigner(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        SignatureAlgorithm.of(publicKey); // refuses key types we do not sign with
    }

    public SoftwareSigner(KeyPair pair) {
        this(pair.getPrivate(), pair.getPublic());
    }

    @Override
    public PublicKey publicKey() {
        return publicKey;
    }

    @Override
    public byte[] sign(byte[] message) throws GeneralSecurityException {
        Signature signature = Signature.getInstance(algorithm().jcaName());
        signature.initSign(privateKey);
        signature.update(message);
        return signature.sign();
    }
}
