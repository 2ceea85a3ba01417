package dev.countersign.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.model.ActionType;
import dev.countersign.model.Criticality;
import dev.countersign.model.Failover;
import dev.countersign.model.JsonValue;
import dev.countersign.model.NhiKind;
import dev.countersign.model.PolicyOutcome;
import dev.countersign.model.ProposalStatus;
import dev.countersign.model.ReasonCode;
import dev.countersign.model.RiskTier;
import dev.countersign.model.Severity;
import java.text.MessageFormat;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Every enum value the console shows has words, and every pattern is a valid MessageFormat. */
class MessagesTest {
    private final Messages messages = Messages.load(Locale.ENGLISH);

    @Test
    void everyShownEnumValueHasText() {
        check("action.", ActionType.values());
        check("kind.", NhiKind.values());
        check("tier.", RiskTier.values());
        check("criticality.", Criticality.values());
        check("failover.", Failover.values());
        check("severity.", Severity.values());
        check("status.", ProposalStatus.values());
        check("outcome.", PolicyOutcome.values());
        check("reason.", ReasonCode.values());
    }

    @Test
    void everyPatternParsesAndNoneUsesAStraightApostrophe() {
        for (String key : Collections.list(messages.bundle().getKeys())) {
            String pattern = messages.get(key);
            new MessageFormat(pattern, Locale.ENGLISH); // throws on a malformed pattern
            assertFalse(pattern.contains("'"), key + " uses ' which MessageFormat swallows; write ’");
        }
    }

    @Test
    void formatsArguments() {
        assertEquals("1 of 2 approvals", messages.format("status.partial", 1, 2));
    }

    private void check(String prefix, JsonValue... values) {
        for (JsonValue value : List.of(values)) {
            assertTrue(messages.has(prefix + value.json()), "missing " + prefix + value.json());
        }
    }
}
