package dev.countersign.gateway.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countersign.gateway.inventory.Inventory;
import dev.countersign.gateway.policy.Policy;
import dev.countersign.model.ProposalSubmission;
import dev.countersign.model.json.Json;
import dev.countersign.model.json.JsonFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo world on the classpath under {@code /demo}: inventory.json, policy.json and proposals.json (an array of
 * proposal submissions), all parsed strictly.
 */
public record DemoWorld(Inventory inventory, Policy policy, List<ProposalSubmission> proposals) {
    /** Loads the demo world; the message of a failure names the file and the JSON path. */
    public static DemoWorld load() throws DemoDataException {
        Inventory inventory = read("inventory.json", Inventory::parse);
        Policy policy = read("policy.json", Policy::parse);
        List<ProposalSubmission> proposals = read("proposals.json", DemoWorld::submissions);
        return new DemoWorld(inventory, policy, List.copyOf(proposals));
    }

    private static List<ProposalSubmission> submissions(byte[] bytes) {
        JsonNode array = Json.tree(bytes);
        if (!array.isArray()) {
            throw new JsonFormatException("$", "must be an array of proposal submissions");
        }
        List<ProposalSubmission> submissions = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            try {
                submissions.add(Json.convert(array.get(i), ProposalSubmission.class));
            } catch (JsonFormatException e) {
                throw new JsonFormatException("$[" + i + "]" + e.path().substring(1), e.problem(), e);
            }
        }
        return submissions;
    }

    private interface Parser<T> {
        T parse(byte[] bytes);
    }

    private static <T> T read(String name, Parser<T> parser) throws DemoDataException {
        String resource = "/demo/" + name;
        try (InputStream in = DemoWorld.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new DemoDataException("The demo file " + resource + " is missing from the gateway's classpath.");
            }
            return parser.parse(in.readAllBytes());
        } catch (IOException e) {
            throw new DemoDataException("The demo file " + resource + " could not be read: " + e.getMessage(), e);
        } catch (JsonFormatException e) {
            throw new DemoDataException("The demo file " + resource + " is invalid at " + e.getMessage(), e);
        }
    }
}
