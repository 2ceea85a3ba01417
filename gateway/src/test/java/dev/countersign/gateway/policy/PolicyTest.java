package dev.countersign.gateway.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.countersign.gateway.inventory.Privilege;
import dev.countersign.model.ActionType;
import dev.countersign.model.Criticality;
import dev.countersign.model.DependentWorkload;
import dev.countersign.model.Failover;
import dev.countersign.model.MatchedRule;
import dev.countersign.model.NhiKind;
import dev.countersign.model.PolicyBasis;
import dev.countersign.model.PolicyOutcome;
import dev.countersign.model.RiskTier;
import dev.countersign.model.json.JsonFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyTest {
    private static String testPolicy() {
        try (InputStream in = PolicyTest.class.getResourceAsStream("/test-world/policy.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Policy parse(String json) {
        return Policy.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static DependentWorkload workload(String id, Criticality criticality, Failover failover) {
        return new DependentWorkload(id, id, "o", "prod", criticality, failover, Instant.EPOCH, 1);
    }

    @Test
    void theHighestMatchingTierWins() {
        Policy policy = parse(testPolicy());
        List<DependentWorkload> four = List.of(workload("a", Criticality.CRITICAL, Failover.NONE),
                workload("b", Criticality.LOW, Failover.FULL), workload("c", Criticality.HIGH, Failover.FULL),
                workload("d", Criticality.LOW, Failover.FULL));
        PolicyBasis basis = policy.evaluate(new PolicyFacts(ActionType.REVOKE_KEY, "prod",
                NhiKind.SERVICE_ACCOUNT, Privilege.HIGH, four));
        assertEquals(RiskTier.CRITICAL, basis.tier());
        assertEquals(List.of("prod-high-priv", "wide-no-failover"),
                basis.matchedRules().stream().map(MatchedRule::id).toList());
        assertEquals(2, basis.approvalsRequired());
        assertEquals(PolicyOutcome.NEEDS_REVIEW, basis.outcome());
        assertEquals("7", basis.policyVersion());
    }

    @Test
    void noMatchingRuleMeansTheDefaultTier() {
        PolicyBasis basis = parse(testPolicy()).evaluate(new PolicyFacts(ActionType.ROTATE_CREDENTIAL, "dev",
                NhiKind.API_KEY, Privilege.LOW, List.of()));
        assertEquals(RiskTier.LOW, basis.tier());
        assertEquals(List.of(), basis.matchedRules());
        assertEquals(List.of("sre"), basis.deciders());
    }

    private static Policy withLowAutoApprove(String thresholds) {
        return parse(testPolicy().replace(
                "\"low\": {\"approvalsRequired\": 1, \"deciders\": [\"sre\"], \"autoApprove\": false}",
                "\"low\": {\"approvalsRequired\": 1, \"deciders\": [\"sre\"], \"autoApprove\": " + thresholds + "}"));
    }

    @Test
    void aLowTierInsideEveryAutoApproveThresholdIsReportedAsSuch() {
        Policy policy = withLowAutoApprove("{\"environments\": [\"dev\"], \"maxWorkloads\": 1,"
                + " \"maxCriticalWorkloads\": 0, \"requireAllFailover\": true}");
        PolicyFacts inside = new PolicyFacts(ActionType.ROTATE_CREDENTIAL, "dev", NhiKind.API_KEY, Privilege.LOW,
                List.of(workload("a", Criticality.LOW, Failover.FULL)));
        assertEquals(PolicyOutcome.AUTO_APPROVE, policy.evaluate(inside).outcome());
        assertEquals(PolicyOutcome.NEEDS_REVIEW, policy.evaluate(new PolicyFacts(ActionType.ROTATE_CREDENTIAL,
                "staging", NhiKind.API_KEY, Privilege.LOW, inside.affected())).outcome());
        assertEquals(PolicyOutcome.NEEDS_REVIEW, policy.evaluate(new PolicyFacts(ActionType.ROTATE_CREDENTIAL,
                "dev", NhiKind.API_KEY, Privilege.LOW, List.of(workload("a", Criticality.LOW, Failover.FULL),
                        workload("b", Criticality.LOW, Failover.FULL)))).outcome());
        assertEquals(PolicyOutcome.NEEDS_REVIEW, policy.evaluate(new PolicyFacts(ActionType.ROTATE_CREDENTIAL,
                "dev", NhiKind.API_KEY, Privilege.LOW, List.of(workload("a", Criticality.CRITICAL, Failover.FULL))))
                .outcome());
        assertEquals(PolicyOutcome.NEEDS_REVIEW, policy.evaluate(new PolicyFacts(ActionType.ROTATE_CREDENTIAL,
                "dev", NhiKind.API_KEY, Privilege.LOW, List.of(workload("a", Criticality.LOW, Failover.NONE))))
                .outcome());
        assertEquals(policy, parse(dev.countersign.model.json.Json.string(policy)), "stored and read back");
    }

    @Test
    void autoApproveMustNameItsThresholdsAndOnlyTheLowTierMayHaveThem() {
        assertThrows(JsonFormatException.class, () -> withLowAutoApprove("true"));
        assertThrows(JsonFormatException.class, () -> withLowAutoApprove("{\"maxWorkload\": 1}"));
        assertThrows(JsonFormatException.class, () -> withLowAutoApprove("{\"maxWorkloads\": -1}"));
        assertThrows(JsonFormatException.class, () -> parse(testPolicy().replace(
                "\"medium\": {\"approvalsRequired\": 1, \"deciders\": [\"platform-security\"], \"autoApprove\": false}",
                "\"medium\": {\"approvalsRequired\": 1, \"deciders\": [\"platform-security\"], \"autoApprove\":"
                        + " {\"maxWorkloads\": 1}}")));
    }

    @Test
    void anyWithoutFailoverFalseMatchesOnlyWhenEveryWorkloadHasFailover() {
        RuleMatch match = new RuleMatch(null, null, null, null, null, null, false);
        assertEquals(true, match.matches(new PolicyFacts(ActionType.REVOKE_KEY, "prod", NhiKind.API_KEY,
                Privilege.LOW, List.of(workload("a", Criticality.LOW, Failover.FULL)))));
        assertEquals(false, match.matches(new PolicyFacts(ActionType.REVOKE_KEY, "prod", NhiKind.API_KEY,
                Privilege.LOW, List.of(workload("a", Criticality.LOW, Failover.NONE)))));
    }

    @Test
    void parsingIsStrictAndNamesThePath() {
        String policy = testPolicy();
        assertEquals("$.rules[0].match.colour", assertThrows(JsonFormatException.class, () -> parse(
                policy.replace("\"targetPrivileges\": [\"high\"]", "\"targetPrivileges\": [\"high\"], \"colour\": 1"))).path());
        assertEquals("$.tiers.critical", assertThrows(JsonFormatException.class, () -> parse(
                policy.replaceAll(",\\s*\"critical\": \\{[^}]*}", ""))).path());
        assertEquals("$.rules[0].match.actionTypes[0]", assertThrows(JsonFormatException.class, () -> parse(
                policy.replace("\"environments\": [\"prod\"], \"targetPrivileges\"",
                        "\"actionTypes\": [\"launch_rocket\"], \"environments\": [\"prod\"], \"targetPrivileges\""))).path());
        assertEquals("$.rules[0].match.environments", assertThrows(JsonFormatException.class, () -> parse(
                policy.replace("\"environments\": [\"prod\"], \"targetPrivileges\"",
                        "\"environments\": [], \"targetPrivileges\""))).path());
        assertEquals("$.rules[1].id", assertThrows(JsonFormatException.class, () -> parse(
                policy.replace("\"wide-no-failover\"", "\"prod-high-priv\""))).path());
    }

    @Test
    void theBuiltInPolicyParses() {
        assertEquals("countersign-default", PolicyService.builtIn().id());
    }
}
