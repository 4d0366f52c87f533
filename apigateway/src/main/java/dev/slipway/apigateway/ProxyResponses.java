package dev.slipway.apigateway;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.protocol.Json;
import dev.slipway.protocol.http.HttpResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps a function's response to the HTTP response, as a Lambda proxy integration does. Returns
 * null for a response API Gateway would reject as malformed (the caller answers 502/500).
 */
final class ProxyResponses {
    private ProxyResponses() {}

    /**
     * The REST (and HTTP API 1.0) format: statusCode, headers, multiValueHeaders, body,
     * isBase64Encoded; any other field, a body that is not a string or a missing statusCode is malformed.
     * Read with a streaming parser (this is on every request's path) with the tree's semantics: a
     * repeated field's last value wins, headers keep the order of their first occurrence, values
     * other than strings read as the tree reads them.
     */
    static HttpResponse rest(byte[] payload) {
        if (payload == null || payload.length == 0) {
            return null;
        }
        try (JsonParser p = Json.MAPPER.createParser(payload)) {
            return rest(p);
        } catch (Exception e) {
            return null;
        }
    }

    private static HttpResponse rest(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        int status = -1;
        Object mv = null;
        Object single = null;
        String body = null;
        boolean bodyValid = true;
        boolean base64 = false;
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            JsonToken t = p.nextToken();
            switch (field) {
                case "statusCode" -> status = statusCode(p, t);
                case "multiValueHeaders" -> mv = object(p, t, ProxyResponses::values);
                case "headers" -> single = object(p, t, ProxyResponses::text);
                case "body" -> {
                    body = t == JsonToken.VALUE_STRING ? p.getText() : null;
                    bodyValid = t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NULL;
                    p.skipChildren();
                }
                case "isBase64Encoded" -> base64 = t == JsonToken.VALUE_TRUE || t != JsonToken.VALUE_FALSE
                        && p.readValueAsTree() instanceof JsonNode n && n.asBoolean(false);
                default -> {
                    return null;
                }
            }
        }
        if (status < 100 || status > 599 || single == INVALID || mv == INVALID || !bodyValid) {
            return null;
        }
        HttpResponse out = HttpResponse.status(status);
        if (mv instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (e.getValue() instanceof List<?> values) {
                    for (Object v : values) {
                        out.header((String) e.getKey(), (String) v);
                    }
                } else if (e.getValue() == INVALID) {
                    return null;
                }
            }
        }
        if (single instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                // A header named in both keeps the multiValueHeaders values, as AWS documents.
                if (e.getValue() != null && !out.headers().contains((String) e.getKey())) {
                    out.header((String) e.getKey(), (String) e.getValue());
                }
            }
        }
        if (body != null && !body(out, body, base64)) {
            return null;
        }
        if (!out.headers().contains("Content-Type")) {
            out.header("Content-Type", "application/json");
        }
        return out;
    }

    /** A multiValueHeaders value: the texts of an array's items, null for JSON null, else {@link #INVALID}. */
    private static Object values(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.START_ARRAY) {
            p.skipChildren();
            return INVALID;
        }
        List<String> values = new ArrayList<>(2);
        for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken()) {
            values.add(v == JsonToken.VALUE_NULL ? "null" : text(p, v));
        }
        return values;
    }

    private static final Object INVALID = new Object();

    /** Reads one value whose first token is {@code t}. */
    private interface ValueReader {
        Object read(JsonParser p, JsonToken t) throws IOException;
    }

    /**
     * An object's fields, each read by {@code value}, in order (a repeated name: the last value wins);
     * null for JSON null; {@link #INVALID} for anything else.
     */
    private static Object object(JsonParser p, JsonToken t, ValueReader value) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return INVALID;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            fields.put(name, value.read(p, p.nextToken()));
        }
        return fields;
    }

    /** A value as {@link JsonNode#asText()} has it; null for JSON null. */
    private static String text(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        JsonNode n = p.readValueAsTree();
        return n.asText();
    }

    /** statusCode as the tree reads it: an integral number (an int's wrap-around included) or a numeric string. */
    private static int statusCode(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
            return p.getIntValue();
        }
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_STRING) {
            JsonNode n = p.readValueAsTree();
            return statusCode(n);
        }
        p.skipChildren();
        return -1;
    }

    /**
     * Payload format 2.0: an object with statusCode is taken as the response (cookies become
     * Set-Cookie); anything else valid JSON is a 200 application/json whose body is the JSON
     * (a JSON string's content).
     */
    static HttpResponse httpApi(byte[] payload) {
        if (payload == null || payload.length == 0) {
            return null;
        }
        try (JsonParser p = Json.MAPPER.createParser(payload)) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                return httpApiObject(p, payload);
            }
        } catch (Exception e) {
            return null;
        }
        JsonNode r = parse(payload);
        if (r == null) {
            return null;
        }
        String body = r.isTextual() ? r.textValue() : new String(payload, StandardCharsets.UTF_8).trim();
        return HttpResponse.json(200, body);
    }

    /** An object payload, read as {@link #rest} reads one; without statusCode the whole payload is the body. */
    private static HttpResponse httpApiObject(JsonParser p, byte[] payload) throws IOException {
        boolean hasStatus = false;
        int status = -1;
        Object headers = null;
        List<String> cookies = null;
        String body = null;
        boolean bodyValid = true;
        boolean base64 = false;
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            JsonToken t = p.nextToken();
            switch (field) {
                case "statusCode" -> {
                    hasStatus = true;
                    status = statusCode(p, t);
                }
                case "headers" -> headers = object(p, t, ProxyResponses::text);
                case "cookies" -> {
                    Object values = values(p, t);
                    cookies = values instanceof List<?> ? castStrings(values) : null;
                }
                case "body" -> {
                    body = t == JsonToken.VALUE_STRING ? p.getText() : null;
                    bodyValid = t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NULL;
                    p.skipChildren();
                }
                case "isBase64Encoded" -> base64 = t == JsonToken.VALUE_TRUE || t != JsonToken.VALUE_FALSE
                        && p.readValueAsTree() instanceof JsonNode n && n.asBoolean(false);
                default -> p.skipChildren();
            }
        }
        if (!hasStatus) {
            return HttpResponse.json(200, new String(payload, StandardCharsets.UTF_8).trim());
        }
        if (status < 100 || status > 599 || headers == INVALID || !bodyValid) {
            return null;
        }
        HttpResponse out = HttpResponse.status(status);
        if (headers instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (e.getValue() != null) {
                    out.header((String) e.getKey(), (String) e.getValue());
                }
            }
        }
        if (cookies != null) {
            for (String c : cookies) {
                out.header("Set-Cookie", c);
            }
        }
        if (body != null && !body(out, body, base64)) {
            return null;
        }
        if (!out.headers().contains("Content-Type")) {
            out.header("Content-Type", "application/json");
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<String> castStrings(Object values) {
        return (List<String>) values;
    }

    /** Sets the body, base64-decoded when flagged; false for invalid base64. */
    private static boolean body(HttpResponse out, String body, boolean base64) {
        if (!base64) {
            out.body(body);
            return true;
        }
        try {
            out.body(Base64.getMimeDecoder().decode(body));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int statusCode(JsonNode n) {
        if (n == null || n.isNull()) {
            return -1;
        }
        if (n.isIntegralNumber()) {
            return n.intValue();
        }
        try {
            return n.isTextual() ? Integer.parseInt(n.textValue().trim()) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static JsonNode parse(byte[] payload) {
        if (payload == null || payload.length == 0) {
            return null;
        }
        try {
            return Json.parse(payload);
        } catch (Exception e) {
            return null;
        }
    }
}
