package dev.slipway.apigateway;

import dev.slipway.protocol.http.HttpRequest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

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

    /** The caller's address as text; the last one is kept (formatting an address costs more than comparing it). */
    String sourceIp() {
        java.net.InetAddress address = request.remote().getAddress();
        if (address == null) {
            return request.remote().getHostString();
        }
        CachedIp cached = lastSourceIp;
        if (cached == null || !cached.address.equals(address)) {
            cached = new CachedIp(address, address.getHostAddress());
            lastSourceIp = cached;
        }
        return cached.text;
    }

    private record CachedIp(java.net.InetAddress address, String text) {}

    private static volatile CachedIp lastSourceIp;

    /**
     * The request's headers as the function sees them, as (name, value) pairs in a flat list: API
     * Gateway adds X-Forwarded-For (appending the caller's address to the first value, which then is
     * the only one), X-Forwarded-Port and X-Forwarded-Proto. Locally the protocol is http. The values
     * of one header follow each other under the same name instance, in arrival order; the added
     * headers come last.
     */
    List<String> eventHeaderPairs() {
        EventHeaders h = new EventHeaders(sourceIp());
        request.headers().forEach(h);
        List<String> pairs = h.pairs;
        if (h.forwardedFor == null) {
            pairs.add("X-Forwarded-For");
            pairs.add(h.sourceIp);
        }
        if (!h.port) {
            String host = h.host;
            int colon = host == null ? -1 : host.lastIndexOf(':');
            pairs.add("X-Forwarded-Port");
            pairs.add(colon > 0 && !host.endsWith("]") ? host.substring(colon + 1) : "80");
        }
        if (!h.proto) {
            pairs.add("X-Forwarded-Proto");
            pairs.add("http");
        }
        return pairs;
    }

    private static final class EventHeaders implements BiConsumer<String, String> {
        final List<String> pairs = new ArrayList<>(32);
        final String sourceIp;
        /** The X-Forwarded-For header's name as received, once seen. */
        String forwardedFor;
        boolean port;
        boolean proto;
        String host;

        EventHeaders(String sourceIp) {
            this.sourceIp = sourceIp;
        }

        @Override
        public void accept(String name, String value) {
            if (name == forwardedFor) {
                return;
            }
            if (forwardedFor == null && name.equalsIgnoreCase("X-Forwarded-For")) {
                forwardedFor = name;
                value = value + ", " + sourceIp;
            } else if (!port && name.equalsIgnoreCase("X-Forwarded-Port")) {
                port = true;
            } else if (!proto && name.equalsIgnoreCase("X-Forwarded-Proto")) {
                proto = true;
            } else if (host == null && name.equalsIgnoreCase("Host")) {
                host = value;
            }
            pairs.add(name);
            pairs.add(value);
        }
    }

    String domainPrefix() {
        int dot = domainName.indexOf('.');
        return dot < 0 ? domainName : domainName.substring(0, dot);
    }
}
