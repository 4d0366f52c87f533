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
        return CLF.format(Instant.ofEpochMilli(epochMillis));
    }

    String sourceIp() {
        return request.remote().getAddress() == null ? request.remote().getHostString()
                : request.remote().getAddress().getHostAddress();
    }

    String domainPrefix() {
        int dot = domainName.indexOf('.');
        return dot < 0 ? domainName : domainName.substring(0, dot);
    }
}
