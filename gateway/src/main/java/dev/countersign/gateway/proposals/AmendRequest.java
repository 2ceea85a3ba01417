package dev.countersign.gateway.proposals;

import dev.countersign.model.ParameterChange;
import dev.countersign.model.Require;

/** An admin's amendment of a pending proposal: new parameters and, optionally, new intent text. */
public record AmendRequest(ParameterChange parameters, String intent) {
    public AmendRequest {
        Require.present(parameters, "parameters");
        if (intent != null) {
            Require.text(intent, "intent");
        }
    }
}
