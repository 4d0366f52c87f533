package dev.slipway.protocol.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP/1.1 server on Netty, shared by every Slipway endpoint (the edge port, Lambda's
 * Runtime API listeners, the standalone DynamoDB server, the API Gateway port).
 *
 * <p>Why Netty and not the JDK's server: the Lambda prototype measured the JDK server 2-3x slower
 * and needing {@code sun.net.httpserver.nodelay} to avoid 40-90 ms Nagle stalls, and it rewrites
 * header-name case. Here TCP_NODELAY is always on, bodies are aggregated (with a configurable
 * ceiling; a larger body gets 413), blocking handlers run on a cached worker pool and async ones
 * complete on the event loop.
 *
 * <p>Servers share one event-loop thread by default (the edge, API Gateway's port and every Lambda
 * sandbox's Runtime API): an invocation then goes from the caller's connection to the worker's
 * parked {@code /next} and back without a thread hand-off. A server that wants its own threads
 * asks for them with {@link Builder#ioThreads(int)}.
 */
public final class HttpServer implements AutoCloseable {
    /** Default ceiling for a request body: services enforce AWS's own, smaller limits themselves. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1 << 30;

    static {
        // Netty's leak detector samples one buffer in 128 and records a stack trace for it: a cost on
        // every hot path and no use to a user. -Dio.netty.leakDetection.level=... turns it back on.
        if (System.getProperty("io.netty.leakDetection.level") == null
                && System.getProperty("io.netty.leakDetectionLevel") == null) {
            io.netty.util.ResourceLeakDetector.setLevel(io.netty.util.ResourceLeakDetector.Level.DISABLED);
        }
    }

    private static final AtomicInteger SERVER_IDS = new AtomicInteger();
    /** The request decoder's name in every connection's pipeline; raw response bytes are written from there. */
    private static final String DECODER = "decoder";

    private final EventLoopGroup group;
    private final boolean ownsGroup;
    private final ExecutorService blockingPool;
    private final Channel channel;
    /** Accepted connections: on a shared loop, closing the listener alone would leave them served. */
    private final java.util.Set<Channel> connections;
    private final String name;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private HttpServer(String name, EventLoopGroup group, boolean ownsGroup, ExecutorService blockingPool,
            Channel channel, java.util.Set<Channel> connections) {
        this.connections = connections;
        this.name = name;
        this.group = group;
        this.ownsGroup = ownsGroup;
        this.blockingPool = blockingPool;
        this.channel = channel;
    }

    /** Starts a server on 127.0.0.1 and the given port (0 picks a free one). */
    public static HttpServer start(String name, int port, HttpHandler handler) {
        return builder(name, handler).port(port).start();
    }

    public static Builder builder(String name, HttpHandler handler) {
        return new Builder(name, handler);
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    public String host() {
        return ((InetSocketAddress) channel.localAddress()).getAddress().getHostAddress();
    }

    /** {@code http://127.0.0.1:PORT} */
    public String url() {
        return "http://" + host() + ":" + port();
    }

    public String name() {
        return name;
    }

    /** Stops listening and releases the threads; calling it again does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (channel.eventLoop().inEventLoop()) {
            channel.close();
        } else {
            channel.close().syncUninterruptibly();
        }
        for (Channel c : connections) {
            c.close();
        }
        if (ownsGroup) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
        blockingPool.shutdownNow();
    }

    public static final class Builder {
        private final String name;
        private final HttpHandler handler;
        private String host = "127.0.0.1";
        private int port;
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        /** 0: the shared event loop. */
        private int ioThreads;

        private Builder(String name, HttpHandler handler) {
            this.name = name;
            this.handler = handler;
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder maxBodyBytes(int maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /** Event-loop threads of this server's own; by default it shares one with the other servers. */
        public Builder ioThreads(int ioThreads) {
            this.ioThreads = ioThreads;
            return this;
        }

        public HttpServer start() {
            int id = SERVER_IDS.incrementAndGet();
            AtomicInteger threadIds = new AtomicInteger();
            // binding waits for the loop: a server started on the shared loop itself gets its own
            boolean own = ioThreads > 0 || SharedLoop.isCurrentThread();
            EventLoopGroup group = !own ? SharedLoop.GROUP : new MultiThreadIoEventLoopGroup(Math.max(1, ioThreads), r -> {
                Thread t = new Thread(r, name + "-io-" + id + "-" + threadIds.incrementAndGet());
                t.setDaemon(true);
                return t;
            }, Transport.ioHandlers());
            ExecutorService pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
                    new SynchronousQueue<>(), r -> {
                        Thread t = new Thread(r, name + "-worker-" + id + "-" + threadIds.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
            java.util.Set<Channel> connections = java.util.concurrent.ConcurrentHashMap.newKeySet();
            try {
                Channel ch = new ServerBootstrap()
                        .group(group)
                        .channel(Transport.serverChannel())
                        .option(ChannelOption.SO_BACKLOG, 1024)
                        .option(ChannelOption.SO_REUSEADDR, true)
                        .childOption(ChannelOption.TCP_NODELAY, true)
                        .childHandler(new ChannelInitializer<SocketChannel>() {
                            @Override
                            protected void initChannel(SocketChannel c) {
                                connections.add(c);
                                c.closeFuture().addListener(f -> connections.remove(c));
                                // decoder and encoder apart (not HttpServerCodec, whose encoder must see every
                                // response): the Dispatcher writes most responses as bytes past the encoder
                                c.pipeline()
                                        .addLast(DECODER, new HttpRequestDecoder(new HttpDecoderConfig()
                                                .setMaxInitialLineLength(8192).setMaxHeaderSize(65536)
                                                .setMaxChunkSize(65536)))
                                        .addLast(new HttpResponseEncoder())
                                        .addLast(new HttpServerExpectContinueHandler())
                                        .addLast(new BodyAssembler(maxBodyBytes))
                                        .addLast(new HttpObjectAggregator(maxBodyBytes, true))
                                        .addLast(new Dispatcher(name, handler, pool));
                            }
                        })
                        .bind(host, port)
                        .syncUninterruptibly()
                        .channel();
                return new HttpServer(name, group, own, pool, ch, connections);
            } catch (RuntimeException e) {
                if (own) {
                    group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
                }
                pool.shutdownNow();
                throw e;
            }
        }
    }

    /**
     * Netty's native epoll transport where it loads (Linux with the native jar on the class path),
     * else NIO (macOS, Windows, or {@code -Dslipway.http.transport=nio}). Why: on loopback an
     * invocation is three HTTP exchanges, and epoll saves the JDK selector's bookkeeping and
     * copies on each read and write (measured: benchmarks/results/lambda.md, third session).
     */
    static final class Transport {
        static final boolean EPOLL = !"nio".equalsIgnoreCase(System.getProperty("slipway.http.transport"))
                && epollAvailable();

        private static boolean epollAvailable() {
            try {
                return Epoll.isAvailable();
            } catch (LinkageError e) {
                // the epoll classes are not on the class path (a trimmed distribution)
                return false;
            }
        }

        static IoHandlerFactory ioHandlers() {
            return EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        }

        static Class<? extends ServerChannel> serverChannel() {
            return EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        }
    }

    /** The event loop servers share (one daemon thread, started with the first server). */
    private static final class SharedLoop {
        static final EventLoopGroup GROUP = new MultiThreadIoEventLoopGroup(1, r -> {
            Thread t = new Thread(r, "slipway-io");
            t.setDaemon(true);
            return t;
        }, Transport.ioHandlers());

        static boolean isCurrentThread() {
            return Thread.currentThread().getName().equals("slipway-io") && GROUP.next().inEventLoop();
        }
    }

    private static final class Dispatcher extends SimpleChannelInboundHandler<Object> {
        private final String serverName;
        private final HttpHandler handler;
        private final ExecutorService pool;

        Dispatcher(String serverName, HttpHandler handler, ExecutorService pool) {
            this.serverName = serverName;
            this.handler = handler;
            this.pool = pool;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Object in) {
            // a plain request from the BodyAssembler, or what the aggregator completed (chunked, oversized, malformed)
            io.netty.handler.codec.http.HttpRequest msg;
            byte[] body;
            if (in instanceof BodyAssembler.Assembled a) {
                msg = a.request();
                body = a.body();
            } else if (in instanceof FullHttpRequest full) {
                msg = full;
                ByteBuf content = full.content();
                body = content.readableBytes() == 0 ? new byte[0] : ByteBufUtil.getBytes(content);
            } else {
                return;
            }
            boolean keepAlive = HttpUtil.isKeepAlive(msg);
            boolean head = HttpMethod.HEAD.equals(msg.method());
            HttpRequest request = toRequest(ctx, msg, body);
            if (handler.isAsync()) {
                CompletionStage<HttpResponse> stage;
                try {
                    stage = handler.handleAsync(request);
                } catch (RuntimeException e) {
                    write(ctx, internalError(e), keepAlive, head);
                    return;
                }
                stage.whenComplete((response, error) -> {
                    HttpResponse r = error != null ? internalError(error) : response;
                    if (ctx.executor().inEventLoop()) {
                        write(ctx, r, keepAlive, head);
                    } else {
                        ctx.executor().execute(() -> write(ctx, r, keepAlive, head));
                    }
                });
            } else {
                pool.execute(() -> {
                    HttpResponse r;
                    try {
                        r = handler.handle(request);
                    } catch (Throwable e) {
                        r = internalError(e);
                    }
                    HttpResponse response = r;
                    ctx.executor().execute(() -> write(ctx, response, keepAlive, head));
                });
            }
        }

        private HttpResponse internalError(Throwable e) {
            String message = "Internal error in " + serverName + ": " + e;
            return HttpResponse.json(500, dev.slipway.protocol.Json.string(Map.of("message", message)));
        }

        private static HttpRequest toRequest(ChannelHandlerContext ctx, io.netty.handler.codec.http.HttpRequest msg,
                byte[] body) {
            String uri = msg.uri();
            int q = uri.indexOf('?');
            String rawPath = q < 0 ? uri : uri.substring(0, q);
            String rawQuery = q < 0 ? "" : uri.substring(q + 1);
            if (rawPath.startsWith("http://") || rawPath.startsWith("https://")) {
                int slash = rawPath.indexOf('/', rawPath.indexOf("//") + 2);
                rawPath = slash < 0 ? "/" : rawPath.substring(slash);
            }
            Headers headers = new Headers();
            for (var it = msg.headers().iteratorCharSequence(); it.hasNext(); ) {
                Map.Entry<CharSequence, CharSequence> h = it.next();
                headers.add(h.getKey().toString(), h.getValue().toString());
            }
            InetSocketAddress remote = ctx.channel().remoteAddress() instanceof InetSocketAddress a ? a : null;
            return new HttpRequest(msg.method().name(), rawPath, rawQuery, headers, body, remote);
        }

        private static void write(ChannelHandlerContext ctx, HttpResponse r, boolean keepAlive, boolean head) {
            // from the decoder's place in the pipeline: past the response encoder, straight to the socket
            // (none when the connection closed meanwhile: the usual path then drops the response)
            ChannelHandlerContext raw = keepAlive && !head ? ctx.pipeline().context(DECODER) : null;
            if (raw != null) {
                ByteBuf encoded = ResponseBytes.encode(ctx.alloc(), r);
                if (encoded != null) {
                    if (ResponseBytes.bodyIncluded(r)) {
                        raw.writeAndFlush(encoded);
                    } else {
                        raw.write(encoded);
                        raw.writeAndFlush(Unpooled.wrappedBuffer(r.body()));
                    }
                    return;
                }
            }
            FullHttpResponse out = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(r.status()),
                    head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(r.body()));
            r.headers().forEach((name, value) -> out.headers().add(name, value));
            if (!(head && out.headers().contains(HttpHeaderNames.CONTENT_LENGTH))) {
                out.headers().set(HttpHeaderNames.CONTENT_LENGTH, r.body().length);
            }
            if (head) {
                // the encoder alone does not know the request was HEAD: a chunked header would make it
                // write a last chunk, bytes a HEAD response must not carry
                out.headers().remove(HttpHeaderNames.TRANSFER_ENCODING);
            }
            if (keepAlive) {
                if (!HttpVersion.HTTP_1_1.equals(out.protocolVersion())) {
                    out.headers().set(HttpHeaderNames.CONNECTION, "keep-alive");
                }
                ctx.writeAndFlush(out);
            } else {
                out.headers().set(HttpHeaderNames.CONNECTION, "close");
                ctx.writeAndFlush(out).addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
