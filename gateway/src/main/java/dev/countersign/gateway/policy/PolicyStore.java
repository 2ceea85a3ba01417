package dev.countersign.gateway.policy;

import dev.countersign.gateway.store.Jdbc;
import dev.countersign.gateway.store.Tx;
import dev.countersign.model.json.Json;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Policies as loaded, newest in force; older ones are kept so past contexts can be explained. */
public final class PolicyStore {
    public Optional<Policy> current(Connection c) throws SQLException {
        return Jdbc.one(c, "SELECT doc FROM policy ORDER BY seq DESC LIMIT 1",
                rs -> Policy.parse(rs.getString(1).getBytes(StandardCharsets.UTF_8)));
    }

    public void add(Tx tx, Policy policy, Instant now) throws SQLException {
        Jdbc.update(tx.connection(),
                "INSERT INTO policy (policy_id, policy_version, doc, loaded_at) VALUES (?, ?, ?, ?)",
                policy.id(), policy.version(), Json.string(policy), now);
    }
}
