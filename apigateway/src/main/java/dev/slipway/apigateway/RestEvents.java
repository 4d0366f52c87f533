package dev.slipway.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.protocol.http.HttpRequest;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the Lambda proxy integration event of a REST API (and of an HTTP API's payload format
 * 1.0), field for field as AWS documents it ("Input format of a Lambda function for proxy
 * integration", docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html).
 * Written straight to bytes ({@link JsonBytes}): this is on every request's path.
 */
final class RestEvents {
    private RestEvents() {}

    /**
     * @param resourcePath the matched resource template, e.g. {@code /users/{id}}
     * @param resourceId the matched resource's id
     * @param authorizer the authorizer's principalId and context, or null without a Lambda authorizer
     * @param apiKey the API key used, or null
     * @param httpApiVersion1 true for an HTTP API's payload format 1.0 (headers comma-joined, "version": "1.0")
     */
    record Input(Call call, String accountId, String resourcePath, String resourceId, Map<String, String> pathParameters,
            Map<String, String> stageVariables, String deploymentId, List<String> binaryMediaTypes,
            Authorization authorizer, String apiKey, String apiKeyId, boolean httpApiVersion1) {}

    /** What a Lambda authorizer returned: passed on as requestContext.authorizer. */
    record Authorization(String principalId, JsonNode context, long integrationLatency) {}

    static byte[] build(Input in) {
        JsonBytes out = JsonBytes.scratch();
        write(out, in);
        return out.toByteArray();
    }

    private static void write(JsonBytes out, Input in) {
        Call call = in.call();
        HttpRequest req = call.request();
        out.raw('{');
        if (in.httpApiVersion1()) {
            out.raw("\"version\":\"1.0\",");
        }
        out.raw("\"resource\":").string(in.resourcePath());
        out.raw(",\"path\":").string(call.path());
        out.raw(",\"httpMethod\":").string(req.method());
        writeHeaders(out, call.eventHeaderPairs(), in.httpApiVersion1());
        writeQuery(out, req.rawQuery(), in.httpApiVersion1());
        out.raw(",\"requestContext\":");
        writeContext(out, in);
        writeStringMapOrNull(out, "pathParameters", in.pathParameters());
        writeStringMapOrNull(out, "stageVariables", in.stageVariables());
        writeBody(out, req, in.binaryMediaTypes());
        out.raw('}');
    }

    /**
     * headers and multiValueHeaders from {@link Call#eventHeaderPairs()}, whose repeated values of
     * one header follow each other under the same name.
     */
    private static void writeHeaders(JsonBytes out, List<String> pairs, boolean commaJoined) {
        out.raw(",\"headers\":{");
        int n = pairs.size();
        for (int i = 0; i < n; ) {
            String name = pairs.get(i);
            int end = entryEnd(pairs, i);
            out.raw(i == 0 ? "" : ",").string(name).raw(':');
            if (!commaJoined) {
                // REST APIs keep the last value of a repeated header; HTTP APIs (1.0) join them with commas.
                out.string(pairs.get(end - 1));
            } else if (end == i + 2) {
                out.string(pairs.get(i + 1));
            } else {
                StringBuilder joined = new StringBuilder();
                for (int j = i + 1; j < end; j += 2) {
                    joined.append(j == i + 1 ? "" : ",").append(pairs.get(j));
                }
                out.string(joined.toString());
            }
            i = end;
        }
        out.raw("},\"multiValueHeaders\":{");
        for (int i = 0; i < n; ) {
            int end = entryEnd(pairs, i);
            out.raw(i == 0 ? "" : ",").string(pairs.get(i)).raw(":[");
            for (int j = i + 1; j < end; j += 2) {
                out.raw(j == i + 1 ? "" : ",").string(pairs.get(j));
            }
            out.raw(']');
            i = end;
        }
        out.raw('}');
    }

    /** The index after the last (name, value) pair of the header that starts at {@code i}. */
    private static int entryEnd(List<String> pairs, int i) {
        String name = pairs.get(i);
        int end = i + 2;
        while (end < pairs.size() && pairs.get(end) == name) {
            end += 2;
        }
        return end;
    }

    private static void writeQuery(JsonBytes out, String rawQuery, boolean commaJoined) {
        if (rawQuery.isEmpty()) {
            out.raw(",\"queryStringParameters\":null,\"multiValueQueryStringParameters\":null");
            return;
        }
        Map<String, List<String>> query = HttpRequest.parseQuery(rawQuery);
        if (query.isEmpty()) {
            out.raw(",\"queryStringParameters\":null,\"multiValueQueryStringParameters\":null");
            return;
        }
        out.raw(",\"queryStringParameters\":{");
        boolean first = true;
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            List<String> v = e.getValue();
            out.raw(first ? "" : ",").string(e.getKey()).raw(':')
                    .string(commaJoined ? String.join(",", v) : v.get(v.size() - 1));
            first = false;
        }
        out.raw("},\"multiValueQueryStringParameters\":{");
        first = true;
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            out.raw(first ? "" : ",").string(e.getKey()).raw(":[");
            boolean firstValue = true;
            for (String v : e.getValue()) {
                out.raw(firstValue ? "" : ",").string(v);
                firstValue = false;
            }
            out.raw(']');
            first = false;
        }
        out.raw('}');
    }

    private static void writeContext(JsonBytes out, Input in) {
        Call call = in.call();
        HttpRequest req = call.request();
        out.raw("{\"resourceId\":").string(in.resourceId());
        out.raw(",\"resourcePath\":").string(in.resourcePath());
        out.raw(",\"httpMethod\":").string(req.method());
        out.raw(",\"extendedRequestId\":").string(call.requestId());
        out.raw(",\"requestTime\":").string(call.requestTime());
        out.raw(",\"path\":").string(call.requestPath());
        out.raw(",\"accountId\":").string(in.accountId());
        out.raw(",\"protocol\":\"HTTP/1.1\",\"stage\":").string(call.stage());
        out.raw(",\"domainPrefix\":").string(call.domainPrefix());
        out.raw(",\"requestTimeEpoch\":").number(call.epochMillis());
        out.raw(",\"requestId\":").string(call.requestId());
        out.raw(",\"identity\":{\"cognitoIdentityPoolId\":null,\"accountId\":null,\"cognitoIdentityId\":null,"
                + "\"caller\":null");
        if (in.apiKey() != null) {
            out.raw(",\"apiKey\":").string(in.apiKey());
            out.raw(",\"apiKeyId\":").string(in.apiKeyId());
        }
        out.raw(",\"sourceIp\":").string(call.sourceIp());
        out.raw(",\"principalOrgId\":null,\"accessKey\":null,\"cognitoAuthenticationType\":null,"
                + "\"cognitoAuthenticationProvider\":null,\"userArn\":null,\"userAgent\":")
                .string(req.headers().get("User-Agent"));
        out.raw(",\"user\":null}");
        if (in.authorizer() == null && in.httpApiVersion1()) {
            // HTTP APIs' payload 1.0 always carries this, as AWS's example shows.
            out.raw(",\"authorizer\":{\"claims\":null,\"scopes\":null}");
        }
        if (in.authorizer() != null) {
            out.raw(",\"authorizer\":{");
            boolean first = true;
            if (in.authorizer().context() != null) {
                var fields = in.authorizer().context().fields();
                while (fields.hasNext()) {
                    var f = fields.next();
                    out.raw(first ? "" : ",").string(f.getKey()).raw(':').tree(f.getValue());
                    first = false;
                }
            }
            out.raw(first ? "" : ",").raw("\"principalId\":").string(in.authorizer().principalId());
            out.raw(",\"integrationLatency\":").number(in.authorizer().integrationLatency());
            out.raw('}');
        }
        out.raw(",\"domainName\":").string(call.domainName());
        if (in.deploymentId() != null) {
            out.raw(",\"deploymentId\":").string(in.deploymentId());
        }
        out.raw(",\"apiId\":").string(call.apiId());
        out.raw('}');
    }

    private static void writeStringMapOrNull(JsonBytes out, String field, Map<String, String> map) {
        out.raw(",\"").raw(field).raw("\":");
        if (map == null || map.isEmpty()) {
            out.raw("null");
            return;
        }
        out.raw('{');
        boolean first = true;
        for (Map.Entry<String, String> e : map.entrySet()) {
            out.raw(first ? "" : ",").string(e.getKey()).raw(':').string(e.getValue());
            first = false;
        }
        out.raw('}');
    }

    private static void writeBody(JsonBytes out, HttpRequest req, List<String> binaryMediaTypes) {
        if (req.body().length == 0) {
            out.raw(",\"body\":null,\"isBase64Encoded\":false");
            return;
        }
        if (isBinary(req.headers().get("Content-Type"), binaryMediaTypes)) {
            out.raw(",\"body\":").string(Base64.getEncoder().encodeToString(req.body()));
            out.raw(",\"isBase64Encoded\":true");
        } else {
            out.raw(",\"body\":").string(req.bodyAsString());
            out.raw(",\"isBase64Encoded\":false");
        }
    }

    /** Whether a content type matches the API's binaryMediaTypes ({@code image/png}, {@code image/*}, {@code *}{@code /*}). */
    static boolean isBinary(String contentType, List<String> binaryMediaTypes) {
        if (contentType == null || binaryMediaTypes == null || binaryMediaTypes.isEmpty()) {
            return false;
        }
        int semi = contentType.indexOf(';');
        String type = (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        for (String raw : binaryMediaTypes) {
            String t = raw.replace("~1", "/").trim().toLowerCase(Locale.ROOT);
            if (t.equals("*/*") || t.equals(type)) {
                return true;
            }
            if (t.endsWith("/*") && type.startsWith(t.substring(0, t.length() - 1))) {
                return true;
            }
        }
        return false;
    }
}
