package dev.countersign.gateway.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's H2 file ({@code <dataDir>/gateway.mv.db}): locked for one gateway, inspected before H2 opens it and
 * checked again after for anything it did not create, migrated with Flyway, read through a small pool and written
 * only through the {@link Writer}.
 */
public final class Database implements AutoCloseable {
    public static final String FILE_STEM = "gateway";
    static final String MIGRATIONS = "classpath:db/gateway";
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** Work done on a read-only snapshot. */
    @FunctionalInterface
    public interface Read<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataDirLock lock;
    private final JdbcConnectionPool pool;
    private final Writer writer;
    private final boolean created;

    private Database(DataDirLock lock, JdbcConnectionPool pool, Writer writer, boolean created) {
        this.lock = lock;
        this.pool = pool;
        this.writer = writer;
        this.created = created;
    }

    /**
     * Opens (creating if need be) the database in the data folder.
     *
     * @param onCommit told which proposals a committed write changed
     */
    public static Database open(Path dataDir, Consumer<Set<String>> onCommit) throws DatabaseOpenException {
        Path dir = dataDir.toAbsolutePath().normalize();
        if (dir.toString().contains(";")) {
            throw new DatabaseOpenException("The data folder path must not contain ';': " + dir);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new DatabaseOpenException("Cannot create the data folder " + dir + ": " + e.getMessage(), e);
        }
        DataDirLock lock = DataDirLock.acquire(dir);
        JdbcConnectionPool pool = null;
        try {
            inspect(dir);
            // closed by close(), after HTTP has stopped; not by H2's own shutdown hook racing ours
            pool = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve(FILE_STEM) + ";DB_CLOSE_ON_EXIT=FALSE",
                    "gateway", "");
            pool.setMaxConnections(32);
            boolean created;
            try (Connection c = pool.getConnection()) {
                created = SchemaGuard.check(c);
            }
            migrate(pool);
            try (Connection c = pool.getConnection()) {
                SchemaGuard.checkComplete(c);
            }
            Writer writer = new Writer(pool.getConnection(), onCommit);
            LOG.info("Opened {} database {}", created ? "new" : "existing", dir.resolve(FILE_STEM + ".mv.db"));
            return new Database(lock, pool, writer, created);
        } catch (SQLException e) {
            dispose(pool);
            lock.close();
            if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                throw new DatabaseOpenException("The database in " + dir + " is open in another program."
                        + " Stop it or choose another data folder.", e);
            }
            throw new DatabaseOpenException("Cannot open the database in " + dir + ": " + e.getMessage(), e);
        } catch (DatabaseOpenException | RuntimeException e) {
            dispose(pool);
            lock.close();
            throw e;
        }
    }

    /** Refuses a file the gateway did not create before H2 opens it: opening alone can run code in it. */
    private static void inspect(Path dir) throws DatabaseOpenException {
        Path file = dir.resolve(FILE_STEM + ".mv.db");
        try {
            H2FileInspector.forMigrations(MIGRATIONS, Database.class.getClassLoader()).check(file);
        } catch (ForeignDatabaseException e) {
            throw SchemaGuard.refuse(e.reason(), e);
        } catch (DatabaseFileLockedException e) {
            throw new DatabaseOpenException("The database in " + dir + " is open in another program."
                    + " Stop it or choose another data folder.", e);
        } catch (IllegalStateException e) {
            throw new DatabaseOpenException("Cannot check the database file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void migrate(JdbcConnectionPool pool) throws DatabaseOpenException {
        try {
            Flyway.configure(Database.class.getClassLoader())
                    .dataSource(pool)
                    .locations(MIGRATIONS)
                    .failOnMissingLocations(true)
                    .cleanDisabled(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new DatabaseOpenException("The database schema could not be brought up to date: "
                    + e.getMessage(), e);
        }
    }

    /** True if this start created the database file (nothing was in it). */
    public boolean created() {
        return created;
    }

    public Writer writer() {
        return writer;
    }

    public <T> T read(Read<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                return work.run(c);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new StoreException("database read failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        writer.close();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            LOG.warn("Database shutdown reported: {}", e.getMessage());
        }
        dispose(pool);
        lock.close();
    }

    private static void dispose(JdbcConnectionPool pool) {
        if (pool != null) {
            pool.dispose();
        }
    }
}
