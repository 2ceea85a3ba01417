package dev.countersign.gateway.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.h2.engine.Constants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference an {@link H2FileInspector} compares files with, made at build time and shipped next to the migrations
 * it describes ({@code <location>.h2-reference.json}), so a program does not spend a scratch database's migration at
 * every start. It is as trusted as the migrations beside it (same jar). A shipped reference made for other settings,
 * another H2 build or other migrations is not used: the inspector then makes its own, as before.
 *
 * <p>{@link #main} writes one: {@code H2References <flyway location> <url settings or ""> <output file>}; app's pom
 * runs it in {@code process-classes}.
 */
public final class H2References {
    private static final Logger LOG = LoggerFactory.getLogger(H2References.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private H2References() {}

    /** The file name a location's reference is shipped under, on the class path. */
    static String resourceName(String flywayLocation) {
        return flywayLocation.replaceFirst("^classpath:", "").replaceAll("/+$", "") + ".h2-reference.json";
    }

    /** The shipped reference for these migrations and settings, if there is one made by this H2 build. */
    static Optional<H2FileInspector.Reference> shipped(H2FileInspector.Key key) {
        try (InputStream in = key.loader().getResourceAsStream(resourceName(key.location()))) {
            if (in == null) {
                return Optional.empty();
            }
            Shipped s = JSON.readValue(in, Shipped.class);
            if (!s.h2Build().equals(Constants.BUILD_ID + "") || !s.urlSettings().equals(key.urlSettings())) {
                LOG.info("the shipped reference for {} is for other settings or another H2; making one",
                        key.location());
                return Optional.empty();
            }
            return Optional.of(new H2FileInspector.Reference(Map.copyOf(s.rows()), Set.copyOf(s.tables()),
                    s.steps().stream().map(Map::copyOf).toList(), Map.copyOf(s.descriptions())));
        } catch (IOException | RuntimeException e) {
            LOG.warn("the shipped reference for {} cannot be read ({}); making one", key.location(), e.toString());
            return Optional.empty();
        }
    }

    /** What is shipped: the reference, and what it was made for. */
    record Shipped(String h2Build, String urlSettings, Map<String, Integer> rows, Set<String> tables,
            List<Map<String, Integer>> steps, Map<String, String> descriptions) {}

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: H2References <flyway location> <url settings> <output file>");
        }
        String settings = args[1].equals("\"\"") ? "" : args[1];
        H2FileInspector.forMigrations(args[0], H2References.class.getClassLoader(), settings); // validates settings
        H2FileInspector.Reference r = H2FileInspector.buildReference(new H2FileInspector.Key(args[0],
                Thread.currentThread().getContextClassLoader(), settings));
        Shipped shipped = new Shipped(Constants.BUILD_ID + "", settings, new java.util.TreeMap<>(r.rows()),
                new java.util.TreeSet<>(r.tables()), r.steps().stream().map(java.util.TreeMap::new)
                .map(m -> (Map<String, Integer>) m).toList(), new LinkedHashMap<>(new java.util.TreeMap<>(
                r.descriptions())));
        Path out = Path.of(args[2]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), shipped);
        System.out.println("wrote " + out + " (" + r.steps().size() + " steps, " + r.rows().size() + " rows)");
    }
}
