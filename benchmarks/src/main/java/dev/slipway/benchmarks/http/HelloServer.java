package dev.slipway.benchmarks.http;

import dev.slipway.protocol.http.HttpHandler;
import dev.slipway.protocol.http.HttpRequest;
import dev.slipway.protocol.http.HttpResponse;
import dev.slipway.protocol.http.HttpServer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The floor for HTTP benchmarks: a minimal Netty "hello" server (Slipway's HttpServer, answering on
 * the event loop). {@code java -cp benchmarks/target/benchmarks.jar dev.slipway.benchmarks.http.HelloServer PORT}
 */
public final class HelloServer {
    private HelloServer() {}

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 3400;
        HttpHandler hello = new HttpHandler() {
            @Override
            public boolean isAsync() {
                return true;
            }

            @Override
            public HttpResponse handle(HttpRequest request) {
                return HttpResponse.json(200, "{\"message\":\"hello\"}");
            }

            @Override
            public CompletionStage<HttpResponse> handleAsync(HttpRequest request) {
                return CompletableFuture.completedFuture(handle(request));
            }
        };
        try (HttpServer server = HttpServer.start("hello", port, hello)) {
            System.out.println("hello server on " + server.url());
            Thread.currentThread().join();
        }
    }
}
