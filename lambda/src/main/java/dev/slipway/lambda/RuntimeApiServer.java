package dev.slipway.lambda;

import dev.slipway.protocol.Json;
import dev.slipway.protocol.http.HttpHandler;
import dev.slipway.protocol.http.HttpRequest;
import dev.slipway.protocol.http.HttpResponse;
import dev.slipway.protocol.http.HttpServer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The Lambda Runtime API (2018-06-01) for one sandbox, on its own loopback listener, so a connection
 * is a worker and a request id needs no lookup. {@code /next} is a long poll answered
 * asynchronously (no thread parked per idle worker); everything else is answered on the event loop
 * because the sandbox only flips state. One error renderer, in the RIE's shape.
 */
final class RuntimeApiServer implements AutoCloseable {
    static final String PREFIX = "/2018-06-01/runtime/";
    private static final String INVOCATION = "invocation/";

    /** What the server needs from its sandbox. */
    interface Backend {
        /** Completes when there is an invocation for the runtime. */
        CompletionStage<Invocation> next();

        /** The runtime's result; answers how the post was taken. */
        Posted response(String requestId, byte[] body);

        Posted error(String requestId, byte[] body, String errorType);

        void initError(byte[] body, String errorType);

        /** Milliseconds since the epoch by which the invocation must end. */
        long deadlineMillis(Invocation invocation);
    }

    enum Posted { ACCEPTED, UNKNOWN_REQUEST, TOO_LARGE }

    private final HttpServer server;

    RuntimeApiServer(String name, Backend backend) {
        this.server = HttpServer.builder(name, new Handler(backend))
                .maxBodyBytes(Limits.RESPONSE_BYTES * 2)
                .start();
    }

    /** host:port for AWS_LAMBDA_RUNTIME_API. */
    String address() {
        return server.host() + ":" + server.port();
    }

    @Override
    public void close() {
        server.close();
    }

    private static final class Handler implements HttpHandler {
        private final Backend backend;

        Handler(Backend backend) {
            this.backend = backend;
        }

        @Override
        public boolean isAsync() {
            return true;
        }

        @Override
        public HttpResponse handle(HttpRequest request) {
            throw new UnsupportedOperationException("asynchronous handler");
        }

        @Override
        public CompletionStage<HttpResponse> handleAsync(HttpRequest request) {
            String path = request.rawPath();
            if (!path.startsWith(PREFIX)) {
                return done(error(404, "UnknownRequest", "Unknown path " + path));
            }
            String rest = path.substring(PREFIX.length());
            String method = request.method();
            if (rest.equals("invocation/next") && method.equals("GET")) {
                return backend.next().thenApply(this::nextResponse);
            }
            if (rest.equals("init/error") && method.equals("POST")) {
                backend.initError(request.body(), errorType(request));
                return done(accepted());
            }
            if (rest.startsWith("invocation/") && method.equals("POST")) {
                // invocation/{id}/response or invocation/{id}/error, read as String.split("/") did
                // (trailing slashes ignored) without its array and regex on every invocation
                int end = rest.length();
                while (end > INVOCATION.length() && rest.charAt(end - 1) == '/') {
                    end--;
                }
                String t = end == rest.length() ? rest : rest.substring(0, end);
                int slash = t.indexOf('/', INVOCATION.length());
                if (slash >= 0 && t.indexOf('/', slash + 1) < 0) {
                    String id = t.substring(INVOCATION.length(), slash);
                    String action = t.substring(slash + 1);
                    if (action.equals("response")) {
                        return done(render(backend.response(id, request.body()), id));
                    }
                    if (action.equals("error")) {
                        return done(render(backend.error(id, request.body(), errorType(request)), id));
                    }
                }
            }
            return done(error(404, "UnknownRequest", "Unknown request " + method + " " + path));
        }

        private static String errorType(HttpRequest request) {
            return request.header("Lambda-Runtime-Function-Error-Type").orElse("Unhandled");
        }

        private HttpResponse nextResponse(Invocation inv) {
            HttpResponse r = HttpResponse.json(200, inv.payload)
                    .header("Lambda-Runtime-Aws-Request-Id", inv.requestId)
                    .header("Lambda-Runtime-Deadline-Ms", Long.toString(backend.deadlineMillis(inv)))
                    .header("Lambda-Runtime-Invoked-Function-Arn", inv.invokedArn)
                    .header("Lambda-Runtime-Trace-Id", inv.traceId);
            if (inv.clientContext != null) {
                r.header("Lambda-Runtime-Client-Context", inv.clientContext);
            }
            return r;
        }

        private static HttpResponse render(Posted posted, String requestId) {
            return switch (posted) {
                case ACCEPTED -> accepted();
                case UNKNOWN_REQUEST -> error(400, "InvalidRequestID", "Invalid request ID: " + requestId);
                case TOO_LARGE -> error(413, "RequestEntityTooLarge", "Exceeded maximum allowed payload size ("
                        + Limits.RESPONSE_BYTES + " bytes).");
            };
        }

        private static HttpResponse accepted() {
            return HttpResponse.json(202, "{\"status\":\"OK\"}");
        }

        private static HttpResponse error(int status, String type, String message) {
            return HttpResponse.json(status, Json.string(java.util.Map.of("errorType", type, "errorMessage", message)));
        }

        private static CompletableFuture<HttpResponse> done(HttpResponse r) {
            return CompletableFuture.completedFuture(r);
        }
    }
}
