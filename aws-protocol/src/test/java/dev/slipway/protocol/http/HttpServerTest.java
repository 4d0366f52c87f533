package dev.slipway.protocol.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class HttpServerTest {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private String get(String url) throws Exception {
        return client.send(java.net.http.HttpRequest.newBuilder(URI.create(url)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Async handler that answers with the name of the thread it ran on. */
    private static HttpHandler threadName() {
        return new HttpHandler() {
            @Override
            public HttpResponse handle(HttpRequest request) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean isAsync() {
                return true;
            }

            @Override
            public CompletionStage<HttpResponse> handleAsync(HttpRequest request) {
                return CompletableFuture.completedFuture(HttpResponse.status(200).body(Thread.currentThread().getName()));
            }
        };
    }

    @Test
    void serversShareOneEventLoop_andClosingOneLeavesTheOtherServing() throws Exception {
        try (HttpServer a = HttpServer.start("a", 0, threadName())) {
            try (HttpServer b = HttpServer.start("b", 0, threadName())) {
                assertThat(get(a.url() + "/")).isEqualTo(get(b.url() + "/")).isEqualTo("slipway-io");
            }
            assertThat(get(a.url() + "/")).isEqualTo("slipway-io");
        }
    }

    @Test
    void closingAServer_closesItsKeptAliveConnections() throws Exception {
        HttpServer server = HttpServer.start("closing", 0, threadName());
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(
                    java.nio.charset.StandardCharsets.US_ASCII));
            java.io.InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            String answer = "";
            while (!answer.endsWith("slipway-io")) {
                int n = in.read(buffer);
                assertThat(n).isPositive();
                answer += new String(buffer, 0, n, java.nio.charset.StandardCharsets.US_ASCII);
            }
            server.close();
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void aHeadAnswerWithAChunkedHeader_carriesNoBytesAfterItsHead_andTheConnectionServesTheNextRequest() throws Exception {
        HttpHandler chunkedHeader = request -> HttpResponse.status(200).header("Transfer-Encoding", "chunked")
                .body(request.method());
        try (HttpServer server = HttpServer.start("head", 0, chunkedHeader);
                java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("HEAD / HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
            // the HEAD answer's head, then straight the GET answer's status line: no "0\r\n\r\n" between
            int second = answer.indexOf("HTTP/1.1", 1);
            assertThat(answer).startsWith("HTTP/1.1 200");
            assertThat(second).isPositive();
            assertThat(answer.substring(0, second)).endsWith("\r\n\r\n").doesNotContain("\r\n\r\n0");
            assertThat(answer.substring(second)).startsWith("HTTP/1.1 200").contains("GET");
        }
    }

    @Test
    void aServerWithItsOwnThreads_doesNotUseTheSharedLoop() throws Exception {
        try (HttpServer own = HttpServer.builder("own", threadName()).ioThreads(1).start()) {
            assertThat(get(own.url() + "/")).startsWith("own-io-");
        }
    }

    @Test
    void aServerStartedAndClosedFromTheSharedLoop_works() throws Exception {
        HttpHandler starter = new HttpHandler() {
            @Override
            public HttpResponse handle(HttpRequest request) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean isAsync() {
                return true;
            }

            @Override
            public CompletionStage<HttpResponse> handleAsync(HttpRequest request) {
                // binding waits for an event loop: on the shared loop itself it must not wait for itself
                try (HttpServer inner = HttpServer.start("inner", 0, threadName())) {
                    return CompletableFuture.completedFuture(HttpResponse.status(200).body("port " + inner.port()));
                }
            }
        };
        try (HttpServer outer = HttpServer.start("outer", 0, starter)) {
            assertThat(get(outer.url() + "/")).startsWith("port ");
        }
    }

    @Test
    void blockingHandlers_runOffTheEventLoop() throws Exception {
        try (HttpServer s = HttpServer.start("blocking", 0,
                request -> HttpResponse.status(200).body(Thread.currentThread().getName()))) {
            assertThat(get(s.url() + "/")).startsWith("blocking-worker-");
        }
    }
}
