package dev.slipway.apigateway;

import dev.slipway.protocol.http.HttpRequest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One request as it reached an API: the stage, the path below the stage and the facts the events
 * report about it.
 *
 * @param path the decoded path below the stage, e.g. {@code /users/7}
 * @param rawPath the path below the stage as sent (percent-encoding kept)
 * @param requestPath the path as the client addressed it, e.g. {@code /dev/users/7} (requestContext.path)
 * @param domainName the Host the client used, without a port for execute-api names
 */
record Call(HttpRequest request, String apiId, String stage, String path, String rawPath, String requestPath,
        String domainName, String requestId, long epochMillis) {

    /** CLF time as requestContext.requestTime has it: {@code 09/Apr/2015:12:34:56 +0000}. */
    static final DateTimeFormatter CLF = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    /** HTTP API's requestContext.time: {@code 12/Mar/2020:19:03:58 +0000}, the same format. */
    static final DateTimeFormatter HTTP_TIME = CLF;

    String requestTime() {
        long second = Math.floorDiv(epochMillis, 1000);
        CachedTime cached = lastRequestTime;
        if (cached == null || cached.second != second) {
            cached = new CachedTime(second, CLF.format(Instant.ofEpochSecond(second)));
            lastRequestTime = cached;
        }
        return cached.text;
    }

    /** The last second formatted: requests within one second share it (formatting is per request otherwise). */
    private record CachedTime(long second, String text) {}

    private static volatile CachedTime lastRequestTime;

    String sourceIp() {
        return request.remote().getAddress() == null ? request.remote().getHostString()
                : request.remote().getAddress().getHostAddress();
    }

    /**
     * The request's headers as the function sees them: API Gateway adds X-Forwarded-For (appending
     * the caller's address), X-Forwarded-Port and X-Forwarded-Proto. Locally the protocol is http.
     */
    dev.slipway.protocol.http.Headers eventHeaders() {
        dev.slipway.protocol.http.Headers h = new dev.slipway.protocol.http.Headers();
        request.headers().forEach(h::add);
        String forwarded = h.get("X-Forwarded-For");
        h.set(forwarded == null ? "X-Forwarded-For" : h.names().stream()
                .filter(n -> n.equalsIgnoreCase("X-Forwarded-For")).findFirst().orElse("X-Forwarded-For"),
                forwarded == null ? sourceIp() : forwarded + ", " + sourceIp());
        if (!h.contains("X-Forwarded-Port")) {
            String host = h.get("Host");
            int colon = host == null ? -1 : host.lastIndexOf(':');
            h.add("X-Forwarded-Port", colon > 0 && !host.endsWith("]") ? host.substring(colon + 1) : "80");
        }
        if (!h.contains("X-Forwarded-Proto")) {
            h.add("X-Forwarded-Proto", "http");
        }
        return h;
    }

    String domainPrefix() {
        int dot = domainName.indexOf('.');
        return dot < 0 ? domainName : domainName.substring(0, dot);
    }
}
