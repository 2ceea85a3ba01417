package dev.countersign.model.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.model.ActionType;
import dev.countersign.model.RiskTier;
import dev.countersign.model.json.Json;
import dev.countersign.model.json.JsonFormatException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionRightsTest {
    @Test
    void absentListsMeanAllAndEmptyListsMeanNone() {
        DecisionRights all = Json.parse("{\"maxTier\":\"high\"}", DecisionRights.class);
        assertTrue(all.coversActionType(ActionType.REVOKE_KEY));
        assertTrue(all.coversEnvironment("prod"));
        assertTrue(all.coversTier(RiskTier.HIGH));
        assertFalse(all.coversTier(RiskTier.CRITICAL));
        assertEquals("{\"maxTier\":\"high\"}", Json.string(all));

        DecisionRights none = Json.parse("{\"actionTypes\":[],\"environments\":[],\"maxTier\":\"critical\"}",
                DecisionRights.class);
        assertFalse(none.coversActionType(ActionType.ROTATE_CREDENTIAL));
        assertFalse(none.coversEnvironment("dev"));
    }

    @Test
    void anEnrollmentWithoutRightsStillParsesAndMaxTierIsRequired() {
        EnrollmentRequest request = Json.parse("{\"reviewer\":\"a@x\",\"displayName\":\"A\",\"roles\":[\"sre\"],"
                + "\"publicKey\":\"AAAA\"}", EnrollmentRequest.class);
        assertNull(request.rights());
        EnrollmentRequest with = Json.parse("{\"reviewer\":\"a@x\",\"displayName\":\"A\",\"roles\":[],"
                + "\"publicKey\":\"AAAA\",\"rights\":{\"environments\":[\"prod\"],\"maxTier\":\"low\"}}",
                EnrollmentRequest.class);
        assertEquals(List.of("prod"), with.rights().environments());
        JsonFormatException e = assertThrows(JsonFormatException.class, () -> Json.parse("{\"reviewer\":\"a@x\","
                + "\"displayName\":\"A\",\"roles\":[],\"publicKey\":\"AAAA\",\"rights\":{}}", EnrollmentRequest.class));
        assertEquals("$.rights.maxTier", e.path());
    }
}
