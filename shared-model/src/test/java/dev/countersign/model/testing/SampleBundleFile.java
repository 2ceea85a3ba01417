package dev.countersign.model.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a sample evidence bundle of {@code COUNT} decisions (default 12) to {@code FILE}: what the installers' smoke
 * test opens through an installed launcher. Usage: {@code SampleBundleFile FILE [COUNT]}.
 */
public final class SampleBundleFile {
    private SampleBundleFile() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: SampleBundleFile FILE [COUNT]");
            System.exit(2);
        }
        Path file = Path.of(args[0]).toAbsolutePath();
        int count = args.length == 2 ? Integer.parseInt(args[1]) : 12;
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        EvidenceSamples.Sample sample = EvidenceSamples.build(count);
        sample.writeBundle(file);
        System.out.println("wrote " + file + ": " + count + " decisions, gateway key " + sample.gatewayKeyId());
    }
}
