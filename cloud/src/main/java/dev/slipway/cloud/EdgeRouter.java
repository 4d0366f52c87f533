package dev.slipway.cloud;

import dev.slipway.protocol.Json;
import dev.slipway.protocol.http.HttpHandler;
import dev.slipway.protocol.http.HttpRequest;
import dev.slipway.protocol.http.HttpResponse;
import dev.slipway.protocol.spi.CloudService;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The edge port's handler: runs the request through an ordered chain of {@link EdgeHandler}s.
 * A handler that throws is reported as a 500 whose message names it.
 */
final class EdgeRouter implements HttpHandler {
    private final List<EdgeHandler> chain;

    EdgeRouter(List<EdgeHandler> chain) {
        this.chain = List.copyOf(chain);
    }

    /** The chain of the local cloud, in order: health, service dispatch, not-found. */
    static EdgeRouter standardChain(List<CloudService> services, Executor blockingPool) {
        return new EdgeRouter(List.of(
                new HealthHandler(services),
                new ServiceDispatcher(services, blockingPool),
                new NoServiceHandler()));
    }

    @Override
    public boolean isAsync() {
        return true;
    }

    @Override
    public HttpResponse handle(HttpRequest request) throws Exception {
        return handleAsync(request).toCompletableFuture().get();
    }

    @Override
    public CompletionStage<HttpResponse> handleAsync(HttpRequest request) {
        return step(0, request);
    }

    private CompletionStage<HttpResponse> step(int index, HttpRequest request) {
        EdgeHandler handler = chain.get(index);
        try {
            CompletionStage<HttpResponse> stage = handler.handle(request,
                    index + 1 < chain.size() ? r -> step(index + 1, r) : r -> notReached());
            return stage.exceptionally(e -> failure(handler, e));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(failure(handler, e));
        }
    }

    private static CompletionStage<HttpResponse> notReached() {
        return CompletableFuture.failedFuture(new IllegalStateException("the chain ended without an answer"));
    }

    private static HttpResponse failure(EdgeHandler handler, Throwable e) {
        Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        return HttpResponse.json(500, Json.string(Map.of(
                "__type", "InternalFailure",
                "message", "Slipway edge handler '" + handler.name() + "' failed: " + cause)));
    }
}
