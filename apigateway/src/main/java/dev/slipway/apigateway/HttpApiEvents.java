package dev.slipway.apigateway;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.protocol.Json;
import dev.slipway.protocol.http.HttpRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds an HTTP API's payload format 2.0 event as AWS documents it ("Working with AWS Lambda
 * proxy integrations for HTTP APIs", docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html):
 * header names lower-cased and repeated values joined with commas, cookies moved to their own
 * array, empty optional fields left out.
 */
final class HttpApiEvents {
    private HttpApiEvents() {}

    /**
     * @param authorizer the requestContext.authorizer object ({@code {"jwt": …}} or {@code {"lambda": …}}), or null
     */
    record Input(Call call, String accountId, String routeKey, Map<String, String> pathParameters,
            Map<String, String> stageVariables, JsonNode authorizer) {}

    static byte[] build(Input in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1536);
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            write(g, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(JsonGenerator g, Input in) throws IOException {
        Call call = in.call();
        HttpRequest req = call.request();
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        List<String> pairs = call.eventHeaderPairs();
        for (int i = 0; i < pairs.size(); i += 2) {
            String lower = pairs.get(i).toLowerCase(Locale.ROOT);
            String value = pairs.get(i + 1);
            if (lower.equals("cookie")) {
                for (String c : value.split(";")) {
                    if (!c.isBlank()) {
                        cookies.add(c.trim());
                    }
                }
                continue;
            }
            headers.merge(lower, value, (a, b) -> a + "," + b);
        }
        g.writeStartObject();
        g.writeStringField("version", "2.0");
        g.writeStringField("routeKey", in.routeKey());
        g.writeStringField("rawPath", call.requestPath());
        g.writeStringField("rawQueryString", req.rawQuery());
        if (!cookies.isEmpty()) {
            g.writeArrayFieldStart("cookies");
            for (String c : cookies) {
                g.writeString(c);
            }
            g.writeEndArray();
        }
        g.writeObjectFieldStart("headers");
        for (Map.Entry<String, String> h : headers.entrySet()) {
            g.writeStringField(h.getKey(), h.getValue());
        }
        g.writeEndObject();
        Map<String, List<String>> query = HttpRequest.parseQuery(req.rawQuery());
        if (!query.isEmpty()) {
            g.writeObjectFieldStart("queryStringParameters");
            for (Map.Entry<String, List<String>> q : query.entrySet()) {
                g.writeStringField(q.getKey(), String.join(",", q.getValue()));
            }
            g.writeEndObject();
        }
        g.writeObjectFieldStart("requestContext");
        g.writeStringField("accountId", in.accountId());
        g.writeStringField("apiId", call.apiId());
        if (in.authorizer() != null) {
            g.writeFieldName("authorizer");
            g.writeTree(in.authorizer());
        }
        g.writeStringField("domainName", call.domainName());
        g.writeStringField("domainPrefix", call.domainPrefix());
        g.writeObjectFieldStart("http");
        g.writeStringField("method", req.method());
        g.writeStringField("path", call.requestPath());
        g.writeStringField("protocol", "HTTP/1.1");
        g.writeStringField("sourceIp", call.sourceIp());
        g.writeStringField("userAgent", headers.getOrDefault("user-agent", ""));
        g.writeEndObject();
        g.writeStringField("requestId", call.requestId());
        g.writeStringField("routeKey", in.routeKey());
        g.writeStringField("stage", call.stage());
        g.writeStringField("time", call.requestTime());
        g.writeNumberField("timeEpoch", call.epochMillis());
        g.writeEndObject();
        if (req.body().length > 0) {
            boolean text = isText(req.headers().get("Content-Type"));
            g.writeStringField("body", text ? req.bodyAsString() : Base64.getEncoder().encodeToString(req.body()));
            writeOptionalMap(g, "pathParameters", in.pathParameters());
            g.writeBooleanField("isBase64Encoded", !text);
        } else {
            writeOptionalMap(g, "pathParameters", in.pathParameters());
            g.writeBooleanField("isBase64Encoded", false);
        }
        writeOptionalMap(g, "stageVariables", in.stageVariables());
        g.writeEndObject();
    }

    private static void writeOptionalMap(JsonGenerator g, String field, Map<String, String> map) throws IOException {
        if (map == null || map.isEmpty()) {
            return;
        }
        g.writeObjectFieldStart(field);
        for (Map.Entry<String, String> e : map.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    /** HTTP APIs pass text bodies as is and base64-encode everything else. */
    static boolean isText(String contentType) {
        if (contentType == null) {
            return true;
        }
        String t = contentType.toLowerCase(Locale.ROOT);
        return t.startsWith("text/") || t.contains("json") || t.contains("xml") || t.contains("javascript")
                || t.startsWith("application/x-www-form-urlencoded") || t.contains("charset=");
    }
}
