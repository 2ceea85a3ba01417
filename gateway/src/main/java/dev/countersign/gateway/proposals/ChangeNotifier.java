package dev.countersign.gateway.proposals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Wakes those waiting on a proposal (long polls) when a committed write changed it. */
public final class ChangeNotifier implements Consumer<Set<String>> {
    private final Map<String, List<CompletableFuture<Void>>> waiters = new ConcurrentHashMap<>();

    /** A future that completes at the next committed change to the proposal. Register before reading. */
    public CompletableFuture<Void> nextChange(String proposalId) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        waiters.computeIfAbsent(proposalId, k -> new CopyOnWriteArrayList<>()).add(future);
        future.whenComplete((v, e) -> waiters.computeIfPresent(proposalId, (k, list) -> {
            list.remove(future);
            return list.isEmpty() ? null : list;
        }));
        return future;
    }

    @Override
    public void accept(Set<String> changedProposals) {
        for (String id : changedProposals) {
            List<CompletableFuture<Void>> list = waiters.remove(id);
            if (list != null) {
                list.forEach(f -> f.complete(null));
            }
        }
    }
}
