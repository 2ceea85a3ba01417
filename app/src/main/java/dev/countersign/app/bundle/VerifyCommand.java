package dev.countersign.app.bundle;

import dev.countersign.model.bundle.BundleProgress;
import dev.countersign.model.bundle.BundleReport;
import dev.countersign.model.bundle.BundleReports;
import dev.countersign.model.bundle.BundleVerifier;
import dev.countersign.model.crypto.PublicKeys;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;

/**
 * {@code countersign verify FILE [--json] [--gateway-key PUBKEY.pem] [--threads N]}: checks an evidence bundle with no
 * window, no toolkit and no data folder, prints a report for people (or JSON) and answers with the report's exit code:
 * 0 valid, 1 invalid, 2 unreadable. A missing file or bad arguments also give 2, with the usage on stderr. It writes
 * nothing anywhere but the two streams. Like {@code AppConfig}'s, its words are the command line's English.
 */
public final class VerifyCommand {
    /** The first argument that selects this command. */
    public static final String NAME = "verify";
    public static final String USAGE = """
            Usage: countersign verify FILE.csbundle [--json] [--gateway-key PUBKEY.pem] [--threads N]

              --json          print the report as one JSON object instead of words
              --gateway-key PUBKEY.pem
                              the gateway's public key (PEM) obtained out of band: the bundle must be
                              anchored to it. Without it the bundle's own key is taken, with a warning
              --threads N     check records on N threads (default: the number of processors)
            Exit code: 0 valid, 1 invalid, 2 unreadable (or a missing file, or bad arguments).
            """;
    static final int MAX_THREADS = 256;

    private VerifyCommand() {}

    /** True if the command line asks for this command ({@code verify} first). */
    public static boolean handles(List<String> args) {
        return !args.isEmpty() && NAME.equals(args.get(0));
    }

    /**
     * Runs the command.
     *
     * @param args what follows {@code verify}
     * @return the process's exit code
     */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("countersign verify: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        if (options.help()) {
            out.print(USAGE);
            return 0;
        }
        if (!Files.isRegularFile(options.file()) || !Files.isReadable(options.file())) {
            err.println("countersign verify: " + terminalSafe(options.file().toString()) + ": "
                    + (Files.exists(options.file()) ? "not a readable file" : "no such file"));
            err.print(USAGE);
            return 2;
        }
        PublicKey pinned = null;
        if (options.gatewayKey() != null) {
            try {
                pinned = PublicKeys.fromPem(Files.readString(options.gatewayKey(), StandardCharsets.US_ASCII));
            } catch (IOException | RuntimeException e) {
                err.println("countersign verify: --gateway-key " + terminalSafe(options.gatewayKey().toString())
                        + " is not a readable PEM public key (" + terminalSafe(String.valueOf(e.getMessage())) + ")");
                err.print(USAGE);
                return 2;
            }
        }
        BundleReport report;
        try {
            report = BundleVerifier.verify(options.file(), pinned, options.threads(), BundleProgress.NONE,
                    dev.countersign.app.common.Verification.provider());
        } catch (RuntimeException e) {
            // the verifier reports what a file holds; reaching here is a bug, said in one line, never a stack trace
            err.println("countersign verify: the bundle could not be checked: " + e);
            return BundleReport.Status.UNREADABLE.exitCode();
        }
        String text = options.json() ? BundleReports.json(report) : terminalSafe(BundleReports.text(report));
        out.print(text.endsWith("\n") ? text : text + "\n");
        out.flush();
        return report.status().exitCode();
    }

    /**
     * The text with every control and format character but line feed and tab written as {@code \\uXXXX}: a hostile
     * bundle's names must not move the cursor, recolour the terminal or reorder what a person reads.
     */
    static String terminalSafe(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            boolean unsafe = cp != '\n' && cp != '\t' && (type == Character.CONTROL || type == Character.FORMAT
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR);
            if (unsafe) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /** The command's arguments, read strictly. */
    record Options(Path file, boolean json, Path gatewayKey, int threads, boolean help) {
        static Options parse(List<String> args) {
            Path file = null;
            boolean json = false;
            Path gatewayKey = null;
            int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                int eq = arg.startsWith("--") ? arg.indexOf('=') : -1;
                String name = eq > 0 ? arg.substring(0, eq) : arg;
                String value = eq > 0 ? arg.substring(eq + 1) : null;
                switch (name) {
                    case "--help", "-h" -> {
                        return new Options(null, false, null, threads, true);
                    }
                    case "--json" -> json = true;
                    case "--gateway-key" -> gatewayKey = Path.of(value != null ? value : next(args, ++i, name));
                    case "--threads" -> threads = threads(value != null ? value : next(args, ++i, name));
                    default -> {
                        if (arg.startsWith("-") && arg.length() > 1) {
                            throw new IllegalArgumentException("unknown option " + terminalSafe(arg));
                        }
                        if (file != null) {
                            throw new IllegalArgumentException("one bundle at a time: " + terminalSafe(file.toString())
                                    + " and " + terminalSafe(arg));
                        }
                        file = Path.of(arg);
                    }
                }
            }
            if (file == null) {
                throw new IllegalArgumentException("which bundle? Name the file to verify");
            }
            return new Options(file, json, gatewayKey, threads, false);
        }

        private static String next(List<String> args, int i, String option) {
            if (i >= args.size()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args.get(i);
        }

        private static int threads(String text) {
            try {
                int n = Integer.parseInt(text);
                if (n < 1 || n > MAX_THREADS) {
                    throw new NumberFormatException();
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--threads needs a whole number from 1 to " + MAX_THREADS
                        + ", not " + terminalSafe(text));
            }
        }
    }
}
