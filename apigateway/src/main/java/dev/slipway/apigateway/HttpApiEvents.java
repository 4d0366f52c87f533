package dev.slipway.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.protocol.http.HttpRequest;
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
        JsonBytes out = JsonBytes.scratch();
        write(out, in);
        return out.toByteArray();
    }

    private static void write(JsonBytes out, Input in) {
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
        out.raw("{\"version\":\"2.0\",\"routeKey\":").string(in.routeKey());
        out.raw(",\"rawPath\":").string(call.requestPath());
        out.raw(",\"rawQueryString\":").string(req.rawQuery());
        if (!cookies.isEmpty()) {
            out.raw(",\"cookies\":[");
            for (int i = 0; i < cookies.size(); i++) {
                out.raw(i == 0 ? "" : ",").string(cookies.get(i));
            }
            out.raw(']');
        }
        out.raw(",\"headers\":");
        writeMap(out, headers);
        Map<String, List<String>> query = HttpRequest.parseQuery(req.rawQuery());
        if (!query.isEmpty()) {
            out.raw(",\"queryStringParameters\":{");
            boolean first = true;
            for (Map.Entry<String, List<String>> q : query.entrySet()) {
                out.raw(first ? "" : ",").string(q.getKey()).raw(':').string(String.join(",", q.getValue()));
                first = false;
            }
            out.raw('}');
        }
        out.raw(",\"requestContext\":{\"accountId\":").string(in.accountId());
        out.raw(",\"apiId\":").string(call.apiId());
        if (in.authorizer() != null) {
            out.raw(",\"authorizer\":").tree(in.authorizer());
        }
        out.raw(",\"domainName\":").string(call.domainName());
        out.raw(",\"domainPrefix\":").string(call.domainPrefix());
        out.raw(",\"http\":{\"method\":").string(req.method());
        out.raw(",\"path\":").string(call.requestPath());
        out.raw(",\"protocol\":\"HTTP/1.1\",\"sourceIp\":").string(call.sourceIp());
        out.raw(",\"userAgent\":").string(headers.getOrDefault("user-agent", ""));
        out.raw("},\"requestId\":").string(call.requestId());
        out.raw(",\"routeKey\":").string(in.routeKey());
        out.raw(",\"stage\":").string(call.stage());
        out.raw(",\"time\":").string(call.requestTime());
        out.raw(",\"timeEpoch\":").number(call.epochMillis());
        out.raw('}');
        if (req.body().length > 0) {
            boolean text = isText(req.headers().get("Content-Type"));
            out.raw(",\"body\":").string(text ? req.bodyAsString() : Base64.getEncoder().encodeToString(req.body()));
            writeOptionalMap(out, "pathParameters", in.pathParameters());
            out.raw(",\"isBase64Encoded\":").bool(!text);
        } else {
            writeOptionalMap(out, "pathParameters", in.pathParameters());
            out.raw(",\"isBase64Encoded\":false");
        }
        writeOptionalMap(out, "stageVariables", in.stageVariables());
        out.raw('}');
    }

    private static void writeOptionalMap(JsonBytes out, String field, Map<String, String> map) {
        if (map == null || map.isEmpty()) {
            return;
        }
        out.raw(",\"").raw(field).raw("\":");
        writeMap(out, map);
    }

    private static void writeMap(JsonBytes out, Map<String, String> map) {
        out.raw('{');
        boolean first = true;
        for (Map.Entry<String, String> e : map.entrySet()) {
            out.raw(first ? "" : ",").string(e.getKey()).raw(':').string(e.getValue());
            first = false;
        }
        out.raw('}');
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
