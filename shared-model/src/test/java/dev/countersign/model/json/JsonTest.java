package dev.countersign.model.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.countersign.model.Proposal;
import dev.countersign.model.ProposalSubmission;
import dev.countersign.model.testing.Samples;
import org.junit.jupiter.api.Test;

class JsonTest {
    private static final String SUBMISSION = """
            {"agent":{"id":"spiffe://northwind.example/agents/bot","owner":"dana@northwind.example"},
             "actionType":"revoke_key","targetId":"nhi-1","environment":"prod",
             "parameters":{"before":{"status":"active"},"after":{"status":"revoked"}},
             "intent":"Revoke the leaked key.","expiresInMinutes":60}""";

    @Test
    void parsesAValidSubmission() {
        ProposalSubmission submission = Json.parse(SUBMISSION, ProposalSubmission.class);
        assertEquals("nhi-1", submission.targetId());
        assertEquals("revoked", submission.parameters().after().get("status").asText());
    }

    @Test
    void anUnknownFieldIsAnErrorAtItsPath() {
        String json = SUBMISSION.replace("\"owner\":", "\"riskTier\":\"low\",\"owner\":");
        JsonFormatException e = assertThrows(JsonFormatException.class, () -> Json.parse(json, ProposalSubmission.class));
        assertEquals("$.agent.riskTier", e.path());
        assertEquals("is not a known field", e.problem());
    }

    @Test
    void aMissingNestedFieldIsAnErrorAtItsPath() {
        String json = SUBMISSION.replace(",\"owner\":\"dana@northwind.example\"", "");
        JsonFormatException e = assertThrows(JsonFormatException.class, () -> Json.parse(json, ProposalSubmission.class));
        assertEquals("$.agent.owner", e.path());
        assertEquals("is required", e.problem());
    }

    @Test
    void aMissingTopLevelFieldIsAnErrorAtItsPath() {
        String json = SUBMISSION.replace("\"intent\":\"Revoke the leaked key.\",", "");
        JsonFormatException e = assertThrows(JsonFormatException.class, () -> Json.parse(json, ProposalSubmission.class));
        assertEquals("$.intent", e.path());
    }

    @Test
    void anUnknownEnumValueIsAnErrorAtItsPath() {
        String json = SUBMISSION.replace("revoke_key", "delete_everything");
        JsonFormatException e = assertThrows(JsonFormatException.class, () -> Json.parse(json, ProposalSubmission.class));
        assertEquals("$.actionType", e.path());
        assertTrue(e.problem().contains("delete_everything"), e.problem());
    }

    @Test
    void aDuplicateKeyIsRefused() {
        String json = SUBMISSION.replace("\"targetId\":\"nhi-1\"", "\"targetId\":\"nhi-1\",\"targetId\":\"nhi-2\"");
        JsonFormatException e = assertThrows(JsonFormatException.class, () -> Json.parse(json, ProposalSubmission.class));
        assertTrue(e.problem().contains("targetId"), e.problem());
    }

    @Test
    void aDuplicateKeyInsideFreeFormParametersIsRefused() {
        String json = SUBMISSION.replace("{\"status\":\"revoked\"}", "{\"status\":\"revoked\",\"status\":\"active\"}");
        assertThrows(JsonFormatException.class, () -> Json.parse(json, ProposalSubmission.class));
    }

    @Test
    void malformedJsonSaysWhereItBroke() {
        JsonFormatException e = assertThrows(JsonFormatException.class,
                () -> Json.parse("{\"agent\": {\"id\": \"x\",}", ProposalSubmission.class));
        assertEquals("$.agent", e.path());
        assertTrue(e.problem().startsWith("malformed JSON (line 1, column"), e.problem());
    }

    @Test
    void trailingContentIsRefused() {
        assertThrows(JsonFormatException.class, () -> Json.parse(SUBMISSION + " {}", ProposalSubmission.class));
    }

    @Test
    void aStringIsNotCoercedToANumber() {
        String json = SUBMISSION.replace("\"expiresInMinutes\":60", "\"expiresInMinutes\":\"60\"");
        JsonFormatException e = assertThrows(JsonFormatException.class, () -> Json.parse(json, ProposalSubmission.class));
        assertEquals("$.expiresInMinutes", e.path());
    }

    @Test
    void aNumberOrABooleanIsNotCoercedToText() {
        for (String wrong : new String[] {"7", "7.5", "true"}) {
            String json = SUBMISSION.replace("\"targetId\":\"nhi-1\"", "\"targetId\":" + wrong);
            JsonFormatException e = assertThrows(JsonFormatException.class,
                    () -> Json.parse(json, ProposalSubmission.class), wrong);
            assertEquals("$.targetId", e.path(), wrong);
        }
    }

    @Test
    void aDomainRuleBrokenInsideARecordNamesTheField() {
        ObjectNode tree = (ObjectNode) Json.toTree(Samples.proposal());
        tree.put("expiresAt", "2026-11-22T08:00:00Z");
        JsonFormatException e = assertThrows(JsonFormatException.class, () -> Json.convert(tree, Proposal.class));
        assertEquals("$.expiresAt", e.path());
        assertEquals("must be after createdAt", e.problem());
    }

    @Test
    void parametersMustBeObjects() {
        String json = SUBMISSION.replace("{\"status\":\"active\"}", "[\"active\"]");
        JsonFormatException e = assertThrows(JsonFormatException.class, () -> Json.parse(json, ProposalSubmission.class));
        assertEquals("$.parameters.before", e.path());
    }
}
