package dev.countersign.gateway.store;

/** The database file is held open by a running program, so it could not be inspected (nor opened). */
public final class DatabaseFileLockedException extends Exception {
    public DatabaseFileLockedException(String fileName, Throwable cause) {
        super("The database file " + fileName + " is open in another program. Stop that program or choose another"
                + " folder.", cause);
    }
}
