package dev.countersign.app.common;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * How the console checks signatures in bulk (its records, an evidence bundle, the verify command): with Bouncy
 * Castle's Ed25519 and ECDSA, about four times the JDK's speed here (docs/performance.md), on every core. The provider
 * is handed to the verifiers and not installed globally, so nothing else in the JVM changes its choice.
 */
public final class Verification {
    private static final Provider PROVIDER = new BouncyCastleProvider();

    private Verification() {}

    public static Provider provider() {
        return PROVIDER;
    }

    public static int threads() {
        return Runtime.getRuntime().availableProcessors();
    }
}
