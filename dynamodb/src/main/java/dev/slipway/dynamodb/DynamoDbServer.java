package dev.slipway.dynamodb;

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

    /** Serves {@code engine} on 127.0.0.1:{@code port} (0 picks a free port). */
    public static DynamoDbServer start(int port, DynamoDbEngine engine) {
        HttpServer http = HttpServer.builder("dynamodb", engine.handler()).port(port).start();
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
