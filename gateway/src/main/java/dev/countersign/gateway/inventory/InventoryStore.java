package dev.countersign.gateway.inventory;

import dev.countersign.gateway.store.Jdbc;
import dev.countersign.gateway.store.Tx;
import dev.countersign.model.json.Json;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** The inventory in the database: one row per NHI, workload and incident, each with its JSON document. */
public final class InventoryStore {
    public Inventory load(Connection c) throws SQLException {
        List<Nhi> nhis = docs(c, "nhi", Nhi.class);
        List<Workload> workloads = docs(c, "workload", Workload.class);
        List<Incident> incidents = docs(c, "incident", Incident.class);
        return Inventory.of(new InventoryDocument(nhis, workloads, incidents));
    }

    public void replace(Tx tx, Inventory inventory) throws SQLException {
        Connection c = tx.connection();
        Jdbc.update(c, "DELETE FROM inventory_item");
        InventoryDocument doc = inventory.document();
        for (Nhi n : doc.nhis()) {
            insert(c, "nhi", n.id(), n);
        }
        for (Workload w : doc.workloads()) {
            insert(c, "workload", w.id(), w);
        }
        for (Incident i : doc.incidents()) {
            insert(c, "incident", i.id(), i);
        }
    }

    private static void insert(Connection c, String kind, String id, Object doc) throws SQLException {
        Jdbc.update(c, "INSERT INTO inventory_item (kind, id, doc) VALUES (?, ?, ?)", kind, id, Json.string(doc));
    }

    private static <T> List<T> docs(Connection c, String kind, Class<T> type) throws SQLException {
        return Jdbc.list(c, "SELECT doc FROM inventory_item WHERE kind = ? ORDER BY id",
                rs -> Json.parse(rs.getString(1), type), kind);
    }
}
