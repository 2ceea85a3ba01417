package dev.countersign.model.api;

import dev.countersign.model.Require;
import java.util.List;

/** Every enrolled reviewer, with keys (revoked ones too), roles and rights. */
public record ReviewerList(List<ReviewerView> reviewers) {
    public ReviewerList {
        reviewers = Require.list(reviewers, "reviewers");
    }
}
