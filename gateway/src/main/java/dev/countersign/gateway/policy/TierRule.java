package dev.countersign.gateway.policy;

import dev.countersign.model.InvalidFieldException;
import dev.countersign.model.Require;
import java.util.List;

/** What a tier asks for: how many distinct approvals, which roles may decide, and whether policy auto-approves. */
public record TierRule(Integer approvalsRequired, List<String> deciders, AutoApprove autoApprove) {
    public TierRule {
        Require.present(approvalsRequired, "approvalsRequired");
        Require.atLeast(approvalsRequired, 1, "approvalsRequired");
        deciders = Require.list(deciders, "deciders");
        if (deciders.isEmpty()) {
            throw new InvalidFieldException("deciders", "must name at least one role");
        }
        Require.present(autoApprove, "autoApprove");
    }
}
