package dev.countersign.app.review;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.countersign.model.ActionType;
import dev.countersign.model.AgentIdentity;
import dev.countersign.model.NhiKind;
import dev.countersign.model.ParameterChange;
import dev.countersign.model.Proposal;
import dev.countersign.model.RiskTier;
import dev.countersign.model.TargetRef;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A proposal is suspicious if any string its agent wrote is, however deep in the parameters it sits. */
class AgentTextTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Test
    void cleanTextIsNotSuspicious() {
        assertFalse(AgentText.suspicious(proposal("Rotate the dev key per the 90-day rule.", params("scope", "read"))));
    }

    @Test
    void aHiddenCharacterOrALookAlikeAnywhereMakesItSuspicious() {
        assertTrue(AgentText.suspicious(proposal("Routine.\u202E }", params("scope", "read"))), "intent");
        assertTrue(AgentText.suspicious(proposal("Routine.", params("sc\u200Bope", "read"))), "a parameter key");
        ObjectNode deep = JSON.objectNode();
        deep.putArray("subjects").addObject().put("repo", "n\u043Erthwind/infra"); // Cyrillic о
        assertTrue(AgentText.suspicious(proposal("Routine.", deep)), "a text deep in the parameters");
    }

    private static ObjectNode params(String key, String value) {
        return JSON.objectNode().put(key, value);
    }

    private static Proposal proposal(String intent, ObjectNode after) {
        Instant now = Instant.parse("2026-12-02T03:00:00Z");
        return new Proposal("prp_1", 1, new AgentIdentity("spiffe://northwind.example/agents/bot", "ops@northwind.example"),
                ActionType.ROTATE_CREDENTIAL, new TargetRef("nhi-1", "svc-dev", NhiKind.SERVICE_ACCOUNT, "aws-iam"),
                "dev", new ParameterChange(JSON.objectNode(), after), intent, RiskTier.LOW, now,
                now.plusSeconds(3600));
    }
}
