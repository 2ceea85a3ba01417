package dev.countersign.gateway.admin;

import dev.countersign.model.ActionType;
import dev.countersign.model.api.DecisionRights;
import dev.countersign.model.api.ReviewerView;
import java.io.PrintWriter;

/** Plain-text lines for the admin commands' output. */
final class ReviewerTexts {
    private ReviewerTexts() {}

    static String rights(DecisionRights rights) {
        if (rights == null) {
            return "none";
        }
        return "tiers up to " + rights.maxTier().json()
                + "; action types " + (rights.allActionTypes() ? "all"
                        : String.join(", ", rights.actionTypes().stream().map(ActionType::json).toList()))
                + "; environments " + (rights.allEnvironments() ? "all" : String.join(", ", rights.environments()));
    }

    static void print(ReviewerView r, PrintWriter out) {
        out.println(r.reviewer() + " (" + r.displayName() + ")");
        out.println("  roles:  " + (r.roles().isEmpty() ? "none" : String.join(", ", r.roles())));
        out.println("  rights: " + rights(r.rights()));
        for (ReviewerView.Key k : r.keys()) {
            out.println("  key " + k.keyId() + " " + k.algorithm() + " enrolled " + k.enrolledAt()
                    + (k.revokedAt() == null ? "" : " REVOKED " + k.revokedAt()));
        }
    }
}
