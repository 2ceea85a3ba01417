package dev.countersign.model;

/** An enum whose JSON spelling differs from its Java name. */
public interface JsonValue {
    String json();

    static <E extends Enum<E> & JsonValue> E parse(Class<E> type, String json) {
        for (E e : type.getEnumConstants()) {
            if (e.json().equals(json)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown " + type.getSimpleName() + " '" + json + "'");
    }
}
