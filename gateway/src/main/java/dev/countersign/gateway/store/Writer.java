package dev.countersign.gateway.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The one writer: every write runs as a transaction on a single thread with its own connection, so a check and the
 * writes it guards are atomic and change sequence numbers commit in order. A write started inside another write
 * (on the writer thread) joins that transaction.
 */
public final class Writer implements AutoCloseable {
    /** Work done inside a write transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Tx tx) throws SQLException;
    }

    private final Connection connection;
    private final ExecutorService executor;
    private final Consumer<Set<String>> onCommit;
    private final ThreadLocal<Tx> current = new ThreadLocal<>();

    Writer(Connection connection, Consumer<Set<String>> onCommit) throws SQLException {
        this.connection = connection;
        this.onCommit = onCommit;
        connection.setAutoCommit(false);
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "gateway-writer");
            t.setDaemon(true);
            return t;
        });
    }

    public <T> T write(Work<T> work) {
        Tx open = current.get();
        if (open != null) {
            return run(work, open);
        }
        Future<T> result = executor.submit(() -> transaction(work));
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the database writer", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new StoreException("database write failed", cause);
        }
    }

    private <T> T transaction(Work<T> work) throws SQLException {
        Tx tx = new Tx(connection);
        current.set(tx);
        T result;
        try {
            result = run(work, tx);
            connection.commit();
        } catch (SQLException | RuntimeException | Error e) {
            // A failed commit must not leave its rows on the shared connection for the next write to commit.
            rollback(e);
            throw e;
        } finally {
            current.remove();
        }
        Set<String> touched = tx.touchedProposals();
        if (!touched.isEmpty()) {
            onCommit.accept(touched);
        }
        return result;
    }

    private static <T> T run(Work<T> work, Tx tx) {
        try {
            return work.run(tx);
        } catch (SQLException e) {
            throw new StoreException("database write failed: " + e.getMessage(), e);
        }
    }

    private void rollback(Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // closing anyway
        }
    }
}
