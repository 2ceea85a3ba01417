package dev.countersign.gateway.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** Small facts about the database itself (created when, seeded with the demo world or not). */
public final class MetaStore {
    public static final String DEMO = "demo";

    public Optional<String> get(Connection c, String key) throws SQLException {
        return Jdbc.one(c, "SELECT meta_value FROM gateway_meta WHERE meta_key = ?", rs -> rs.getString(1), key);
    }

    public void put(Tx tx, String key, String value) throws SQLException {
        Jdbc.update(tx.connection(), "MERGE INTO gateway_meta (meta_key, meta_value) KEY (meta_key) VALUES (?, ?)",
                key, value);
    }
}
