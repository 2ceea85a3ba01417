package dev.countersign.gateway.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import dev.countersign.model.InvalidFieldException;
import dev.countersign.model.Failover;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a tier's proposals are approved by the gateway at once: {@code false}, or thresholds that must all hold
 * (those present): at most {@code maxWorkloads} affected workloads, at most {@code maxCriticalWorkloads} critical
 * ones, the environment one of {@code environments}, and, if {@code requireAllFailover}, every affected workload with
 * failover. {@code true} is refused: automatic approval always names its limits.
 */
public final class AutoApprove {
    public static final AutoApprove NEVER = new AutoApprove(false, null, null, null, null);
    private static final Set<String> KEYS = Set.of("maxWorkloads", "maxCriticalWorkloads", "environments",
            "requireAllFailover");

    private final boolean enabled;
    private final Integer maxWorkloads;
    private final Integer maxCriticalWorkloads;
    private final List<String> environments;
    private final Boolean requireAllFailover;

    public AutoApprove(boolean enabled, Integer maxWorkloads, Integer maxCriticalWorkloads, List<String> environments,
            Boolean requireAllFailover) {
        this.enabled = enabled;
        this.maxWorkloads = maxWorkloads;
        this.maxCriticalWorkloads = maxCriticalWorkloads;
        this.environments = environments == null ? null : List.copyOf(environments);
        this.requireAllFailover = requireAllFailover;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static AutoApprove fromJson(JsonNode node) {
        if (node.isBoolean()) {
            if (node.booleanValue()) {
                throw new InvalidFieldException("autoApprove", "true is not allowed; give the thresholds as"
                        + " {\"maxWorkloads\": N, \"maxCriticalWorkloads\": N, \"environments\": [..],"
                        + " \"requireAllFailover\": true} or say false");
            }
            return NEVER;
        }
        if (!node.isObject()) {
            throw new InvalidFieldException("autoApprove", "must be false or an object of thresholds");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                throw new InvalidFieldException("autoApprove." + name, "is not a known threshold " + KEYS);
            }
        }
        List<String> environments = null;
        if (node.has("environments")) {
            JsonNode list = node.get("environments");
            if (!list.isArray() || list.isEmpty()) {
                throw new InvalidFieldException("autoApprove.environments", "must be a non-empty list of names");
            }
            environments = new ArrayList<>();
            for (JsonNode item : list) {
                if (!item.isTextual() || item.asText().isBlank()) {
                    throw new InvalidFieldException("autoApprove.environments", "must hold only names");
                }
                environments.add(item.asText());
            }
        }
        Boolean failover = null;
        if (node.has("requireAllFailover")) {
            if (!node.get("requireAllFailover").isBoolean()) {
                throw new InvalidFieldException("autoApprove.requireAllFailover", "must be true or false");
            }
            failover = node.get("requireAllFailover").booleanValue();
        }
        return new AutoApprove(true, count(node, "maxWorkloads"), count(node, "maxCriticalWorkloads"), environments,
                failover);
    }

    private static Integer count(JsonNode node, String field) {
        if (!node.has(field)) {
            return null;
        }
        JsonNode value = node.get(field);
        if (!value.isInt() || value.intValue() < 0) {
            throw new InvalidFieldException("autoApprove." + field, "must be a whole number of 0 or more");
        }
        return value.intValue();
    }

    @JsonValue
    Object toJson() {
        if (!enabled) {
            return Boolean.FALSE;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        if (maxWorkloads != null) {
            json.put("maxWorkloads", maxWorkloads);
        }
        if (maxCriticalWorkloads != null) {
            json.put("maxCriticalWorkloads", maxCriticalWorkloads);
        }
        if (environments != null) {
            json.put("environments", environments);
        }
        if (requireAllFailover != null) {
            json.put("requireAllFailover", requireAllFailover);
        }
        return json;
    }

    public boolean enabled() {
        return enabled;
    }

    /** Whether these facts are inside every threshold. */
    public boolean allows(PolicyFacts facts) {
        return enabled
                && (maxWorkloads == null || facts.affected().size() <= maxWorkloads)
                && (maxCriticalWorkloads == null || facts.criticalWorkloads() <= maxCriticalWorkloads)
                && (environments == null || environments.contains(facts.environment()))
                && (!Boolean.TRUE.equals(requireAllFailover)
                        || facts.affected().stream().allMatch(w -> w.failover() != Failover.NONE));
    }

    /** The thresholds in words, for the reason text of an automatic approval. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (maxWorkloads != null) {
            parts.add("at most " + maxWorkloads + " affected workload(s)");
        }
        if (maxCriticalWorkloads != null) {
            parts.add("at most " + maxCriticalWorkloads + " critical workload(s)");
        }
        if (environments != null) {
            parts.add("environment one of " + environments);
        }
        if (Boolean.TRUE.equals(requireAllFailover)) {
            parts.add("every affected workload has failover");
        }
        return parts.isEmpty() ? "no thresholds" : String.join(", ", parts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AutoApprove other && toJson().equals(other.toJson());
    }

    @Override
    public int hashCode() {
        return toJson().hashCode();
    }

    @Override
    public String toString() {
        return enabled ? "autoApprove(" + describe() + ")" : "autoApprove(false)";
    }
}
