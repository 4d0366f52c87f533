package dev.slipway.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.protocol.Json;
import dev.slipway.protocol.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Maps a function's response to the HTTP response, as a Lambda proxy integration does. Returns
 * null for a response API Gateway would reject as malformed (the caller answers 502/500).
 */
final class ProxyResponses {
    private static final Set<String> REST_FIELDS =
            Set.of("statusCode", "headers", "multiValueHeaders", "body", "isBase64Encoded");

    private ProxyResponses() {}

    /**
     * The REST (and HTTP API 1.0) format: statusCode, headers, multiValueHeaders, body,
     * isBase64Encoded; any other field, a body that is not a string or a missing statusCode is malformed.
     */
    static HttpResponse rest(byte[] payload) {
        JsonNode r = parse(payload);
        if (r == null || !r.isObject()) {
            return null;
        }
        for (Iterator<String> it = r.fieldNames(); it.hasNext(); ) {
            if (!REST_FIELDS.contains(it.next())) {
                return null;
            }
        }
        int status = statusCode(r.get("statusCode"));
        if (status < 100 || status > 599) {
            return null;
        }
        HttpResponse out = HttpResponse.status(status);
        JsonNode mv = r.get("multiValueHeaders");
        JsonNode single = r.get("headers");
        if (!validMap(mv) || !validMap(single)) {
            return null;
        }
        if (mv != null && mv.isObject()) {
            for (Map.Entry<String, JsonNode> e : iterable(mv)) {
                if (e.getValue().isArray()) {
                    e.getValue().forEach(v -> out.header(e.getKey(), v.asText()));
                } else if (!e.getValue().isNull()) {
                    return null;
                }
            }
        }
        if (single != null && single.isObject()) {
            for (Map.Entry<String, JsonNode> e : iterable(single)) {
                // A header named in both keeps the multiValueHeaders values, as AWS documents.
                if (!e.getValue().isNull() && !out.headers().contains(e.getKey())) {
                    out.header(e.getKey(), e.getValue().asText());
                }
            }
        }
        if (!body(out, r)) {
            return null;
        }
        if (!out.headers().contains("Content-Type")) {
            out.header("Content-Type", "application/json");
        }
        return out;
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
