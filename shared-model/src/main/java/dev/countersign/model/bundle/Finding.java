package dev.countersign.model.bundle;

/**
 * One problem found while checking evidence, named where it is: the file inside the bundle (null for the bundle as a
 * whole) and the record it concerns (null when it concerns no single record). {@code code} is stable (for tests, the
 * JSON report and translations); {@code message} says it in English, with the specifics.
 */
public record Finding(Severity severity, String file, String recordId, String code, String message) {
    public enum Severity {
        /** The evidence does not prove what it claims: the bundle is invalid. */
        ERROR,
        /** Worth a look, but nothing proven is contradicted (an unpinned gateway key, say). */
        WARNING
    }

    public static Finding error(String file, String recordId, String code, String message) {
        return new Finding(Severity.ERROR, file, recordId, code, message);
    }

    public static Finding warning(String file, String recordId, String code, String message) {
        return new Finding(Severity.WARNING, file, recordId, code, message);
    }
}
