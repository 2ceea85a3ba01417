package dev.countersign.model;

/** A required field was absent or null. */
public final class MissingFieldException extends InvalidFieldException {
    public MissingFieldException(String field) {
        super(field, "is required");
    }
}
