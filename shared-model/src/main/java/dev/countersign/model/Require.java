package dev.countersign.model;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Guards for record components; a failure names the field so a JSON error can point at it. */
public final class Require {
    private Require() {}

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new MissingFieldException(field);
        }
        return value;
    }

    public static String text(String value, String field) {
        present(value, field);
        if (value.isBlank()) {
            throw new InvalidFieldException(field, "must not be blank");
        }
        return value;
    }

    public static int atLeast(int value, int min, String field) {
        if (value < min) {
            throw new InvalidFieldException(field, "must be at least " + min + " but was " + value);
        }
        return value;
    }

    public static <T> List<T> list(List<T> value, String field) {
        return List.copyOf(present(value, field));
    }

    public static <K, V> Map<K, V> map(Map<K, V> value, String field) {
        return Map.copyOf(present(value, field));
    }

    public static <T> List<T> listOrEmpty(Collection<T> value) {
        return value == null ? List.of() : List.copyOf(value);
    }
}
