package dev.slipway.dynamodb;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.slipway.dynamodb.model.AttributeValue;
import dev.slipway.protocol.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Request and response bodies straight between bytes and JSON trees with Jackson's streaming
 * parser and generator, without an {@code ObjectMapper}: the mapper's serializer and deserializer
 * machinery costs about 400 classes and a few hundred milliseconds to set up (most of the engine's
 * start-up to its first answer) and a provider lookup per value on every request. The trees are
 * the same as {@code ObjectMapper.readTree} builds (floating-point numbers as BigDecimal, as the
 * shared mapper is configured); a {@link RawValue} node is written verbatim (pre-rendered items).
 */
final class JsonCodec {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Set while the wire codec runs an action: items may then be left unrendered until {@link #write}. */
    private static final ThreadLocal<Boolean> DEFER_ITEMS = new ThreadLocal<>();

    /** An item left as attribute values in a response tree; {@link #write} renders it straight to bytes. */
    record ItemValue(Map<String, AttributeValue> item) {}

    private JsonCodec() {}

    /** Parses a request body; null when it holds no JSON value at all. */
    static JsonNode read(byte[] body) throws IOException {
        try (JsonParser p = FACTORY.createParser(body)) {
            JsonToken t = p.nextToken();
            return t == null ? null : value(p, t);
        }
    }

    private static JsonNode value(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT: {
                ObjectNode o = NODES.objectNode();
                for (JsonToken n = p.nextToken(); n == JsonToken.FIELD_NAME; n = p.nextToken()) {
                    String name = p.currentName();
                    o.set(name, value(p, p.nextToken()));
                }
                return o;
            }
            case START_ARRAY: {
                ArrayNode a = NODES.arrayNode();
                for (JsonToken n = p.nextToken(); n != JsonToken.END_ARRAY; n = p.nextToken()) {
                    a.add(value(p, n));
                }
                return a;
            }
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
                switch (p.getNumberType()) {
                    case INT:
                        return NODES.numberNode(p.getIntValue());
                    case LONG:
                        return NODES.numberNode(p.getLongValue());
                    default:
                        return NODES.numberNode(p.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(p.getDecimalValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected token " + t);
        }
    }

    /**
     * Runs an action for the wire: the items it returns in Query/Scan pages and GetItem may be
     * left as attribute values ({@link #item}) and rendered directly by {@link #write}, without
     * a node tree per item (most of a large page's cost). Java callers of
     * {@code DynamoDbEngine.execute} always get plain trees.
     */
    static <T> T deferringItems(java.util.function.Supplier<T> action) {
        DEFER_ITEMS.set(Boolean.TRUE);
        try {
            return action.get();
        } finally {
            DEFER_ITEMS.remove();
        }
    }

    /** An item for a response: a plain tree, or deferred under {@link #deferringItems}. */
    static JsonNode item(Map<String, AttributeValue> item) {
        return DEFER_ITEMS.get() != null ? new POJONode(new ItemValue(item)) : AttributeJson.encodeItem(item);
    }

    /** Renders a response tree as UTF-8 JSON. */
    static byte[] write(JsonNode node) {
        try (ByteArrayBuilder out = new ByteArrayBuilder(256); JsonGenerator g = FACTORY.createGenerator(out)) {
            write(g, node);
            g.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Renders a tree as a string (for pre-rendered {@link RawValue} items). */
    static String writeString(JsonNode node) {
        try (java.io.StringWriter out = new java.io.StringWriter(128); JsonGenerator g = FACTORY.createGenerator(out)) {
            write(g, node);
            g.flush();
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An item as compact UTF-8 DynamoDB JSON, as {@code write(AttributeJson.encodeItem(item))} renders it, without the tree. */
    static byte[] itemBytes(Map<String, AttributeValue> item) {
        try (ByteArrayBuilder out = new ByteArrayBuilder(256); JsonGenerator g = FACTORY.createGenerator(out)) {
            writeItem(g, item);
            g.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(JsonGenerator g, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    g.writeFieldName(e.getKey());
                    write(g, e.getValue());
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode n : node) {
                    write(g, n);
                }
                g.writeEndArray();
            }
            case STRING -> g.writeString(node.textValue());
            case NUMBER -> {
                switch (node.numberType()) {
                    case INT -> g.writeNumber(node.intValue());
                    case LONG -> g.writeNumber(node.longValue());
                    case BIG_INTEGER -> g.writeNumber(node.bigIntegerValue());
                    case FLOAT -> g.writeNumber(node.floatValue());
                    case DOUBLE -> g.writeNumber(node.doubleValue());
                    default -> g.writeNumber(node.decimalValue());
                }
            }
            case BOOLEAN -> g.writeBoolean(node.booleanValue());
            case NULL, MISSING -> g.writeNull();
            case BINARY -> g.writeBinary(node.binaryValue());
            case POJO -> {
                Object pojo = ((POJONode) node).getPojo();
                if (pojo instanceof ItemValue i) {
                    writeItem(g, i.item());
                } else if (pojo instanceof RawValue raw) {
                    g.writeRawValue(raw.rawValue().toString());
                } else {
                    g.writeRawValue(Json.string(pojo));
                }
            }
        }
    }

    /** Writes an item as AttributeJson.encodeItem renders it, without the intermediate tree. */
    static void writeItem(JsonGenerator g, Map<String, AttributeValue> item) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            g.writeFieldName(e.getKey());
            writeValue(g, e.getValue());
        }
        g.writeEndObject();
    }

    private static void writeValue(JsonGenerator g, AttributeValue value) throws IOException {
        g.writeStartObject();
        if (value instanceof AttributeValue.S s) {
            g.writeStringField("S", s.value());
        } else if (value instanceof AttributeValue.N n) {
            g.writeStringField("N", Numbers.format(n.value()));
        } else if (value instanceof AttributeValue.B b) {
            g.writeStringField("B", java.util.Base64.getEncoder().encodeToString(b.value()));
        } else if (value instanceof AttributeValue.Bool b) {
            g.writeBooleanField("BOOL", b.value());
        } else if (value instanceof AttributeValue.Null) {
            g.writeBooleanField("NULL", true);
        } else if (value instanceof AttributeValue.M m) {
            g.writeFieldName("M");
            writeItem(g, m.value());
        } else if (value instanceof AttributeValue.L l) {
            g.writeArrayFieldStart("L");
            for (AttributeValue x : l.value()) {
                writeValue(g, x);
            }
            g.writeEndArray();
        } else if (value instanceof AttributeValue.SS ss) {
            g.writeArrayFieldStart("SS");
            for (String x : ss.value()) {
                g.writeString(x);
            }
            g.writeEndArray();
        } else if (value instanceof AttributeValue.NS ns) {
            g.writeArrayFieldStart("NS");
            for (java.math.BigDecimal x : ns.value()) {
                g.writeString(Numbers.format(x));
            }
            g.writeEndArray();
        } else if (value instanceof AttributeValue.BS bs) {
            g.writeArrayFieldStart("BS");
            for (AttributeValue.B x : bs.value()) {
                g.writeString(java.util.Base64.getEncoder().encodeToString(x.value()));
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }
}
