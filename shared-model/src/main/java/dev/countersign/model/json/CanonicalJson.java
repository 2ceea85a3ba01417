package dev.countersign.model.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * RFC 8785 (JSON Canonicalization Scheme) for the values Countersign signs.
 *
 * <p>Object members are sorted by the UTF-16 code units of their names, strings are escaped as ECMAScript's
 * {@code JSON.stringify} does, and there is no insignificant white space. Numbers are restricted to integers within
 * ±(2^53−1), where RFC 8785's ECMAScript number form is the plain decimal form; a fraction or a larger integer is
 * refused rather than risk two parties disagreeing about its bytes (see docs/decisions/0002-canonical-json.md).
 */
public final class CanonicalJson {
    private static final BigInteger MAX_SAFE = BigInteger.valueOf((1L << 53) - 1);
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CanonicalJson() {}

    public static byte[] bytes(Object value) {
        return bytes(value instanceof JsonNode node ? node : Json.toTree(value));
    }

    public static byte[] bytes(JsonNode node) {
        StringBuilder sb = new StringBuilder(256);
        write(node, "$", sb);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static String string(Object value) {
        return new String(bytes(value), StandardCharsets.UTF_8);
    }

    private static void write(JsonNode node, String path, StringBuilder sb) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<String> names = new ArrayList<>();
                for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                    names.add(it.next());
                }
                names.sort(String::compareTo); // String order is UTF-16 code unit order, as RFC 8785 requires
                sb.append('{');
                for (int i = 0; i < names.size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    String name = names.get(i);
                    writeString(name, path, sb);
                    sb.append(':');
                    write(node.get(name), path + "." + name, sb);
                }
                sb.append('}');
            }
            case ARRAY -> {
                sb.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    write(node.get(i), path + "[" + i + "]", sb);
                }
                sb.append(']');
            }
            case STRING -> writeString(node.textValue(), path, sb);
            case NUMBER -> writeNumber(node, path, sb);
            case BOOLEAN -> sb.append(node.booleanValue() ? "true" : "false");
            case NULL -> sb.append("null");
            default -> throw new JsonFormatException(path, "cannot be canonicalized (" + node.getNodeType() + ")");
        }
    }

    private static void writeNumber(JsonNode node, String path, StringBuilder sb) {
        BigInteger value;
        if (node.isIntegralNumber()) {
            value = node.bigIntegerValue();
        } else {
            BigDecimal decimal = node.decimalValue();
            if (decimal.precision() - decimal.scale() > 17) {
                throw new JsonFormatException(path, "is outside ±(2^53-1); write large numbers as strings");
            }
            decimal = decimal.stripTrailingZeros();
            if (decimal.scale() > 0) {
                throw new JsonFormatException(path, "is not an integer; write fractional numbers as strings");
            }
            value = decimal.toBigIntegerExact();
        }
        if (value.abs().compareTo(MAX_SAFE) > 0) {
            throw new JsonFormatException(path, "is outside ±(2^53-1); write large numbers as strings");
        }
        sb.append(value);
    }

    private static void writeString(String s, String path, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    throw new JsonFormatException(path, "contains an unpaired surrogate");
                }
                sb.append(c).append(s.charAt(++i));
                continue;
            }
            if (Character.isLowSurrogate(c)) {
                throw new JsonFormatException(path, "contains an unpaired surrogate");
            }
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
