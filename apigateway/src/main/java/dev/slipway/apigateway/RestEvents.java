package dev.slipway.apigateway;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.protocol.Json;
import dev.slipway.protocol.http.Headers;
import dev.slipway.protocol.http.HttpRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the Lambda proxy integration event of a REST API (and of an HTTP API's payload format
 * 1.0), field for field as AWS documents it ("Input format of a Lambda function for proxy
 * integration", docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html).
 * Written with a streaming generator: this is on every request's path.
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
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
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
        g.writeStartObject();
        if (in.httpApiVersion1()) {
            g.writeStringField("version", "1.0");
        }
        g.writeStringField("resource", in.resourcePath());
        g.writeStringField("path", call.path());
        g.writeStringField("httpMethod", req.method());
        writeHeaders(g, call.eventHeaders(), in.httpApiVersion1());
        writeQuery(g, HttpRequest.parseQuery(req.rawQuery()), in.httpApiVersion1());
        g.writeFieldName("requestContext");
        writeContext(g, in);
        writeStringMapOrNull(g, "pathParameters", in.pathParameters());
        writeStringMapOrNull(g, "stageVariables", in.stageVariables());
        writeBody(g, req, in.binaryMediaTypes());
        g.writeEndObject();
    }

    static void writeHeaders(JsonGenerator g, Headers headers, boolean commaJoined) throws IOException {
        g.writeObjectFieldStart("headers");
        for (String name : headers.names()) {
            List<String> values = headers.all(name);
            // REST APIs keep the last value of a repeated header; HTTP APIs (1.0) join them with commas.
            g.writeStringField(name, commaJoined ? String.join(",", values) : values.get(values.size() - 1));
        }
        g.writeEndObject();
        g.writeObjectFieldStart("multiValueHeaders");
        for (String name : headers.names()) {
            g.writeArrayFieldStart(name);
            for (String v : headers.all(name)) {
                g.writeString(v);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void writeQuery(JsonGenerator g, Map<String, List<String>> query, boolean commaJoined)
            throws IOException {
        if (query.isEmpty()) {
            g.writeNullField("queryStringParameters");
            g.writeNullField("multiValueQueryStringParameters");
            return;
        }
        g.writeObjectFieldStart("queryStringParameters");
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            List<String> v = e.getValue();
            g.writeStringField(e.getKey(), commaJoined ? String.join(",", v) : v.get(v.size() - 1));
        }
        g.writeEndObject();
        g.writeObjectFieldStart("multiValueQueryStringParameters");
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            g.writeArrayFieldStart(e.getKey());
            for (String v : e.getValue()) {
                g.writeString(v);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void writeContext(JsonGenerator g, Input in) throws IOException {
        Call call = in.call();
        HttpRequest req = call.request();
        g.writeStartObject();
        if (in.resourceId() == null) {
            g.writeNullField("resourceId");
        } else {
            g.writeStringField("resourceId", in.resourceId());
        }
        g.writeStringField("resourcePath", in.resourcePath());
        g.writeStringField("httpMethod", req.method());
        g.writeStringField("extendedRequestId", call.requestId());
        g.writeStringField("requestTime", call.requestTime());
        g.writeStringField("path", call.requestPath());
        g.writeStringField("accountId", in.accountId());
        g.writeStringField("protocol", "HTTP/1.1");
        g.writeStringField("stage", call.stage());
        g.writeStringField("domainPrefix", call.domainPrefix());
        g.writeNumberField("requestTimeEpoch", call.epochMillis());
        g.writeStringField("requestId", call.requestId());
        g.writeObjectFieldStart("identity");
        g.writeNullField("cognitoIdentityPoolId");
        g.writeNullField("accountId");
        g.writeNullField("cognitoIdentityId");
        g.writeNullField("caller");
        if (in.apiKey() != null) {
            g.writeStringField("apiKey", in.apiKey());
            g.writeStringField("apiKeyId", in.apiKeyId());
        }
        g.writeStringField("sourceIp", call.sourceIp());
        g.writeNullField("principalOrgId");
        g.writeNullField("accessKey");
        g.writeNullField("cognitoAuthenticationType");
        g.writeNullField("cognitoAuthenticationProvider");
        g.writeNullField("userArn");
        String ua = req.headers().get("User-Agent");
        if (ua == null) {
            g.writeNullField("userAgent");
        } else {
            g.writeStringField("userAgent", ua);
        }
        g.writeNullField("user");
        g.writeEndObject();
        if (in.authorizer() == null && in.httpApiVersion1()) {
            // HTTP APIs' payload 1.0 always carries this, as AWS's example shows.
            g.writeObjectFieldStart("authorizer");
            g.writeNullField("claims");
            g.writeNullField("scopes");
            g.writeEndObject();
        }
        if (in.authorizer() != null) {
            g.writeObjectFieldStart("authorizer");
            if (in.authorizer().context() != null) {
                var fields = in.authorizer().context().fields();
                while (fields.hasNext()) {
                    var f = fields.next();
                    g.writeFieldName(f.getKey());
                    g.writeTree(f.getValue());
                }
            }
            g.writeStringField("principalId", in.authorizer().principalId());
            g.writeNumberField("integrationLatency", in.authorizer().integrationLatency());
            g.writeEndObject();
        }
        g.writeStringField("domainName", call.domainName());
        if (in.deploymentId() != null) {
            g.writeStringField("deploymentId", in.deploymentId());
        }
        g.writeStringField("apiId", call.apiId());
        g.writeEndObject();
    }

    private static void writeStringMapOrNull(JsonGenerator g, String field, Map<String, String> map)
            throws IOException {
        if (map == null || map.isEmpty()) {
            g.writeNullField(field);
            return;
        }
        g.writeObjectFieldStart(field);
        for (Map.Entry<String, String> e : map.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    private static void writeBody(JsonGenerator g, HttpRequest req, List<String> binaryMediaTypes) throws IOException {
        if (req.body().length == 0) {
            g.writeNullField("body");
            g.writeBooleanField("isBase64Encoded", false);
            return;
        }
        if (isBinary(req.headers().get("Content-Type"), binaryMediaTypes)) {
            g.writeStringField("body", Base64.getEncoder().encodeToString(req.body()));
            g.writeBooleanField("isBase64Encoded", true);
        } else {
            g.writeStringField("body", req.bodyAsString());
            g.writeBooleanField("isBase64Encoded", false);
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
