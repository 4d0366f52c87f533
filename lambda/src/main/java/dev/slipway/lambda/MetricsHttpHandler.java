package dev.slipway.lambda;

import dev.slipway.protocol.AwsServiceException;
import dev.slipway.protocol.Json;
import dev.slipway.protocol.http.HttpHandler;
import dev.slipway.protocol.http.HttpRequest;
import dev.slipway.protocol.http.HttpResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;

/**
 * Slipway's read-only, local-only metrics endpoint in front of Lambda's API:
 * {@code GET /_slipway/lambda/metrics/FUNCTION?Version=N&After=SEQ} answers the
 * {@link VersionMetrics} of one executed version as JSON. Release gates read it while traffic
 * shifts (AWS has no such API; there the gates read CloudWatch alarms). Every other request goes
 * to the wrapped Lambda handler unchanged.
 */
final class MetricsHttpHandler implements HttpHandler {
    static final String PREFIX = "/_slipway/lambda/metrics/";

    private final LambdaService lambda;
    private final HttpHandler next;

    MetricsHttpHandler(LambdaService lambda, HttpHandler next) {
        this.lambda = lambda;
        this.next = next;
    }

    static boolean claims(HttpRequest request) {
        return request.path().startsWith(PREFIX);
    }

    @Override
    public boolean isAsync() {
        return next.isAsync();
    }

    @Override
    public CompletionStage<HttpResponse> handleAsync(HttpRequest request) {
        if (claims(request)) {
            return java.util.concurrent.CompletableFuture.completedFuture(metrics(request));
        }
        return next.handleAsync(request);
    }

    @Override
    public HttpResponse handle(HttpRequest request) throws Exception {
        return claims(request) ? metrics(request) : next.handle(request);
    }

    private HttpResponse metrics(HttpRequest r) {
        try {
            if (!r.method().equals("GET")) {
                throw UnknownOperationException.route(r.method(), r.path());
            }
            String function = URLDecoder.decode(r.path().substring(PREFIX.length()), StandardCharsets.UTF_8);
            String version = r.query("Version").orElse("$LATEST");
            long after;
            try {
                after = Long.parseLong(r.query("After").orElse("0"));
            } catch (NumberFormatException e) {
                throw ValidationException.of(java.util.List.of(ValidationException.constraint(
                        r.query("After").orElse(""), "after", "Member must be a whole number")));
            }
            return HttpResponse.json(200, Json.bytes(lambda.metrics(function, version, after)));
        } catch (AwsServiceException e) {
            return LambdaHttpHandler.error(e);
        }
    }
}
