package dev.countersign.model;

import java.time.Instant;

/** An execution window attached to an approval: the action may run only between these instants. */
public record Conditions(Instant notBefore, Instant notAfter) {
    public Conditions {
        Require.present(notBefore, "notBefore");
        Require.present(notAfter, "notAfter");
        if (!notAfter.isAfter(notBefore)) {
            throw new InvalidFieldException("notAfter", "must be after notBefore");
        }
    }
}
