package dev.slipway.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.dynamodb.error.SerializationException;
import dev.slipway.dynamodb.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * DynamoDB's declarative request checks (tier 2 of STYLE rule 3): each violated constraint adds
 * "Value X at 'member' failed to satisfy constraint: …"; {@link #check()} throws them together,
 * at most 10, as "N validation errors detected: a; b". Wrong JSON types fail at once with a
 * SerializationException, as DynamoDB's deserialiser does.
 */
final class Constraints {
    static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.-]+");
    private final List<String> errors = new ArrayList<>();
    private final JsonNode input;

    Constraints(JsonNode input) {
        this.input = input;
    }

    JsonNode input() {
        return input;
    }

    /** A table name member: not null, pattern, length 3..255. */
    String tableName(String member) {
        return tableName(input, member, path(member), true);
    }

    String tableName(JsonNode parent, String member, String path, boolean required) {
        String value = text(parent, member);
        if (value == null) {
            if (required) {
                violation("null", path, "Member must not be null");
            }
            return null;
        }
        return name(value, path, 3, 255);
    }

    /** A table name given as a map key (BatchGetItem, BatchWriteItem RequestItems). */
    String tableNameKey(String value, String path) {
        return name(value, path, 3, 255);
    }

    /** An index name member (optional), pattern and length 3..255. */
    String indexName(JsonNode parent, String member, String path) {
        String value = text(parent, member);
        return value == null ? null : name(value, path, 3, 255);
    }

    private String name(String value, String path, int min, int max) {
        if (!NAME.matcher(value).matches()) {
            violation(quote(value), path, "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        }
        if (value.length() < min) {
            violation(quote(value), path, "Member must have length greater than or equal to " + min);
        }
        if (value.length() > max) {
            violation(quote(value), path, "Member must have length less than or equal to " + max);
        }
        return value;
    }

    String enumValue(String member, String... allowed) {
        return enumValue(input, member, path(member), allowed);
    }

    String enumValue(JsonNode parent, String member, String path, String... allowed) {
        String value = text(parent, member);
        if (value != null && !List.of(allowed).contains(value)) {
            violation(quote(value), path, "Member must satisfy enum value set: [" + String.join(", ", allowed) + "]");
        }
        return value;
    }

    Integer integer(String member, int min, Integer max) {
        JsonNode v = input.get(member);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw AttributeJson.typeError(v, "Integer");
        }
        long n = v.asLong();
        if (n < min) {
            violation(quote(Long.toString(n)), path(member), "Member must have value greater than or equal to " + min);
        }
        if (max != null && n > max) {
            violation(quote(Long.toString(n)), path(member), "Member must have value less than or equal to " + max);
        }
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n));
    }

    void notNull(JsonNode parent, String member, String path) {
        JsonNode v = parent == null ? null : parent.get(member);
        if (v == null || v.isNull()) {
            violation("null", path, "Member must not be null");
        }
    }

    /** {@code rendered} is only evaluated when the constraint is violated (rendering a large request costs). */
    void length(JsonNode value, java.util.function.Supplier<String> rendered, String path, int min, int max) {
        if (value == null || value.isNull()) {
            return;
        }
        int n = value.size();
        if (n < min) {
            violation(rendered.get(), path, "Member must have length greater than or equal to " + min);
        }
        if (n > max) {
            violation(rendered.get(), path, "Member must have length less than or equal to " + max);
        }
    }

    void violation(String renderedValue, String path, String constraint) {
        if (errors.size() < 10) {
            errors.add("Value " + renderedValue + " at '" + path + "' failed to satisfy constraint: " + constraint);
        }
    }

    /** Throws the collected violations, if any. */
    void check() {
        if (!errors.isEmpty()) {
            throw ValidationException.constraints(errors);
        }
    }

    // ---- typed member access (wrong JSON types are SerializationExceptions) ----

    static String text(JsonNode parent, String member) {
        JsonNode v = parent == null ? null : parent.get(member);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw AttributeJson.typeError(v, "String");
        }
        return v.textValue();
    }

    static Boolean bool(JsonNode parent, String member) {
        JsonNode v = parent == null ? null : parent.get(member);
        if (v == null || v.isNull()) {
            return null;
        }
        return AttributeJson.bool(v);
    }

    static JsonNode object(JsonNode parent, String member) {
        JsonNode v = parent == null ? null : parent.get(member);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw v.isArray() ? SerializationException.unexpectedList() : SerializationException.expected("map or null");
        }
        return v;
    }

    static JsonNode array(JsonNode parent, String member) {
        JsonNode v = parent == null ? null : parent.get(member);
        if (v == null || v.isNull()) {
            return null;
        }
        AttributeJson.requireArray(v);
        return v;
    }

    static String path(String member) {
        return Character.toLowerCase(member.charAt(0)) + member.substring(1);
    }

    static String quote(String value) {
        return "'" + value + "'";
    }
}
