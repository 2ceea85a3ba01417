package dev.countersign.app.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The cache's own small facts (cursor, last sync, which gateway filled it), as key/value rows. */
final class Meta {
    static final String QUEUE_CURSOR = "queue.cursor";
    static final String LAST_SYNC = "queue.lastSync";
    static final String GATEWAY_KEY = "gateway.keyId";

    private Meta() {}

    static Optional<String> get(Connection c, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT meta_value FROM cache_meta WHERE meta_key = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    static void put(Connection c, String key, String value) throws SQLException {
        if (value == null) {
            delete(c, key);
            return;
        }
        try (PreparedStatement s = c.prepareStatement(
                "MERGE INTO cache_meta (meta_key, meta_value) KEY (meta_key) VALUES (?, ?)")) {
            s.setString(1, key);
            s.setString(2, value);
            s.executeUpdate();
        }
    }

    static void delete(Connection c, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM cache_meta WHERE meta_key = ?")) {
            s.setString(1, key);
            s.executeUpdate();
        }
    }
}
