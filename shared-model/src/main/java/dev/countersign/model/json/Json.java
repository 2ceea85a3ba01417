package dev.countersign.model.json;

import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.countersign.model.InvalidFieldException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The one JSON mapping of the domain. Parsing is strict: unknown fields, missing required fields, duplicate keys,
 * trailing content and type coercions are errors that name their JSON path.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .nodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true))
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            // a number or a boolean where text is expected is a wrong type, not text: {"id": 7} is refused
            .withCoercionConfig(LogicalType.Textual, text -> text
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private Json() {}

    /** The shared, configured mapper. Thread-safe; do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static <T> T parse(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw translate(e);
        } catch (InvalidFieldException e) {
            throw new JsonFormatException("$." + e.field(), e.problem(), e);
        }
    }

    public static <T> T parse(String json, Class<T> type) {
        return parse(json.getBytes(StandardCharsets.UTF_8), type);
    }

    public static <T> T parse(InputStream json, Class<T> type) {
        try {
            return parse(json.readAllBytes(), type);
        } catch (IOException e) {
            throw new JsonFormatException("$", "could not be read: " + e.getMessage(), e);
        }
    }

    public static JsonNode tree(byte[] json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new JsonFormatException("$", "empty document");
            }
            return node;
        } catch (IOException e) {
            throw translate(e);
        }
    }

    /** Converts a parsed tree into a record, with the same strictness and error paths as {@link #parse}. */
    public static <T> T convert(JsonNode tree, Class<T> type) {
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (IOException e) {
            throw translate(e);
        } catch (IllegalArgumentException e) {
            Throwable cause = e.getCause() instanceof IOException io ? io : e;
            if (cause instanceof IOException io) {
                throw translate(io);
            }
            throw new JsonFormatException("$", e.getMessage(), e);
        }
    }

    public static JsonNode toTree(Object value) {
        return MAPPER.valueToTree(value);
    }

    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    public static String string(Object value) {
        return new String(bytes(value), StandardCharsets.UTF_8);
    }

    static JsonFormatException translate(IOException e) {
        StreamReadException syntax = findCause(e, StreamReadException.class);
        if (syntax != null) {
            String path = e instanceof JsonMappingException mapping ? path(mapping.getPath()) : "$";
            JsonLocation at = syntax.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            return new JsonFormatException(path, "malformed JSON" + where + ": " + firstLine(syntax.getOriginalMessage()), e);
        }
        if (e instanceof JsonMappingException mapping) {
            String path = path(mapping.getPath());
            InvalidFieldException invalid = findCause(e, InvalidFieldException.class);
            if (invalid != null) {
                return new JsonFormatException(join(path, invalid.field()), invalid.problem(), e);
            }
            if (e instanceof UnrecognizedPropertyException) {
                return new JsonFormatException(path, "is not a known field", e);
            }
            if (e instanceof InvalidFormatException format) {
                return new JsonFormatException(path, "has an invalid value " + quote(format.getValue()), e);
            }
            return new JsonFormatException(path, firstLine(mapping.getOriginalMessage()), e);
        }
        return new JsonFormatException("$", "could not be read: " + e.getMessage(), e);
    }

    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder("$");
        for (JsonMappingException.Reference ref : refs) {
            if (ref.getFieldName() != null) {
                sb.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String join(String path, String field) {
        return path.endsWith("." + field) ? path : path + "." + field;
    }

    private static <T extends Throwable> T findCause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String quote(Object value) {
        return value == null ? "null" : "'" + value + "'";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
