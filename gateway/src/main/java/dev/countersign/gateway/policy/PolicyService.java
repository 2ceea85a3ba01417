package dev.countersign.gateway.policy;

import dev.countersign.gateway.store.Database;
import dev.countersign.gateway.store.Writer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The policy in force: the newest stored one, or the built-in default (every proposal high tier, two approvals)
 * until an admin loads one.
 */
public final class PolicyService {
    private static final String DEFAULT_POLICY = "/dev/countersign/gateway/policy/default-policy.json";

    private final Writer writer;
    private final PolicyStore store;
    private final Clock clock;
    private final AtomicReference<Policy> current;

    public PolicyService(Database database, PolicyStore store, Clock clock) {
        this.writer = database.writer();
        this.store = store;
        this.clock = clock;
        this.current = new AtomicReference<>(database.read(store::current).orElseGet(PolicyService::builtIn));
    }

    public Policy current() {
        return current.get();
    }

    /** Stores the policy and puts it in force for proposals submitted or amended from now on. */
    public void replace(Policy policy) {
        writer.write(tx -> {
            store.add(tx, policy, clock.instant());
            return null;
        });
        current.set(policy);
    }

    static Policy builtIn() {
        try (InputStream in = PolicyService.class.getResourceAsStream(DEFAULT_POLICY)) {
            if (in == null) {
                throw new IllegalStateException("the built-in policy " + DEFAULT_POLICY + " is missing from the jar");
            }
            return Policy.parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
