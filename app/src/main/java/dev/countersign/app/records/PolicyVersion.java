package dev.countersign.app.records;

import java.util.Comparator;

/** A policy and its version, as a decision names them: {@code nhi-change-policy 7}. */
public record PolicyVersion(String policyId, String version) implements Comparable<PolicyVersion> {
    private static final Comparator<PolicyVersion> ORDER =
            Comparator.comparing(PolicyVersion::policyId).thenComparing(PolicyVersion::version);

    public String text() {
        return policyId + " " + version;
    }

    @Override
    public int compareTo(PolicyVersion other) {
        return ORDER.compare(this, other);
    }
}
