package dev.countersign.app.keys;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real SoftHSM2 token for tests, standing in for a PIV card. Surefire points SOFTHSM2_CONF at a file under
 * target/; the first use writes that file, empties the token folder and initialises two tokens with a test PIN.
 * Outside CI a machine without SoftHSM2 skips the tests; in CI (.ci/run installs it) its absence fails them.
 */
public final class SoftHsm {
    public static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    public static final String PIN = "314159";
    /** The labels of the two tokens the fixture initialises (both with {@link #PIN}). */
    public static final String LABEL = "countersign-test";
    public static final String SECOND_LABEL = "countersign-second";
    private static final String SO_PIN = "27182818";
    private static boolean ready;

    private SoftHsm() {}

    /** The first token, initialised once per test JVM. */
    public static synchronized Pkcs11Token token() throws IOException, InterruptedException, KeyFileException {
        return Pkcs11Token.inSlot(LIBRARY, info(LABEL).slotId());
    }

    /**
     * How the library describes the token with this label. Both tokens are made before the library is first loaded
     * in this JVM: SoftHSM2 reads its token folder once, when it is initialised.
     */
    public static synchronized TokenInfo info(String label) throws IOException, InterruptedException,
            KeyFileException {
        requireInstalled();
        if (!ready) {
            initialise();
            ready = true;
        }
        return new TokenDirectory().tokens(LIBRARY).stream().filter(t -> t.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("SoftHSM2 lists no token " + label));
    }

    private static void requireInstalled() {
        boolean installed = Files.isReadable(LIBRARY) && Files.isExecutable(Path.of("/usr/bin/softhsm2-util"));
        if (!installed && System.getenv("CI") != null) {
            fail("SoftHSM2 is not installed; .ci/run installs the softhsm2 package");
        }
        assumeTrue(installed, "SoftHSM2 is not installed (apt-get install softhsm2)");
    }

    private static void initialise() throws IOException, InterruptedException {
        String conf = System.getenv("SOFTHSM2_CONF");
        if (conf == null) {
            fail("SOFTHSM2_CONF is not set: the app module's surefire configuration sets it");
        }
        Path confFile = Path.of(conf);
        Path tokens = confFile.resolveSibling("tokens");
        if (Files.exists(tokens)) {
            try (Stream<Path> walk = Files.walk(tokens)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(tokens);
        Files.writeString(confFile, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n",
                StandardCharsets.UTF_8);
        run(List.of("softhsm2-util", "--init-token", "--free", "--label", LABEL, "--pin", PIN, "--so-pin", SO_PIN));
        run(List.of("softhsm2-util", "--init-token", "--free", "--label", SECOND_LABEL, "--pin", PIN,
                "--so-pin", SO_PIN));
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            fail(String.join(" ", command.subList(0, 2)) + " failed: " + output);
        }
    }
}
