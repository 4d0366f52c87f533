package dev.slipway.protocol.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Collects the body of a plain request (a Content-Length within the server's ceiling, or none; no
 * Transfer-Encoding) straight into one byte array and hands the request on as {@link Assembled},
 * ahead of Netty's {@code HttpObjectAggregator}, which builds a composite buffer, a second header map
 * and a full request for every message before the body is copied out once more. Nearly every
 * request Slipway serves is such a request.
 *
 * <p>Anything else (chunked, oversized, a decoding failure, trailing headers) goes to the
 * aggregator exactly as the decoder produced it, with whatever was collected so far passed on as
 * one content part, so the aggregator's answers (413, its header rewrites) stay its own.
 */
final class BodyAssembler extends ChannelInboundHandlerAdapter {
    /** A request with its whole body, as the aggregator would have completed it. */
    record Assembled(io.netty.handler.codec.http.HttpRequest request, byte[] body) {}

    private final int maxBodyBytes;
    private io.netty.handler.codec.http.HttpRequest pending;
    private byte[] body;
    private int filled;

    BodyAssembler(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (pending != null) {
            if (msg instanceof HttpContent c && c.decoderResult().isSuccess()
                    && c.content().readableBytes() <= body.length - filled
                    && (!(msg instanceof LastHttpContent last) || last.trailingHeaders().isEmpty())) {
                ByteBuf data = c.content();
                int n = data.readableBytes();
                data.getBytes(data.readerIndex(), body, filled, n);
                filled += n;
                c.release();
                if (msg instanceof LastHttpContent && filled == body.length) {
                    io.netty.handler.codec.http.HttpRequest request = pending;
                    byte[] complete = body;
                    pending = null;
                    body = null;
                    if (!request.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
                        // what the aggregator sets on a message without one
                        request.headers().set(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(complete.length));
                    }
                    ctx.fireChannelRead(new Assembled(request, complete));
                } else if (msg instanceof LastHttpContent) {
                    handOver(ctx, LastHttpContent.EMPTY_LAST_CONTENT);
                }
                return;
            }
            handOver(ctx, msg);
            return;
        }
        if (msg instanceof io.netty.handler.codec.http.HttpRequest r && !(msg instanceof FullHttpRequest)
                && r.decoderResult().isSuccess() && !r.headers().contains(HttpHeaderNames.TRANSFER_ENCODING)) {
            long length = contentLength(r);
            if (length >= 0 && length <= Math.min(maxBodyBytes, DIRECT_MAX_BYTES)) {
                pending = r;
                body = length == 0 ? EMPTY : new byte[(int) length];
                filled = 0;
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }

    private static final byte[] EMPTY = new byte[0];
    /**
     * The array is allocated from the declared length before any byte arrives: above this (larger
     * than Lambda's 6 MB payloads), the aggregator, which grows with the data received, takes it.
     */
    private static final int DIRECT_MAX_BYTES = 8 << 20;

    /** The declared length, 0 when none is declared, -1 when it is not one plain number. */
    private static long contentLength(io.netty.handler.codec.http.HttpRequest r) {
        java.util.List<String> values = r.headers().getAll(HttpHeaderNames.CONTENT_LENGTH);
        if (values.isEmpty()) {
            return 0;
        }
        if (values.size() > 1) {
            return -1;
        }
        String v = values.get(0);
        if (v.isEmpty() || v.length() > 18) {
            return -1;
        }
        long n = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** The aggregator takes over this message: the request, the content so far, then {@code msg}. */
    private void handOver(ChannelHandlerContext ctx, Object msg) {
        io.netty.handler.codec.http.HttpRequest request = pending;
        byte[] collected = body;
        int n = filled;
        pending = null;
        body = null;
        ctx.fireChannelRead(request);
        if (n > 0) {
            ctx.fireChannelRead(new DefaultHttpContent(Unpooled.wrappedBuffer(collected, 0, n)));
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        pending = null;
        body = null;
        super.channelInactive(ctx);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        pending = null;
        body = null;
    }
}
