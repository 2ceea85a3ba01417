package dev.countersign.app.records;

import dev.countersign.model.Decision;
import dev.countersign.model.Proposal;
import java.util.List;
import java.util.Locale;

/**
 * The records view's search: a row matches when every word is found, ignoring case, in one of its record id, proposal
 * id, reviewer, key id, verdict, reason code and text, target name and id, environment, action, agent id and owner,
 * intent and policy version.
 */
public final class RecordSearch {
    private RecordSearch() {}

    /** The search words of {@code text}, lower-case; empty when there are none. */
    public static List<String> words(String text) {
        String query = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return query.isEmpty() ? List.of() : List.of(query.split("\\s+"));
    }

    public static boolean matches(RecordRow row, List<String> words) {
        if (words.isEmpty()) {
            return true;
        }
        String haystack = haystack(row);
        for (String word : words) {
            if (!haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }

    static String haystack(RecordRow row) {
        StringBuilder s = new StringBuilder(256);
        add(s, row.recordId());
        add(s, row.proposalId());
        add(s, row.reviewer());
        add(s, row.record().keyId());
        add(s, row.verdict().json());
        Decision d = row.decision();
        if (d != null) {
            add(s, d.reasonCode().json());
            add(s, d.reasonText());
            add(s, d.agentId());
        }
        Proposal p = row.proposal();
        if (p != null) {
            add(s, p.target().name());
            add(s, p.target().id());
            add(s, p.environment());
            add(s, p.actionType().json());
            add(s, p.agent().id());
            add(s, p.agent().owner());
            add(s, p.intent());
        }
        PolicyVersion policy = row.policy();
        if (policy != null) {
            add(s, policy.text());
        }
        return s.toString().toLowerCase(Locale.ROOT);
    }

    private static void add(StringBuilder s, String value) {
        if (value != null) {
            s.append(value).append('\n');
        }
    }
}
