package dev.countersign.gateway.demo;

/** The demo world on the classpath is missing or invalid. */
public final class DemoDataException extends Exception {
    public DemoDataException(String message) {
        super(message);
    }

    public DemoDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
