package dev.countersign.gateway.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.db.ValueDataType;
import org.h2.mvstore.tx.Transaction;
import org.h2.mvstore.tx.TransactionMap;
import org.h2.mvstore.tx.TransactionStore;
import org.h2.result.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses an H2 file ({@code .mv.db}) that our own Flyway migrations could not have made, <em>without opening it as
 * a database</em>: H2 compiles and runs Java source in a trigger or alias, and connects out for a linked table, as
 * soon as it opens a file, so a check through JDBC comes too late. This reads H2's schema meta table ({@code table.0})
 * straight from the MVStore, and never a data map. Every row of it, normalised (see {@link MetaRow#normalised()}),
 * must be one that migrating a fresh file produces at some migration step, and the committed rows together must be
 * exactly those of one step (nothing missing either); see docs/decisions/0007.
 *
 * <p>Depends on H2's storage internals (MVStore, {@code table.0}, its row layout), which is why H2 is pinned.
 */
public final class H2FileInspector {
    private static final Logger LOG = LoggerFactory.getLogger(H2FileInspector.class);
    private static final String META_MAP = "table.0";
    private static final String UNREADABLE = "it is not a database this program can read";
    /** References by (location, class loader), built at most once per JVM: immutable, and slow to build. */
    private static final Map<Key, Reference> REFERENCES = new ConcurrentHashMap<>();

    record Key(String location, ClassLoader loader, String urlSettings) {}

    /**
     * The most times each normalised row appears at any step; the rows of each step; table descriptions; and how to
     * describe a row that is missing.
     */
    record Reference(Map<String, Integer> rows, Set<String> tables, List<Map<String, Integer>> steps,
            Map<String, String> descriptions) {}

    private final Key key;

    private H2FileInspector(Key key) {
        this.key = key;
    }

    /**
     * An inspector for files made by the migrations at {@code flywayLocation} (e.g. {@code classpath:db/gateway}).
     * Cheap: the reference is built on the first {@link #check} of an existing file, once per JVM.
     */
    public static H2FileInspector forMigrations(String flywayLocation, ClassLoader loader) {
        return forMigrations(flywayLocation, loader, "");
    }

    /**
     * The same, for files opened with persistent settings in their URL (such as {@code ;WRITE_DELAY=0}, which H2
     * stores in the file): the reference is made with the same settings, so they are expected and nothing else is.
     */
    public static H2FileInspector forMigrations(String flywayLocation, ClassLoader loader, String urlSettings) {
        if (!urlSettings.isEmpty() && !urlSettings.matches("(;[A-Z_]+=[A-Za-z0-9_]+)+")) {
            throw new IllegalArgumentException("URL settings must look like ;NAME=value: " + urlSettings);
        }
        return new H2FileInspector(new Key(Objects.requireNonNull(flywayLocation), Objects.requireNonNull(loader),
                urlSettings));
    }

    /**
     * Refuses a file our migrations could not have made; does nothing if the file does not exist or is empty (H2
     * then creates a new database in it).
     *
     * @throws ForeignDatabaseException the file has something our migrations do not make, or is not readable as an
     *         H2 database of this version
     * @throws DatabaseFileLockedException another program has the file open
     * @throws IllegalStateException the reference could not be built (the migrations fail, or no temporary folder)
     */
    public void check(Path mvDbFile) throws ForeignDatabaseException, DatabaseFileLockedException {
        try {
            if (!Files.exists(mvDbFile) || Files.size(mvDbFile) == 0) {
                return;
            }
        } catch (IOException e) {
            throw new ForeignDatabaseException(mvDbFile.toString(), UNREADABLE, e);
        }
        List<List<MetaRow>> views = readMeta(mvDbFile);
        Reference reference = reference();
        Map<String, Integer> committed = null;
        for (List<MetaRow> rows : views) {
            Map<String, Integer> seen = new HashMap<>();
            for (MetaRow row : rows) {
                String normalised = row.normalised();
                int count = seen.merge(normalised, 1, Integer::sum);
                if (count > reference.rows().getOrDefault(normalised, 0)) {
                    throw new ForeignDatabaseException(mvDbFile.toString(), whatIsWrong(row, reference));
                }
            }
            if (committed == null) {
                committed = seen;
            }
        }
        // nothing extra; and nothing missing either: a file without an index or a check our migrations make
        // (say, the one that keeps a nonce to one decision) is not one we made
        if (!reference.steps().contains(committed)) {
            throw new ForeignDatabaseException(mvDbFile.toString(), whatIsMissing(committed, reference));
        }
    }

    private static String whatIsMissing(Map<String, Integer> seen, Reference reference) {
        Map<String, Integer> closest = reference.steps().get(reference.steps().size() - 1);
        int best = Integer.MAX_VALUE;
        for (Map<String, Integer> step : reference.steps()) {
            int missing = 0;
            for (Map.Entry<String, Integer> e : step.entrySet()) {
                missing += Math.max(0, e.getValue() - seen.getOrDefault(e.getKey(), 0));
            }
            if (missing > 0 && missing < best && seen.keySet().stream().allMatch(step::containsKey)) {
                best = missing;
                closest = step;
            }
        }
        for (Map.Entry<String, Integer> e : closest.entrySet()) {
            if (seen.getOrDefault(e.getKey(), 0) < e.getValue()) {
                return "it lacks " + reference.descriptions().getOrDefault(e.getKey(), "part of its schema")
                        + " that this program makes";
            }
        }
        return "its schema is not one this program makes";
    }

    private static String whatIsWrong(MetaRow row, Reference reference) {
        String what = row.describe();
        if (reference.tables().contains(what)) {
            return "its table " + what.substring("a table ".length())
                    + " is not as this program makes it (a column, default or check differs)";
        }
        return "it has " + what;
    }

    /**
     * The meta table's rows, read from the MVStore without opening the database: as committed, then as each
     * transaction left open in the file sees them (H2 finishes or rolls those back when it opens the file, so a row
     * only they hold must pass too).
     */
    static List<List<MetaRow>> readMeta(Path file) throws ForeignDatabaseException, DatabaseFileLockedException {
        MVStore store;
        try {
            store = new MVStore.Builder().fileName(file.toAbsolutePath().toString()).readOnly().open();
        } catch (MVStoreException e) {
            if (e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
                throw new DatabaseFileLockedException(file.toString(), e);
            }
            throw new ForeignDatabaseException(file.toString(), UNREADABLE, e);
        } catch (RuntimeException e) {
            throw new ForeignDatabaseException(file.toString(), UNREADABLE, e);
        }
        try {
            if (!store.hasMap(META_MAP)) {
                throw new ForeignDatabaseException(file.toString(), UNREADABLE);
            }
            TransactionStore transactions = new TransactionStore(store, new ValueDataType());
            transactions.init();
            List<Transaction> open = transactions.getOpenTransactions();
            TransactionMap<Object, Object> committed = transactions.begin().openMap(META_MAP);
            List<List<MetaRow>> views = new ArrayList<>();
            views.add(rows(file, committed));
            for (Transaction tx : open) {
                views.add(rows(file, committed.getInstance(tx)));
            }
            return views;
        } catch (RuntimeException e) {
            throw new ForeignDatabaseException(file.toString(), UNREADABLE, e);
        } finally {
            try {
                store.closeImmediately();
            } catch (RuntimeException e) {
                LOG.debug("Closing {} after inspection: {}", file, e.toString());
            }
        }
    }

    private static List<MetaRow> rows(Path file, TransactionMap<Object, Object> meta) throws ForeignDatabaseException {
        List<MetaRow> rows = new ArrayList<>();
        for (Object value : meta.values()) {
            if (!(value instanceof Row row) || row.getColumnCount() < 4) {
                throw new ForeignDatabaseException(file.toString(), UNREADABLE);
            }
            rows.add(new MetaRow(row.getValue(2).getInt(), row.getValue(3).getString()));
        }
        return rows;
    }

    /**
     * Builds the reference now, if it is not built yet (it takes a few hundred milliseconds), so that a later
     * {@link #check} does not wait for it: a program can call this on a background thread as it starts.
     */
    public void prepare() {
        reference();
    }

    private Reference reference() {
        // made at build time and shipped with the migrations it describes, if it is there; else made now
        return REFERENCES.computeIfAbsent(key, k -> H2References.shipped(k).orElseGet(() -> buildReference(k)));
    }

    /**
     * Migrates a fresh file one migration at a time and collects, for every normalised meta row, the most times it
     * appears at any step. The union over steps lets a file made by an older version of the program pass.
     */
    static Reference buildReference(Key key) {
        long start = System.nanoTime();
        Path dir;
        try {
            dir = Files.createTempDirectory("countersign-h2-reference");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make a temporary folder to check database files: "
                    + e.getMessage(), e);
        }
        try {
            Path stem = dir.resolve("reference");
            Path file = dir.resolve("reference.mv.db");
            String url = "jdbc:h2:file:" + stem + key.urlSettings();
            Map<String, Integer> reference = new HashMap<>();
            Set<String> tables = new HashSet<>();
            List<Map<String, Integer>> steps = new ArrayList<>();
            Map<String, String> descriptions = new HashMap<>();
            // step 0: a file H2 made on the first connection, before the first migration ran
            Flyway base = flyway(key, url, null);
            List<MigrationVersion> versions = Stream.of(base.info().all())
                    .map(MigrationInfo::getVersion).filter(Objects::nonNull).distinct().sorted().toList();
            steps.add(addRows(reference, tables, descriptions, file));
            for (MigrationVersion version : versions) {
                flyway(key, url, version).migrate();
                steps.add(addRows(reference, tables, descriptions, file));
            }
            base.migrate(); // repeatable migrations, if any ever appear
            steps.add(addRows(reference, tables, descriptions, file));
            LOG.debug("Reference schema for {} built in {} ms", key.location(),
                    (System.nanoTime() - start) / 1_000_000);
            return new Reference(Map.copyOf(reference), Set.copyOf(tables), List.copyOf(steps),
                    Map.copyOf(descriptions));
        } catch (ForeignDatabaseException | DatabaseFileLockedException | RuntimeException e) {
            throw new IllegalStateException("Cannot build the reference schema from " + key.location() + ": "
                    + e.getMessage(), e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static Flyway flyway(Key key, String url, MigrationVersion target) {
        var config = Flyway.configure(key.loader())
                .dataSource(url, "reference", "")
                .locations(key.location())
                .failOnMissingLocations(true)
                .cleanDisabled(true);
        if (target != null) {
            config.target(target);
        }
        return config.load();
    }

    private static Map<String, Integer> addRows(Map<String, Integer> reference, Set<String> tables,
            Map<String, String> descriptions, Path file) throws ForeignDatabaseException, DatabaseFileLockedException {
        Map<String, Integer> step = new HashMap<>();
        for (MetaRow row : readMeta(file).get(0)) {
            step.merge(row.normalised(), 1, Integer::sum);
            descriptions.putIfAbsent(row.normalised(), row.describe());
            if (row.type() == MetaRow.TABLE_OR_VIEW && row.describe().startsWith("a table ")) {
                tables.add(row.describe());
            }
        }
        step.forEach((row, count) -> reference.merge(row, count, Math::max));
        return Map.copyOf(step);
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.debug("Could not delete {}: {}", p, e.toString());
                }
            });
        } catch (IOException e) {
            LOG.debug("Could not delete {}: {}", dir, e.toString());
        }
    }
}
