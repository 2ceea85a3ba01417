package dev.countersign.app.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.countersign.app.common.UntrustedText;
import dev.countersign.gateway.demo.DemoWorld;
import dev.countersign.model.ProposalSubmission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Over every demo proposal's agent-written text (intent, agent, every parameter key and value): only the three
 * planted attacks are flagged; the other proposals' realistic text (ARNs, cron lines, URLs, emails) is not.
 */
class UntrustedDemoTextTest {

    @Test
    void onlyThePlantedAttacksAreFlagged() throws Exception {
        Set<String> flagged = new TreeSet<>();
        for (ProposalSubmission s : DemoWorld.load().proposals()) {
            List<UntrustedText.Revealed> all = new ArrayList<>();
            all.add(UntrustedText.reveal(s.intent()));
            all.add(UntrustedText.reveal(s.agent().id()));
            all.add(UntrustedText.reveal(s.agent().owner()));
            all.add(UntrustedText.reveal(s.environment()));
            ParameterDiff diff = ParameterDiff.of(s.parameters().before(), s.parameters().after());
            for (ParameterDiff.Line line : diff.lines()) {
                all.add(UntrustedText.reveal(line.key()));
                if (line.before() != null) {
                    all.add(UntrustedText.reveal(line.before()));
                }
                if (line.after() != null) {
                    all.add(UntrustedText.reveal(line.after()));
                }
            }
            if (all.stream().anyMatch(UntrustedText.Revealed::suspicious)) {
                flagged.add(s.targetId() + " " + s.actionType().json());
            }
        }
        assertEquals(Set.of("nhi-aws-terraform-ci-prod change_permissions",
                "nhi-okta-scim-prod rotate_credential",
                "nhi-okta-svc-payments-ops-prod change_permissions"), flagged);
    }
}
