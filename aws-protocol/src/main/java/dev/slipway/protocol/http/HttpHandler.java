package dev.slipway.protocol.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Answers HTTP requests. {@link #handle} may block (it runs on a worker thread, never on the
 * network event loop); handlers that wait for something else (a Lambda worker, a long poll)
 * override {@link #handleAsync} instead and complete the stage when the answer is ready.
 *
 * <p>An exception thrown here becomes a 500 whose body names the handler; services render their
 * own AWS errors before that can happen.
 */
@FunctionalInterface
public interface HttpHandler {
    HttpResponse handle(HttpRequest request) throws Exception;

    /** Whether {@link #handleAsync} should be called on the event loop (it must then not block). */
    default boolean isAsync() {
        return false;
    }

    default CompletionStage<HttpResponse> handleAsync(HttpRequest request) {
        try {
            return CompletableFuture.completedFuture(handle(request));
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
