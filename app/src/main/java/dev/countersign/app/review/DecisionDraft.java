package dev.countersign.app.review;

import dev.countersign.model.Conditions;
import dev.countersign.model.ReasonCode;
import dev.countersign.model.Verdict;

/**
 * What the reviewer chose in the decision bar, before it is bound to a nonce and signed; {@code conditions} is the
 * approval's execution window, or null.
 */
public record DecisionDraft(Verdict verdict, ReasonCode reasonCode, String reasonText, Conditions conditions) {
    public DecisionDraft(Verdict verdict, ReasonCode reasonCode, String reasonText) {
        this(verdict, reasonCode, reasonText, null);
    }
}
