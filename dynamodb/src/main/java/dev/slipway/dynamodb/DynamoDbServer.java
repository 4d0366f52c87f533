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
