package dev.countersign.app.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.app.common.Messages;
import dev.countersign.model.Verdict;
import dev.countersign.model.bundle.Finding;
import dev.countersign.model.bundle.RecordCheck;
import dev.countersign.model.bundle.RecordCheck.State;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The bundle window's texts built from a prefix and a value exist, and a record's state is said in words. */
class BundleTextsTest {
    final Messages messages = Messages.load(Locale.ENGLISH);

    @Test
    void keysBuiltAtRunTimeExist() {
        for (Verdict v : Verdict.values()) {
            assertTrue(messages.has("bundle.records.verdict." + v.json()), v.json());
        }
        for (Finding.Severity s : Finding.Severity.values()) {
            assertTrue(messages.has("bundle.severity." + s.name().toLowerCase(Locale.ROOT)), s.name());
        }
        for (String check : List.of("signature", "keyEnrolled", "inLog", "proposal", "context")) {
            assertTrue(messages.has("bundle.check." + check), check);
        }
    }

    @Test
    void aRecordsStateNamesWhatFailedOrCouldNotBeChecked() {
        assertEquals("Verified", BundleRecordsView.state(check(State.OK, State.OK, State.OK), messages));
        assertEquals("Failed: signature, place in the log",
                BundleRecordsView.state(check(State.FAILED, State.FAILED, State.UNKNOWN), messages));
        assertEquals("Could not be checked: context", BundleRecordsView.state(check(State.OK, State.OK,
                State.UNKNOWN), messages));
        assertEquals("Not checked", BundleRecordsView.state(null, messages));
    }

    @Test
    void theVerdictsCountProblemsAndWarnings() {
        assertEquals("Valid: every file and every record verified.", messages.format("bundle.verdict.valid", 0));
        assertEquals("Invalid: 3 problems found, and one warning. See the findings below.",
                messages.format("bundle.verdict.invalid", 3, 1));
        assertEquals("Invalid: one problem found. See the findings below.",
                messages.format("bundle.verdict.invalid", 1, 0));
        assertEquals("Export one decision record", messages.format("export.heading", 1));
        assertEquals("evidence-2026-12-02-12000-records.csbundle",
                messages.format("export.defaultName", "2026-12-02", 12000));
    }

    private static RecordCheck check(State signature, State inLog, State context) {
        return new RecordCheck("rec_1", 1, null, signature, State.OK, inLog, State.OK, context, List.of());
    }
}
