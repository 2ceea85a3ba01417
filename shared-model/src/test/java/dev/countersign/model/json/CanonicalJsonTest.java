package dev.countersign.model.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.countersign.model.Proposal;
import dev.countersign.model.testing.Samples;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    private static String canonical(String json) {
        return new String(CanonicalJson.bytes(Samples.json(json)), StandardCharsets.UTF_8);
    }

    @Test
    void sortsMembersByUtf16CodeUnitsAsRfc8785Section323() {
        // The property names of RFC 8785 section 3.2.3, in the order the RFC gives as sorted.
        String input = "{\"\\u20ac\":\"Euro Sign\",\"\\r\":\"Carriage Return\",\"\\ufb33\":\"Hebrew Letter Dalet With Dagesh\","
                + "\"1\":\"One\",\"\\ud83d\\ude00\":\"Emoji: Grinning Face\",\"\\u0080\":\"Control\",\"\\u00f6\":\"Latin Small Letter O With Diaeresis\"}";
        String expected = "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}";
        assertEquals(expected, canonical(input));
    }

    @Test
    void escapesStringsAsRfc8785Section324() {
        // The "string" and "literals" members of the RFC 8785 section 3.2.2 example.
        String input = "{\"string\":\"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\"literals\":[null,true,false]}";
        assertEquals("{\"literals\":[null,true,false],\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}", canonical(input));
    }

    @Test
    void dropsInsignificantWhitespaceAndKeepsArrayOrder() {
        assertEquals("{\"a\":[3,1,2],\"b\":{\"c\":true}}", canonical(" { \"b\" : { \"c\" : true } ,\n \"a\" : [ 3 , 1 , 2 ] } "));
    }

    @Test
    void writesIntegersPlainlyIncludingIntegralDecimals() {
        assertEquals("[0,-7,9007199254740991,100]", canonical("[0,-7,9007199254740991,1E2]"));
    }

    @Test
    void refusesFractionsAndUnsafeIntegersNamingThePath() {
        JsonFormatException fraction = assertThrows(JsonFormatException.class, () -> canonical("{\"a\":{\"b\":[1,2.5]}}"));
        assertEquals("$.a.b[1]", fraction.path());
        JsonFormatException big = assertThrows(JsonFormatException.class, () -> canonical("{\"n\":9007199254740992}"));
        assertEquals("$.n", big.path());
        // Parsed as a double these would silently become 1 and Infinity; parsed exactly they are refused.
        assertEquals("$.p", assertThrows(JsonFormatException.class, () -> canonical("{\"p\":1.00000000000000001}")).path());
        assertEquals("$.h", assertThrows(JsonFormatException.class, () -> canonical("{\"h\":1e400}")).path());
        assertEquals("$.h", assertThrows(JsonFormatException.class, () -> canonical("{\"h\":1e999999999}")).path());
    }

    @Test
    void refusesUnpairedSurrogates() {
        assertThrows(JsonFormatException.class, () -> canonical("{\"s\":\"\\ud800x\"}"));
    }

    @Test
    void sampleProposalMatchesItsGoldenCanonicalBytes() throws IOException {
        Proposal proposal = Samples.proposal();
        byte[] expected = golden("proposal.canonical.json");
        assertArrayEquals(expected, CanonicalJson.bytes(proposal), new String(CanonicalJson.bytes(proposal), StandardCharsets.UTF_8));
        assertEquals(new String(golden("proposal.sha256"), StandardCharsets.US_ASCII).strip(), Digests.canonicalSha256(proposal));
    }

    @Test
    void canonicalBytesSurviveAParseRoundTrip() {
        Proposal proposal = Samples.proposal();
        byte[] canonical = CanonicalJson.bytes(proposal);
        Proposal reparsed = Json.parse(canonical, Proposal.class);
        assertEquals(proposal, reparsed);
        assertArrayEquals(canonical, CanonicalJson.bytes(reparsed));
    }

    static byte[] golden(String name) throws IOException {
        try (InputStream in = CanonicalJsonTest.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new IOException("missing golden file " + name);
            }
            return in.readAllBytes();
        }
    }
}
