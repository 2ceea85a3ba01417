package dev.countersign.app.report;

import dev.countersign.app.common.Messages;
import dev.countersign.model.JsonValue;
import dev.countersign.model.Verdict;
import dev.countersign.model.bundle.RecordCheck;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The words both reports share: states, verdicts, enum names, and times (always UTC, to the second). */
final class ReportTexts {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SHORT_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Messages messages;

    ReportTexts(Messages messages) {
        this.messages = messages;
    }

    String get(String key) {
        return messages.get(key);
    }

    String format(String key, Object... args) {
        return messages.format(key, args);
    }

    String time(Instant instant) {
        return instant == null ? get("report.unknown") : TIME.format(instant);
    }

    String shortTime(Instant instant) {
        return instant == null ? get("report.unknown") : SHORT_TIME.format(instant);
    }

    String date(LocalDate date) {
        return date.toString();
    }

    /** OK, FAILED or UNKNOWN, in words that do not depend on colour. */
    String state(RecordCheck.State state) {
        return get("report.state." + (state == null ? "unknown" : state.name().toLowerCase(Locale.ROOT)));
    }

    String verdict(Verdict verdict) {
        return get("report.verdict." + verdict.json());
    }

    /** The bundle's existing label for an enum value ({@code tier.critical}, {@code action.revoke_key}…). */
    String named(String prefix, JsonValue value) {
        String key = prefix + "." + value.json();
        return messages.has(key) ? get(key) : value.json();
    }

    /** verified, FAILED or incomplete: a record's checks in one word. */
    String recordState(RecordCheck check) {
        if (check == null) {
            return get("report.record.incomplete");
        }
        return get(check.failed() ? "report.record.failed" : check.verified() ? "report.record.verified"
                : "report.record.incomplete");
    }

    String upper(String text) {
        return text.toUpperCase(messages.locale());
    }
}
