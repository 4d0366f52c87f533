package dev.slipway.dynamodb;

import dev.slipway.protocol.http.Headers;
import dev.slipway.protocol.http.HttpHandler;
import dev.slipway.protocol.http.HttpRequest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What {@link DynamoDbServer#start} runs on a second thread while Netty binds on the caller's: one
 * ListTables through the engine's wire handler, then one request and answer through Netty's HTTP/1.1
 * codec in an {@link EmbeddedChannel}: {@link HttpServerCodec} (a request decoder and a response
 * encoder, the classes behind the server's {@code HttpRequestDecoder} and {@code HttpResponseEncoder}),
 * the expect-continue handler, the aggregator and a {@link DefaultFullHttpResponse}. The first real
 * request then finds those Netty classes loaded and initialised. It is not the server's own
 * per-connection chain: aws-protocol's HttpServer decodes and encodes with the separate
 * {@code HttpRequestDecoder} and {@code HttpResponseEncoder}, assembles bodies with its own
 * {@code BodyAssembler} and writes answers as raw bytes, none of which this runs.
 *
 * <p>Why: on a quiet 2-core machine the embedded start to the first answer measured 268–331 ms
 * (BENCHMARKS.md, 17:03 pass), of which the first ListTables was 65–90 ms; its connection's event
 * loop loaded ~216 classes (Netty's HTTP codec, aggregator, buffers: {@code -Xlog:class+load}) that
 * nothing had needed before. Only a warm-up: it reads and changes nothing, and a failure is ignored.
 */
final class StartupWarmUp {
    private static final String LIST_TABLES = "{\"Limit\":1}";

    private StartupWarmUp() {}

    static void run(HttpHandler wire) {
        try {
            engine(wire);
        } catch (Exception | LinkageError ignored) {
            // only a warm-up: the real requests report their own failures
        }
        try {
            http();
        } catch (RuntimeException | LinkageError ignored) {
            // idem
        }
    }

    /** Answers one ListTables in-process (it reads nothing and changes nothing). */
    private static void engine(HttpHandler wire) throws Exception {
        Headers headers = new Headers();
        headers.add("X-Amz-Target", "DynamoDB_20120810.ListTables");
        headers.add("Content-Type", "application/x-amz-json-1.0");
        wire.handle(new HttpRequest("POST", "/", "", headers, LIST_TABLES.getBytes(StandardCharsets.UTF_8), null));
    }

    /** One request and answer through Netty's HTTP/1.1 server codec and aggregator (not HttpServer's own chain). */
    private static void http() {
        EmbeddedChannel channel = new EmbeddedChannel(new HttpServerCodec(8192, 65536, 65536),
                new HttpServerExpectContinueHandler(), new HttpObjectAggregator(1 << 20, true));
        try {
            String request = "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\n"
                    + "Content-Type: application/x-amz-json-1.0\r\nContent-Length: " + LIST_TABLES.length() + "\r\n\r\n" + LIST_TABLES;
            channel.writeInbound(Unpooled.copiedBuffer(request, StandardCharsets.US_ASCII));
            FullHttpRequest in = channel.readInbound();
            if (in != null) {
                boolean keepAlive = HttpUtil.isKeepAlive(in);
                for (Map.Entry<String, String> h : in.headers()) {
                    h.getKey();
                }
                in.content().readableBytes();
                in.release();
                byte[] body = "{\"TableNames\":[]}".getBytes(StandardCharsets.UTF_8);
                DefaultFullHttpResponse out = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                        Unpooled.wrappedBuffer(body));
                out.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/x-amz-json-1.0");
                out.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
                HttpUtil.setKeepAlive(out, keepAlive);
                channel.writeOutbound(out);
                ByteBuf written = channel.readOutbound();
                if (written != null) {
                    written.release();
                }
            }
        } finally {
            channel.finishAndReleaseAll();
        }
    }
}
