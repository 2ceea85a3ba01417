package dev.countersign.app.cache;

import dev.countersign.app.common.UserText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's H2 file: checked before it is opened, migrated with Flyway, read through a small pool and written
 * by one writer thread. A commit is written to the file before {@link #write} returns ({@code WRITE_DELAY=0}), so a
 * console killed right after survives with it.
 */
public final class CacheDatabase implements AutoCloseable {
    public static final String MIGRATIONS = "classpath:db/console";
    /** Settings H2 keeps in the file: every commit is written before it returns. */
    public static final String URL_SETTINGS = ";WRITE_DELAY=0";
    private static final Logger LOG = LoggerFactory.getLogger(CacheDatabase.class);
    private static final String APPLICATION = "countersign-console-cache";
    private static final DateTimeFormatter ASIDE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** Work inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Path file;
    private final JdbcConnectionPool pool;
    private final Connection writerConnection;
    private final ExecutorService writer;
    private volatile Thread writerThread;

    private CacheDatabase(Path file, JdbcConnectionPool pool, Connection writerConnection) {
        this.file = file;
        this.pool = pool;
        this.writerConnection = writerConnection;
        this.writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "cache-writer");
            t.setDaemon(true);
            writerThread = t;
            return t;
        });
    }

    /**
     * Opens (creating if need be) the cache {@code <stem>.mv.db}, after {@code check} found nothing in it the console
     * did not make.
     */
    public static CacheDatabase open(Path stem, CacheFileCheck check) {
        Path dir = stem.toAbsolutePath().getParent();
        Path file = mvFile(stem);
        if (stem.toString().contains(";")) {
            throw new CacheException(new UserText("error.cache.semicolon", stem));
        }
        try {
            Files.createDirectories(dir);
            ownerOnly(dir);
        } catch (IOException e) {
            throw new CacheException(new UserText("error.cache.folder", dir, e.getMessage()), e);
        }
        check.check(file);
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + stem.toAbsolutePath()
                + ";DB_CLOSE_ON_EXIT=FALSE" + URL_SETTINGS, "console", "");
        pool.setMaxConnections(8);
        Connection writerConnection = null;
        try {
            migrate(pool);
            writerConnection = pool.getConnection();
            writerConnection.setAutoCommit(false);
            checkApplication(writerConnection, file);
            LOG.info("opened the console cache {}", file);
            return new CacheDatabase(file, pool, writerConnection);
        } catch (SQLException e) {
            closeQuietly(writerConnection);
            pool.dispose();
            if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                throw new CacheException(new UserText("error.cache.inUse", file), e);
            }
            throw new CacheException(new UserText("error.cache.open", file, e.getMessage()), e);
        } catch (RuntimeException e) {
            closeQuietly(writerConnection);
            pool.dispose();
            throw e;
        }
    }

    /** The cache holds platform facts and nonces: the folder is the reviewer's alone (where the OS has POSIX modes). */
    private static void ownerOnly(Path dir) throws IOException {
        if (Files.getFileStore(dir).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** The file H2 keeps for a database stem. */
    public static Path mvFile(Path stem) {
        return stem.resolveSibling(stem.getFileName() + ".mv.db");
    }

    /**
     * Renames a refused cache file to {@code <name>.refused-<time>}, next to it, so a fresh cache can be made and the
     * refused one can still be looked at. Returns where it went.
     */
    public static Path moveAside(Path mvDbFile, Clock clock) {
        Path aside = mvDbFile.resolveSibling(mvDbFile.getFileName() + ".refused-" + ASIDE.format(clock.instant()));
        try {
            Files.move(mvDbFile, aside, StandardCopyOption.ATOMIC_MOVE);
            Path trace = mvDbFile.resolveSibling(mvDbFile.getFileName().toString().replace(".mv.db", ".trace.db"));
            Files.deleteIfExists(trace);
            LOG.warn("moved the refused cache {} aside to {}", mvDbFile, aside);
            return aside;
        } catch (IOException e) {
            throw new CacheException(new UserText("error.cache.moveAside", mvDbFile, e.getMessage()), e);
        }
    }

    /** The newest migration in {@link #MIGRATIONS} (a test keeps the two in step). */
    static final int LATEST_VERSION = 2;

    private static void migrate(JdbcConnectionPool pool) {
        if (current(pool)) {
            return; // Flyway's own check costs a second at start; a file already at the newest version needs none
        }
        try {
            Flyway.configure(CacheDatabase.class.getClassLoader())
                    .dataSource(pool)
                    .locations(MIGRATIONS)
                    .failOnMissingLocations(true)
                    .cleanDisabled(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new CacheException(new UserText("error.cache.migrate", e.getMessage()), e);
        }
    }

    /** True if the file's migration history ends, successfully, at {@link #LATEST_VERSION}. */
    private static boolean current(JdbcConnectionPool pool) {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*), MAX(CAST(\"version\" AS INT)),"
                        + " MIN(CASE WHEN \"success\" THEN 1 ELSE 0 END) FROM \"flyway_schema_history\""
                        + " WHERE \"version\" IS NOT NULL")) {
            return rs.next() && rs.getInt(1) == LATEST_VERSION && rs.getInt(2) == LATEST_VERSION
                    && rs.getInt(3) == 1;
        } catch (SQLException e) {
            return false; // a new file (no history yet): Flyway makes it
        }
    }

    private static void checkApplication(Connection c, Path file) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT meta_value FROM cache_meta WHERE meta_key = 'application'")) {
            if (!rs.next() || !APPLICATION.equals(rs.getString(1))) {
                throw new CacheRefusedException(file, new UserText("error.cache.notOurs"), null);
            }
        }
        c.rollback();
    }

    /** Runs {@code work} in one transaction on the writer thread and returns once it is committed. */
    public <T> T write(Work<T> work) {
        if (Thread.currentThread() == writerThread) {
            return inTransaction(work);
        }
        Future<T> done;
        try {
            done = writer.submit(() -> inTransaction(work));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            throw new CacheException(new UserText("error.cache.closed"), e);
        }
        try {
            return done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CacheException(new UserText("error.cache.interrupted"), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new CacheException(new UserText("error.cache.write", e.getCause().getMessage()), e.getCause());
        }
    }

    private <T> T inTransaction(Work<T> work) {
        try {
            T result = work.run(writerConnection);
            writerConnection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                writerConnection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new CacheException(new UserText("error.cache.write", e.getMessage()), e);
        }
    }

    /** Reads from a consistent snapshot, on the calling thread (never the UI thread for large reads). */
    public <T> T read(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                return work.run(c);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new CacheException(new UserText("error.cache.read", e.getMessage()), e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("the cache writer did not finish within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(writerConnection);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            LOG.debug("cache shutdown reported: {}", e.getMessage());
        }
        pool.dispose();
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.debug("closing a cache connection: {}", e.getMessage());
            }
        }
    }
}
