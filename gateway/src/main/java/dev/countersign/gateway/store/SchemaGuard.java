package dev.countersign.gateway.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Refuses a database file the gateway did not create: foreign tables, views, linked tables, triggers, aliases or
 * extra schemas could run code or feed the gateway data it never checked. These checks run once H2 has opened the
 * file, so they come too late to stop code that runs on opening; {@link H2FileInspector} stops that before. They stay
 * as a second line, and for what only an open database shows: every table present after migration, and the
 * application marker row in GATEWAY_META.
 */
final class SchemaGuard {
    static final Set<String> TABLES = Set.of(
            "GATEWAY_META", "INVENTORY_ITEM", "POLICY", "PROPOSAL", "PROPOSAL_VERSION", "CONTEXT", "REVIEWER",
            "REVIEWER_KEY", "NONCE", "DECISION_RECORD", "LOG_CHECKPOINT", "IDEMPOTENCY", "SESSION_CHALLENGE",
            "REVIEWER_SESSION", "FLYWAY_SCHEMA_HISTORY");

    private SchemaGuard() {}

    /** Checks what is in the file; returns true if it holds no table at all (a new database). */
    static boolean check(Connection c) throws SQLException, DatabaseOpenException {
        List<String> schemas = Jdbc.list(c, "SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA",
                rs -> rs.getString(1));
        for (String schema : schemas) {
            if (!schema.equals("PUBLIC") && !schema.equals("INFORMATION_SCHEMA")) {
                throw refuse("it has an unexpected schema " + schema);
            }
        }
        Set<String> tables = new TreeSet<>();
        for (String[] row : Jdbc.list(c, "SELECT TABLE_NAME, TABLE_TYPE FROM INFORMATION_SCHEMA.TABLES"
                + " WHERE TABLE_SCHEMA = 'PUBLIC'", rs -> new String[] {rs.getString(1), rs.getString(2)})) {
            String name = row[0].toUpperCase(Locale.ROOT);
            if (!TABLES.contains(name)) {
                throw refuse("it has an unexpected table " + row[0]);
            }
            if (!"BASE TABLE".equals(row[1])) {
                throw refuse(row[0] + " is a " + row[1] + ", not a plain table");
            }
            tables.add(name);
        }
        if (Jdbc.count(c, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TRIGGERS") > 0) {
            throw refuse("it has triggers");
        }
        if (Jdbc.count(c, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.ROUTINES"
                + " WHERE ROUTINE_SCHEMA <> 'INFORMATION_SCHEMA'") > 0) {
            throw refuse("it has user-defined functions (aliases)");
        }
        if (!tables.isEmpty() && !tables.contains("FLYWAY_SCHEMA_HISTORY")) {
            throw refuse("it has tables but no migration history");
        }
        return tables.isEmpty();
    }

    /** After migration every table the gateway needs must be there. */
    static void checkComplete(Connection c) throws SQLException, DatabaseOpenException {
        check(c);
        Set<String> tables = new TreeSet<>(Jdbc.list(c, "SELECT UPPER(TABLE_NAME) FROM INFORMATION_SCHEMA.TABLES"
                + " WHERE TABLE_SCHEMA = 'PUBLIC'", rs -> rs.getString(1)));
        if (!tables.containsAll(TABLES)) {
            Set<String> missing = new TreeSet<>(TABLES);
            missing.removeAll(tables);
            throw refuse("tables are missing after migration: " + missing);
        }
        String app = Jdbc.one(c, "SELECT META_VALUE FROM GATEWAY_META WHERE META_KEY = 'application'",
                rs -> rs.getString(1)).orElse("");
        if (!"countersign-gateway".equals(app)) {
            throw refuse("it was not created by a Countersign gateway");
        }
    }

    static DatabaseOpenException refuse(String why) {
        return refuse(why, null);
    }

    static DatabaseOpenException refuse(String why, Throwable cause) {
        return new DatabaseOpenException("The database file is not one this gateway created (" + why
                + "); it is refused. Point --data-dir at an empty folder or at a gateway's own data folder.", cause);
    }
}
