package dev.countersign.app.review;

import dev.countersign.app.common.Messages;
import dev.countersign.app.common.UntrustedText;
import dev.countersign.model.Proposal;
import dev.countersign.model.RiskTier;
import dev.countersign.model.Verdict;

/**
 * Friction in proportion to risk: approving a high or critical change needs the target's name typed, exactly as the
 * platform's inventory names it (no trimming, no case folding, no normalising: a look-alike is not the name). Denying
 * never needs it — denying is the safe direction.
 *
 * <p>A target whose name hides characters (bidi controls, zero-width characters) or has look-alike letters cannot be
 * confirmed by typing: a person cannot type what they cannot see, and typing a revealed form such as ⟦U+202E⟧ would
 * confirm nothing. Such a high or critical approval is refused outright, with the reason; the reviewer may deny it,
 * or have the inventory entry fixed first.
 */
public final class TypedConfirmation {
    private TypedConfirmation() {}

    /** Whether this verdict on this proposal needs the target's name typed. */
    public static boolean required(Proposal proposal, Verdict verdict) {
        return verdict == Verdict.APPROVE && proposal.riskTier().compareTo(RiskTier.HIGH) >= 0;
    }

    /** Why the typed name does not confirm the approval, in words; empty when it does (or none is needed). */
    public static String check(Messages messages, Proposal proposal, Verdict verdict, String typed) {
        if (!required(proposal, verdict)) {
            return "";
        }
        String name = proposal.target().name();
        UntrustedText.Revealed revealed = UntrustedText.reveal(name);
        if (revealed.suspicious()) {
            return messages.format("confirm.blocked.untypeable", revealed.text(),
                    revealed.hiddenCount() + revealed.lookalikeCount());
        }
        if (typed == null || typed.isEmpty()) {
            return messages.format("confirm.blocked.empty", name);
        }
        if (typed.equals(name)) {
            return "";
        }
        if (UntrustedText.reveal(typed).suspicious()) {
            return messages.format("confirm.blocked.lookalike", name);
        }
        return messages.format("confirm.blocked.mismatch", name);
    }

    /** The hint next to the field: what to type, or why it cannot be typed. */
    public static String hint(Messages messages, Proposal proposal) {
        UntrustedText.Revealed revealed = UntrustedText.reveal(proposal.target().name());
        return revealed.suspicious() ? messages.format("confirm.hint.untypeable", revealed.text())
                : messages.format("confirm.hint", proposal.target().name(),
                        messages.get("tier." + proposal.riskTier().json()));
    }
}
