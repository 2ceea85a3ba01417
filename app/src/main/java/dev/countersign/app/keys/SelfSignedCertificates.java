package dev.countersign.app.keys;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The self-signed certificate PKCS#12 needs beside a private key. It carries no trust: the gateway trusts a key
 * because it was enrolled, never because of this certificate.
 */
final class SelfSignedCertificates {
    private static final Duration VALIDITY = Duration.ofDays(3650);

    private SelfSignedCertificates() {}

    static X509Certificate create(KeyPair pair, String commonName) throws GeneralSecurityException {
        return create(pair, commonName, null);
    }

    /** Signs the certificate with the pair's private key through the given provider (a token's), or the default. */
    static X509Certificate create(KeyPair pair, String commonName, Provider provider) throws GeneralSecurityException {
        X500Name name = new X500Name("CN=" + commonName.replaceAll("[,=+<>#;\"\\\\]", "_"));
        Instant now = Instant.now();
        BigInteger serial = new BigInteger(64, new SecureRandom());
        String algorithm = pair.getPublic().getAlgorithm().startsWith("Ed") ? "Ed25519" : "SHA256withECDSA";
        try {
            var builder = new JcaX509v3CertificateBuilder(name, serial, Date.from(now.minus(Duration.ofMinutes(5))),
                    Date.from(now.plus(VALIDITY)), name, pair.getPublic());
            JcaContentSignerBuilder signer = new JcaContentSignerBuilder(algorithm);
            if (provider != null) {
                signer.setProvider(provider);
            }
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer.build(pair.getPrivate())));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign the key's certificate", e);
        }
    }
}
