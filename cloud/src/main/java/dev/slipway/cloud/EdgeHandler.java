package dev.slipway.cloud;

import dev.slipway.protocol.http.HttpRequest;
import dev.slipway.protocol.http.HttpResponse;
import java.util.concurrent.CompletionStage;

/**
 * One link of the edge server's chain (STYLE.md rule 8): it answers the request or passes it on.
 * The chain itself is declared in one place, {@link EdgeRouter#standardChain}.
 */
interface EdgeHandler {
    /** Shown when this handler fails, so a 500 names the handler at fault. */
    String name();

    CompletionStage<HttpResponse> handle(HttpRequest request, Chain next);

    /** The rest of the chain after a handler. */
    interface Chain {
        CompletionStage<HttpResponse> proceed(HttpRequest request);
    }
}
