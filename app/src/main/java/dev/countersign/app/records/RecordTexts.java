package dev.countersign.app.records;

import dev.countersign.app.common.Messages;
import dev.countersign.app.common.TimeTexts;
import dev.countersign.model.ActionType;
import dev.countersign.model.ReasonCode;
import dev.countersign.model.RiskTier;
import dev.countersign.model.Verdict;
import dev.countersign.model.bundle.RecordCheck;
import java.time.Instant;

/** The words the records view uses for a record's fields and checks. */
public final class RecordTexts {
    /** The three checks the table shows, in its order. */
    public enum Check { SIGNATURE, KEY_ENROLLED, IN_LOG, PROPOSAL, CONTEXT;

        public String key() {
            return switch (this) {
                case SIGNATURE -> "signature";
                case KEY_ENROLLED -> "keyEnrolled";
                case IN_LOG -> "inLog";
                case PROPOSAL -> "proposal";
                case CONTEXT -> "context";
            };
        }

        public RecordCheck.State of(RecordRow row) {
            return switch (this) {
                case SIGNATURE -> row.signature();
                case KEY_ENROLLED -> row.keyEnrolled();
                case IN_LOG -> row.inLog();
                case PROPOSAL -> row.check() == null ? RecordCheck.State.UNKNOWN : row.check().proposal();
                case CONTEXT -> row.check() == null ? RecordCheck.State.UNKNOWN : row.check().context();
            };
        }
    }

    private final Messages messages;
    private final TimeTexts time;

    private final java.time.ZoneId zone;

    public RecordTexts(Messages messages, TimeTexts time, java.time.ZoneId zone) {
        this.messages = messages;
        this.time = time;
        this.zone = zone;
    }

    public Messages messages() {
        return messages;
    }

    public TimeTexts time() {
        return time;
    }

    /** "Approved", "Denied", "Escalated". */
    public String verdict(Verdict verdict) {
        return messages.get("records.verdict." + verdict.json());
    }

    public String action(ActionType action) {
        return action == null ? messages.get("records.notHeld") : messages.get("action." + action.json());
    }

    public String tier(RiskTier tier) {
        return tier == null ? messages.get("records.notHeld") : messages.get("tier." + tier.json());
    }

    public String reason(ReasonCode code) {
        return messages.get("reason." + code.json());
    }

    /** "OK", "failed", "unknown". */
    public String state(RecordCheck.State state) {
        return messages.get("records.state." + state.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** The check's short name for the table ("Sig", "Key", "Log"). */
    public String checkShort(Check check) {
        return messages.get("records.check.short." + check.key());
    }

    /** The check's full name ("Signature", "Key enrolled at the time", "Position in the log"…). */
    public String checkName(Check check) {
        return messages.get("records.check." + check.key());
    }

    /** "Signature: OK" */
    public String checkLine(Check check, RecordCheck.State state) {
        return messages.format("records.check.line", checkName(check), state(state));
    }

    /** The three checks of the table in one sentence, for its tooltip and screen readers. */
    public String verification(RecordRow row) {
        return messages.format("records.verification.a11y", state(row.signature()), state(row.keyEnrolled()),
                state(row.inLog()));
    }

    public String policy(PolicyVersion policy) {
        return policy == null ? messages.get("records.notHeld") : policy.text();
    }

    /** A short date and time for the table ("11/30/26, 6:33 PM"); the detail gives the long form. */
    public String shortDateTime(Instant instant) {
        return instant == null ? "" : java.time.format.DateTimeFormatter.ofLocalizedDateTime(
                java.time.format.FormatStyle.SHORT).withZone(zone).withLocale(messages.locale()).format(instant);
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : time.localDateTime(instant);
    }
}
