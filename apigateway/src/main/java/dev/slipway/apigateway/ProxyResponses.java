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
        Map<String, Object> mv = null;
        Map<String, String> single = null;
        boolean mapsValid = true;
        boolean mvValid = true;
        String body = null;
        boolean bodyValid = true;
        boolean base64 = false;
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            JsonToken t = p.nextToken();
            switch (field) {
                case "statusCode" -> status = statusCode(p, t);
                case "multiValueHeaders" -> {
                    mv = null;
                    mvValid = true;
                    if (t == JsonToken.START_OBJECT) {
                        mv = new LinkedHashMap<>();
                        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                            mv.put(name, values(p, p.nextToken()));
                        }
                    } else if (t != JsonToken.VALUE_NULL) {
                        mvValid = false;
                        p.skipChildren();
                    }
                }
                case "headers" -> {
                    single = null;
                    mapsValid = true;
                    if (t == JsonToken.START_OBJECT) {
                        single = new LinkedHashMap<>();
                        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                            single.put(name, text(p, p.nextToken()));
                        }
                    } else if (t != JsonToken.VALUE_NULL) {
                        mapsValid = false;
                        p.skipChildren();
                    }
                }
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
        if (status < 100 || status > 599 || !mapsValid || !mvValid || !bodyValid) {
            return null;
        }
        HttpResponse out = HttpResponse.status(status);
        if (mv != null) {
            for (Map.Entry<String, Object> e : mv.entrySet()) {
                if (e.getValue() instanceof List<?> values) {
                    for (Object v : values) {
                        out.header(e.getKey(), (String) v);
                    }
                } else if (e.getValue() == INVALID) {
                    return null;
                }
            }
        }
        if (single != null) {
            for (Map.Entry<String, String> e : single.entrySet()) {
                // A header named in both keeps the multiValueHeaders values, as AWS documents.
                if (e.getValue() != null && !out.headers().contains(e.getKey())) {
                    out.header(e.getKey(), e.getValue());
                }
            }
        }
        if (body != null) {
            if (base64) {
                try {
                    out.body(Base64.getMimeDecoder().decode(body));
                } catch (IllegalArgumentException e) {
                    return null;
                }
            } else {
                out.body(body);
            }
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
        JsonNode r = parse(payload);
        if (r == null) {
            return null;
        }
        if (!r.isObject() || !r.has("statusCode")) {
            String body = r.isTextual() ? r.textValue() : new String(payload, StandardCharsets.UTF_8).trim();
            return HttpResponse.json(200, body);
        }
        int status = statusCode(r.get("statusCode"));
        if (status < 100 || status > 599 || !validMap(r.get("headers"))) {
            return null;
        }
        HttpResponse out = HttpResponse.status(status);
        JsonNode headers = r.get("headers");
        if (headers != null && headers.isObject()) {
            for (Map.Entry<String, JsonNode> e : iterable(headers)) {
                if (!e.getValue().isNull()) {
                    out.header(e.getKey(), e.getValue().asText());
                }
            }
        }
        JsonNode cookies = r.get("cookies");
        if (cookies != null && cookies.isArray()) {
            cookies.forEach(c -> out.header("Set-Cookie", c.asText()));
        }
        if (!body(out, r)) {
            return null;
        }
        if (!out.headers().contains("Content-Type")) {
            out.header("Content-Type", "application/json");
        }
        return out;
    }

    private static boolean body(HttpResponse out, JsonNode r) {
        JsonNode body = r.get("body");
        if (body == null || body.isNull()) {
            return true;
        }
        if (!body.isTextual()) {
            return false;
        }
        JsonNode b64 = r.get("isBase64Encoded");
        if (b64 != null && b64.asBoolean(false)) {
            try {
                out.body(Base64.getMimeDecoder().decode(body.textValue()));
            } catch (IllegalArgumentException e) {
                return false;
            }
        } else {
            out.body(body.textValue());
        }
        return true;
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

    private static boolean validMap(JsonNode n) {
        return n == null || n.isNull() || n.isObject();
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

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode n) {
        return n::fields;
    }
}
