package dev.countersign.model.bundle;

import dev.countersign.model.Decision;
import java.util.List;

/**
 * The verification state of one decision record.
 *
 * @param decision     the decision the record carries, read from its payload; null when the payload is unreadable
 * @param signature    the reviewer's (or, for an automatic approval, the gateway's) signature over the record
 * @param keyEnrolled  the signing key was enrolled for the named reviewer and not revoked when the record was made
 * @param inLog        the record sits in the log at its index, with its digest, under the verified checkpoint
 * @param proposal     the proposal held has the digest the record's subject names
 * @param context      the context held has the digest the decision names
 * @param findings     what is wrong with this record, each naming the file
 */
public record RecordCheck(String recordId, long logIndex, Decision decision, State signature, State keyEnrolled,
        State inLog, State proposal, State context, List<Finding> findings) {

    public enum State {
        OK,
        /** Checked and wrong. */
        FAILED,
        /** Could not be checked: what it takes (a key, the proposal, the log) is not held. */
        UNKNOWN
    }

    public RecordCheck {
        findings = List.copyOf(findings);
    }

    /** Every check passed. */
    public boolean verified() {
        return signature == State.OK && keyEnrolled == State.OK && inLog == State.OK && proposal == State.OK
                && context == State.OK;
    }

    /** Some check failed (rather than could not be made). */
    public boolean failed() {
        return List.of(signature, keyEnrolled, inLog, proposal, context).contains(State.FAILED);
    }
}
