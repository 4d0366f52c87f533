package dev.slipway.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.dynamodb.error.SerializationException;
import dev.slipway.dynamodb.error.ValidationException;
import dev.slipway.dynamodb.model.AttributeValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The wire form of attribute values ({@code {"S":"x"}}, {@code {"NS":["1"]}}, …) to and from
 * {@link AttributeValue}, with DynamoDB's checks: wrong JSON types are SerializationExceptions,
 * invalid values (empty sets, bad numbers, duplicates) ValidationExceptions.
 */
final class AttributeJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private AttributeJson() {}

    /** Decodes a map of attribute values ({@code Item}, {@code Key}, …); null/missing gives null. */
    static Map<String, AttributeValue> item(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        requireObject(node);
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNull()) {
                continue;
            }
            item.put(e.getKey(), value(e.getValue()));
        }
        return item;
    }

    static AttributeValue value(JsonNode node) {
        requireObject(node);
        AttributeValue result = null;
        int types = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isNull()) {
                continue;
            }
            AttributeValue decoded = switch (e.getKey()) {
                case "S" -> new AttributeValue.S(string(v));
                case "N" -> new AttributeValue.N(Numbers.parse(string(v)));
                case "B" -> new AttributeValue.B(blob(v));
                case "BOOL" -> new AttributeValue.Bool(bool(v));
                case "NULL" -> nullValue(v);
                case "M" -> new AttributeValue.M(map(v));
                case "L" -> new AttributeValue.L(list(v));
                case "SS" -> stringSet(v);
                case "NS" -> numberSet(v);
                case "BS" -> binarySet(v);
                default -> null;
            };
            if (decoded != null) {
                types++;
                result = decoded;
            }
        }
        if (types == 0) {
            throw ValidationException.emptyAttributeValue();
        }
        if (types > 1) {
            throw ValidationException.multipleDatatypes();
        }
        return result;
    }

    private static AttributeValue nullValue(JsonNode v) {
        if (!bool(v)) {
            throw ValidationException.invalidParameter("Null attribute value types must have the value of true");
        }
        return new AttributeValue.Null();
    }

    private static Map<String, AttributeValue> map(JsonNode v) {
        if (!v.isObject()) {
            throw v.isArray() ? SerializationException.unexpectedList() : SerializationException.expected("map or null");
        }
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        v.fields().forEachRemaining(e -> {
            if (!e.getValue().isNull()) {
                m.put(e.getKey(), value(e.getValue()));
            }
        });
        return m;
    }

    private static List<AttributeValue> list(JsonNode v) {
        requireArray(v);
        List<AttributeValue> l = new ArrayList<>(v.size());
        v.forEach(x -> l.add(value(x)));
        return l;
    }

    private static AttributeValue stringSet(JsonNode v) {
        requireArray(v);
        if (v.isEmpty()) {
            throw ValidationException.emptySet("SS");
        }
        Set<String> set = new LinkedHashSet<>();
        List<String> all = new ArrayList<>();
        v.forEach(x -> {
            String s = string(x);
            all.add(s);
            set.add(s);
        });
        if (set.size() != all.size()) {
            throw ValidationException.duplicatesInSet("[" + String.join(", ", all) + "]", "SS");
        }
        return new AttributeValue.SS(set);
    }

    private static AttributeValue numberSet(JsonNode v) {
        requireArray(v);
        if (v.isEmpty()) {
            throw ValidationException.emptySet("NS");
        }
        Set<BigDecimal> set = new LinkedHashSet<>();
        int count = 0;
        for (JsonNode x : v) {
            set.add(Numbers.parse(string(x)));
            count++;
        }
        if (set.size() != count) {
            throw ValidationException.duplicatesInSet("", "NS");
        }
        return new AttributeValue.NS(set);
    }

    private static AttributeValue binarySet(JsonNode v) {
        requireArray(v);
        if (v.isEmpty()) {
            throw ValidationException.emptySet("BS");
        }
        Set<AttributeValue.B> set = new LinkedHashSet<>();
        List<String> all = new ArrayList<>();
        for (JsonNode x : v) {
            all.add(x.asText());
            set.add(new AttributeValue.B(blob(x)));
        }
        if (set.size() != all.size()) {
            throw ValidationException.duplicatesInSet("[" + String.join(", ", all) + "]", "BS");
        }
        return new AttributeValue.BS(set);
    }

    static String string(JsonNode v) {
        if (v.isTextual()) {
            return v.textValue();
        }
        throw typeError(v, "String");
    }

    static boolean bool(JsonNode v) {
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual()) {
            throw SerializationException.notABoolean(v.textValue());
        }
        throw typeError(v, "Boolean");
    }

    static byte[] blob(JsonNode v) {
        if (!v.isTextual()) {
            if (v.isObject()) {
                throw SerializationException.unexpectedStructure();
            }
            if (v.isArray()) {
                throw SerializationException.unexpectedList();
            }
            throw SerializationException.notConvertible(javaClass(v), "Blob");
        }
        String s = v.textValue();
        if (s.length() % 4 != 0) {
            throw SerializationException.notABlob(s,
                    "Base64 encoded length is expected a multiple of 4 bytes but found: " + s.length());
        }
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw SerializationException.notABlob(s, "Invalid Base64 character");
        }
    }

    static SerializationException typeError(JsonNode v, String target) {
        if (v.isObject()) {
            return SerializationException.unexpectedStructure();
        }
        if (v.isArray()) {
            return SerializationException.unexpectedList();
        }
        return SerializationException.notConvertible(javaClass(v), target);
    }

    static String javaClass(JsonNode v) {
        if (v.isBoolean()) {
            return "java.lang.Boolean";
        }
        if (v.isTextual()) {
            return "java.lang.String";
        }
        if (v.isIntegralNumber()) {
            long n = v.asLong();
            return n >= Short.MIN_VALUE && n <= Short.MAX_VALUE ? "java.lang.Short"
                    : n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE ? "java.lang.Integer" : "java.lang.Long";
        }
        return "java.lang.Double";
    }

    static void requireObject(JsonNode v) {
        if (!v.isObject()) {
            throw v.isArray() ? SerializationException.unexpectedList() : SerializationException.expected("null");
        }
    }

    static void requireArray(JsonNode v) {
        if (!v.isArray()) {
            throw v.isObject() ? SerializationException.unexpectedStructure() : SerializationException.expected("list or null");
        }
    }

    // ---- encoding ----

    static ObjectNode encodeItem(Map<String, AttributeValue> item) {
        ObjectNode o = F.objectNode();
        item.forEach((k, v) -> o.set(k, encode(v)));
        return o;
    }

    static ObjectNode encode(AttributeValue value) {
        ObjectNode o = F.objectNode();
        if (value instanceof AttributeValue.S s) {
            o.put("S", s.value());
        } else if (value instanceof AttributeValue.N n) {
            o.put("N", Numbers.format(n.value()));
        } else if (value instanceof AttributeValue.B b) {
            o.put("B", Base64.getEncoder().encodeToString(b.value()));
        } else if (value instanceof AttributeValue.Bool b) {
            o.put("BOOL", b.value());
        } else if (value instanceof AttributeValue.Null) {
            o.put("NULL", true);
        } else if (value instanceof AttributeValue.M m) {
            o.set("M", encodeItem(m.value()));
        } else if (value instanceof AttributeValue.L l) {
            ArrayNode a = o.putArray("L");
            l.value().forEach(x -> a.add(encode(x)));
        } else if (value instanceof AttributeValue.SS ss) {
            ArrayNode a = o.putArray("SS");
            ss.value().forEach(a::add);
        } else if (value instanceof AttributeValue.NS ns) {
            ArrayNode a = o.putArray("NS");
            ns.value().forEach(x -> a.add(Numbers.format(x)));
        } else if (value instanceof AttributeValue.BS bs) {
            ArrayNode a = o.putArray("BS");
            bs.value().forEach(x -> a.add(Base64.getEncoder().encodeToString(x.value())));
        }
        return o;
    }
}
