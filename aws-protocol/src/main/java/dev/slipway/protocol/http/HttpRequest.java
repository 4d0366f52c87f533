package dev.slipway.protocol.http;

import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as a service sees it: the raw path and query (not decoded, because S3 keys,
 * API Gateway paths and SigV4 canonical requests each decode differently), headers and the whole
 * body.
 *
 * @param method upper-case method, e.g. {@code GET}
 * @param rawPath the path as sent, percent-encoding kept, without the query
 * @param rawQuery the query string as sent without the '?', empty when none
 * @param headers request headers
 * @param body the whole body, empty when none
 * @param remote the client's address
 */
public record HttpRequest(String method, String rawPath, String rawQuery, Headers headers, byte[] body,
        InetSocketAddress remote) {

    public HttpRequest {
        rawQuery = rawQuery == null ? "" : rawQuery;
        body = body == null ? new byte[0] : body;
        remote = remote == null ? new InetSocketAddress("127.0.0.1", 0) : remote;
    }

    /** The path with percent-encoding decoded ('+' stays '+', as in a path). */
    public String path() {
        // nothing to decode: the common case, asked several times per request by the handlers in a chain
        return rawPath.indexOf('%') < 0 ? rawPath : decode(rawPath.replace("+", "%2B"));
    }

    /** Query parameters decoded, in order, multi-valued; a name without '=' maps to "". */
    public Map<String, List<String>> queryParameters() {
        return parseQuery(rawQuery);
    }

    /** The first value of a query parameter. */
    public Optional<String> query(String name) {
        List<String> values = queryParameters().get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public Optional<String> header(String name) {
        return headers.first(name);
    }

    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Parses an application/x-www-form-urlencoded string (a query string or a Query-protocol body). */
    public static Map<String, List<String>> parseQuery(String query) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return result;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decodeForm(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decodeForm(pair.substring(eq + 1));
            result.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
        }
        return result;
    }

    private static String decodeForm(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String decode(String s) {
        return s.indexOf('%') < 0 ? s : URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
