package dev.slipway.cloud;

import dev.slipway.protocol.Json;
import dev.slipway.protocol.SigV4;
import dev.slipway.protocol.http.HttpRequest;
import dev.slipway.protocol.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The end of the chain: no service answers this request; say why, in the shape AWS clients parse. */
final class NoServiceHandler implements EdgeHandler {
    @Override
    public String name() {
        return "no-service";
    }

    @Override
    public CompletionStage<HttpResponse> handle(HttpRequest request, Chain next) {
        String target = request.headers().get("X-Amz-Target");
        String what = target != null ? "X-Amz-Target " + target
                : SigV4.scope(request).map(s -> "service '" + s.service() + "'")
                        .orElse("unsigned request " + request.method() + " " + request.rawPath());
        String message = "The Slipway local cloud does not serve " + what
                + ". See GET " + HealthHandler.PATH + " for the services it runs.";
        return CompletableFuture.completedFuture(HttpResponse.json(404,
                Json.string(Map.of("__type", "UnknownServiceException", "message", message)))
                .header("x-amzn-ErrorType", "UnknownServiceException"));
    }
}
