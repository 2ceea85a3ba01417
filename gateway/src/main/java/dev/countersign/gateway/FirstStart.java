package dev.countersign.gateway;

import dev.countersign.gateway.demo.DemoDataException;
import dev.countersign.gateway.demo.DemoSeeder;
import dev.countersign.gateway.demo.DemoWorld;
import dev.countersign.gateway.store.Database;
import dev.countersign.gateway.store.MetaStore;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Initializes a database once: seeds the demo world if asked, in the same transaction that marks it initialized,
 * so a failed seeding leaves it to be tried again and a seeded one is never seeded twice.
 */
final class FirstStart {
    private static final Logger LOG = LoggerFactory.getLogger(FirstStart.class);
    private static final String INITIALIZED = "initialized_at";

    private FirstStart() {}

    /** Initializes if needed; returns whether the database holds the demo world. */
    static boolean run(Database database, MetaStore meta, DemoSeeder seeder, boolean seedDemo, Clock clock)
            throws GatewayStartException {
        boolean initialized = database.read(c -> meta.get(c, INITIALIZED)).isPresent();
        if (!initialized) {
            DemoWorld world = null;
            if (seedDemo) {
                try {
                    world = DemoWorld.load();
                } catch (DemoDataException e) {
                    throw new GatewayStartException(e.getMessage(), e);
                }
            }
            DemoWorld demo = world;
            database.writer().write(tx -> {
                if (demo != null) {
                    seeder.seed(demo);
                }
                meta.put(tx, MetaStore.DEMO, Boolean.toString(demo != null));
                meta.put(tx, INITIALIZED, clock.instant().toString());
                return null;
            });
        }
        boolean demo = database.read(c -> meta.get(c, MetaStore.DEMO)).map(Boolean::parseBoolean).orElse(false);
        if (initialized && seedDemo && !demo) {
            LOG.warn("The data folder holds a gateway that was not started with the demo world; it is not seeded now.");
        }
        return demo;
    }
}
