package dev.slipway.dynamodb;

import dev.slipway.protocol.http.HttpHandler;
import dev.slipway.protocol.http.HttpRequest;
import dev.slipway.protocol.http.HttpResponse;
import dev.slipway.protocol.http.HttpServer;

/**
 * The engine served over HTTP on its own port (standalone, or embedded in a test on port 0).
 * Closing the server closes the engine.
 */
public final class DynamoDbServer implements AutoCloseable {
    private final HttpServer http;
    private final DynamoDbEngine engine;

    private DynamoDbServer(HttpServer http, DynamoDbEngine engine) {
        this.http = http;
        this.engine = engine;
    }

    /**
     * Serves {@code engine} on 127.0.0.1:{@code port} (0 picks a free port). Requests run on the
     * network event loops (one per CPU) rather than being handed to a worker thread: every
     * action is short and CPU-bound (no action waits for anything but the store's commit), so
     * the hand-off and its two thread switches per request cost more than they save.
     */
    public static DynamoDbServer start(int port, DynamoDbEngine engine) {
        // Netty 4.2's buffer allocator emits JFR events; merely loading its event classes starts
        // JFR's metadata machinery (~150-300 ms before the first answer). Off unless asked for;
        // it only takes effect if Netty has not been initialised yet in this JVM.
        if (System.getProperty("io.netty.jfr.enabled") == null) {
            System.setProperty("io.netty.jfr.enabled", "false");
        }
        HttpHandler wire = engine.handler();
        HttpHandler onEventLoop = new HttpHandler() {
            @Override
            public HttpResponse handle(HttpRequest request) throws Exception {
                return wire.handle(request);
            }

            @Override
            public boolean isAsync() {
                return true;
            }

            @Override
            public java.util.concurrent.CompletionStage<HttpResponse> handleAsync(HttpRequest request) {
                return wire.handleAsync(request); // a write completes after its group commit, off the loop
            }
        };
        // Load and initialise the request path (JSON codec, actions, Netty's HTTP codec chain) on a
        // second thread while Netty starts on this one: the first request then finds it ready.
        Thread warm = new Thread(() -> StartupWarmUp.run(wire), "dynamodb-warm-up");
        warm.setDaemon(true);
        warm.start();
        HttpServer http = HttpServer.builder("dynamodb", onEventLoop).port(port)
                .ioThreads(Math.max(2, Runtime.getRuntime().availableProcessors())).start();
        return new DynamoDbServer(http, engine);
    }

    /**
     * Standalone entry point: {@code [--port N] [--data-dir DIR]}. Prints
     * "DynamoDB listening on URL" once it answers, then runs until the process ends.
     */
    public static void main(String[] args) throws InterruptedException {
        int port = 8000;
        java.util.Optional<java.nio.file.Path> dataDir = java.util.Optional.empty();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--data-dir" -> dataDir = java.util.Optional.of(java.nio.file.Path.of(args[i + 1]));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        DynamoDbServer server = start(port, DynamoDbEngine.builder().dataDir(dataDir).build());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        System.out.println("DynamoDB listening on " + server.url());
        System.out.flush();
        Thread.currentThread().join();
    }

    public int port() {
        return http.port();
    }

    /** E.g. {@code http://127.0.0.1:8000}. */
    public String url() {
        return http.url();
    }

    public DynamoDbEngine engine() {
        return engine;
    }

    @Override
    public void close() {
        http.close();
        engine.close();
    }
}
