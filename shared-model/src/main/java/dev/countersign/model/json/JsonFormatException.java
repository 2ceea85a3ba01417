package dev.countersign.model.json;

/**
 * JSON that cannot be accepted: malformed, of the wrong shape, or breaking a rule of the domain. The path says where
 * (JSONPath-like, {@code $} is the document), so the message can be shown to whoever sent it.
 */
public final class JsonFormatException extends RuntimeException {
    private final String path;
    private final String problem;

    public JsonFormatException(String path, String problem, Throwable cause) {
        super(path + ": " + problem, cause);
        this.path = path;
        this.problem = problem;
    }

    public JsonFormatException(String path, String problem) {
        this(path, problem, null);
    }

    public String path() {
        return path;
    }

    public String problem() {
        return problem;
    }
}
