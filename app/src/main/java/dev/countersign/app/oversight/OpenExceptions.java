package dev.countersign.app.oversight;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countersign.app.oversight.OversightFigures.OpenException;
import dev.countersign.model.ActionType;
import dev.countersign.model.Conditions;
import dev.countersign.model.Decision;
import dev.countersign.model.Proposal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Temporary exceptions still open at a given instant: proposals to grant a temporary exception that were approved
 * (their closing record is an approval made by then) and have not ended. An exception ends at the approval's
 * execution window's {@code notAfter}; without a window, at the latest {@code notAfter} found anywhere in the
 * proposal's requested state ({@code parameters.after}); with neither, it has no known end and stays open (an
 * exception nobody bounded is the kind oversight must see). Its age runs from the approval.
 */
final class OpenExceptions {
    private OpenExceptions() {}

    static List<OpenException> of(List<Closure> closures, Instant now) {
        List<OpenException> open = new ArrayList<>();
        for (Closure c : closures) {
            Proposal proposal = c.proposal();
            if (!c.approved() || proposal == null || proposal.actionType() != ActionType.GRANT_TEMPORARY_EXCEPTION) {
                continue;
            }
            Instant approvedAt = c.closing().decidedAt();
            if (approvedAt.isAfter(now)) {
                continue;
            }
            Instant end = end(c.closing().decision(), c.closing().proposal() != null ? c.closing().proposal()
                    : proposal);
            if (end == null || end.isAfter(now)) {
                open.add(new OpenException(c.closing(), approvedAt, end, Duration.between(approvedAt, now)));
            }
        }
        open.sort(Comparator.comparing(OpenException::approvedAt));
        return open;
    }

    /** When the exception ends, or null if nothing says. */
    static Instant end(Decision approval, Proposal proposal) {
        Conditions window = approval == null ? null : approval.conditions();
        if (window != null) {
            return window.notAfter();
        }
        return latestNotAfter(proposal.parameters().after());
    }

    /** The latest instant in a field named {@code notAfter} at any depth; unreadable values are passed over. */
    static Instant latestNotAfter(JsonNode node) {
        Instant latest = null;
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                Instant found = "notAfter".equals(field.getKey()) && field.getValue().isTextual()
                        ? instant(field.getValue().asText()) : latestNotAfter(field.getValue());
                latest = later(latest, found);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                latest = later(latest, latestNotAfter(element));
            }
        }
        return latest;
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
