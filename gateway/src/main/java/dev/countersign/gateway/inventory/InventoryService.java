package dev.countersign.gateway.inventory;

import dev.countersign.gateway.store.Database;
import dev.countersign.gateway.store.Writer;
import java.util.concurrent.atomic.AtomicReference;

/** The inventory in force: loaded from the database at start, replaced as a whole by an admin. */
public final class InventoryService {
    private final Writer writer;
    private final InventoryStore store;
    private final AtomicReference<Inventory> current;

    public InventoryService(Database database, InventoryStore store) {
        this.writer = database.writer();
        this.store = store;
        this.current = new AtomicReference<>(database.read(store::load));
    }

    public Inventory current() {
        return current.get();
    }

    /** Stores the inventory and puts it in force for proposals submitted or amended from now on. */
    public void replace(Inventory inventory) {
        writer.write(tx -> {
            store.replace(tx, inventory);
            return null;
        });
        current.set(inventory);
    }
}
