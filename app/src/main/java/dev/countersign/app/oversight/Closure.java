package dev.countersign.app.oversight;

import dev.countersign.app.records.RecordRow;
import dev.countersign.model.Decision;
import dev.countersign.model.Proposal;
import dev.countersign.model.ReasonCode;
import dev.countersign.model.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The record that closed a proposal, and when the proposal was made.
 *
 * <p><b>The record that closes a proposal</b> is, among its records in the order they were decided (then their log
 * index), the first that is either a denial, or an approval that brings the approvals of one proposal version by
 * distinct reviewers up to the number its policy requires (from the context the approval is bound to; 1 when no context
 * is held), or an automatic approval by policy. Escalations never close. A proposal none of whose records closes it
 * is still open and has no closure.
 *
 * <p><b>Time to decision</b> runs from the proposal's {@code createdAt} (of the version held with any of its records)
 * to the closing record's {@code decidedAt}; a proposal held with none of its versions has no time to decision.
 *
 * @param proposedAt when the proposal was made; null when no version of it is held
 */
record Closure(String proposalId, RecordRow closing, Proposal proposal, Instant proposedAt) {

    /** The reviewer the gateway signs automatic approvals as. */
    static final String POLICY_REVIEWER = "gateway:policy";

    static final Comparator<RecordRow> DECIDED = Comparator.comparing(RecordRow::decidedAt)
            .thenComparingLong(RecordRow::logIndex);

    boolean approved() {
        return closing.verdict() == Verdict.APPROVE;
    }

    boolean automatic() {
        return isAutomatic(closing);
    }

    /** From proposal to closing record; null when the proposal is not held. Never negative (clock skew reads 0). */
    Duration timeToDecision() {
        if (proposedAt == null) {
            return null;
        }
        Duration d = Duration.between(proposedAt, closing.decidedAt());
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** An approval the gateway made by policy: reviewer gateway:policy, reason policy_auto_approved. */
    static boolean isAutomatic(RecordRow row) {
        if (row.verdict() != Verdict.APPROVE || !POLICY_REVIEWER.equals(row.reviewer())) {
            return false;
        }
        Decision d = row.decision();
        return d == null || d.reasonCode() == ReasonCode.POLICY_AUTO_APPROVED;
    }

    /** The closure of every proposal among {@code rows} that some record closed. */
    static List<Closure> of(List<RecordRow> rows) {
        Map<String, List<RecordRow>> byProposal = new LinkedHashMap<>();
        for (RecordRow row : rows) {
            byProposal.computeIfAbsent(row.proposalId(), id -> new ArrayList<>()).add(row);
        }
        List<Closure> closures = new ArrayList<>();
        for (Map.Entry<String, List<RecordRow>> e : byProposal.entrySet()) {
            List<RecordRow> records = new ArrayList<>(e.getValue());
            records.sort(DECIDED);
            RecordRow closing = closing(records);
            if (closing != null) {
                Proposal proposal = closing.proposal() != null ? closing.proposal()
                        : records.stream().map(RecordRow::proposal).filter(Objects::nonNull).findFirst().orElse(null);
                closures.add(new Closure(e.getKey(), closing, proposal,
                        proposal == null ? null : proposal.createdAt()));
            }
        }
        return closures;
    }

    private static RecordRow closing(List<RecordRow> records) {
        Map<Integer, Set<String>> approvers = new HashMap<>();
        for (RecordRow row : records) {
            if (row.verdict() == Verdict.DENY || isAutomatic(row)) {
                return row;
            }
            if (row.verdict() == Verdict.APPROVE) {
                Set<String> given = approvers.computeIfAbsent(version(row), v -> new HashSet<>());
                given.add(row.reviewer());
                int required = row.context() == null ? 1 : row.context().policyBasis().approvalsRequired();
                if (given.size() >= required) {
                    return row;
                }
            }
        }
        return null;
    }

    private static int version(RecordRow row) {
        if (row.decision() != null) {
            return row.decision().proposalVersion();
        }
        return row.proposal() == null ? 0 : row.proposal().version();
    }
}
