package dev.countersign.app.review;

import dev.countersign.model.ReasonCode;
import dev.countersign.model.Verdict;

/** What the reviewer chose in the decision bar, before it is bound to a nonce and signed. */
public record DecisionDraft(Verdict verdict, ReasonCode reasonCode, String reasonText) {}
