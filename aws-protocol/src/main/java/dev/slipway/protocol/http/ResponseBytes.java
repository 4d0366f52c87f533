package dev.slipway.protocol.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;

/**
 * Writes a keep-alive response straight to bytes, exactly as Netty's {@code DefaultFullHttpResponse}
 * plus {@code HttpResponseEncoder} did for it ({@code HTTP/1.1 <code> <reason>}, the headers in order
 * with their case kept, then {@code content-length} last), without the two header maps, the
 * validation and the encoder state that path builds for every response: on a warm Lambda invoke
 * that was about a quarter of what the event loop allocated (benchmarks/results/lambda.md).
 *
 * <p>Only for what it certainly writes the same: a status that carries a body (not 1xx, 204, 205,
 * 304), header names that are tokens and values of visible ASCII or tabs, and no header that the
 * old path rewrote (Content-Length, Transfer-Encoding, Connection). For anything else
 * {@link #encode} answers null and the caller takes Netty's path.
 */
final class ResponseBytes {
    /** Bodies up to this size are copied behind the headers, so the response is one send. */
    static final int COPY_BODY_BYTES = 16 * 1024;

    private static final byte[][] STATUS_LINES = new byte[600][];
    private static final byte[] CONTENT_LENGTH = "content-length: ".getBytes(StandardCharsets.US_ASCII);

    private ResponseBytes() {}

    /**
     * The status line and headers (and the body when small, see {@code bodyIncluded}), or null
     * when this response must take Netty's encoder.
     */
    static ByteBuf encode(ByteBufAllocator alloc, HttpResponse r) {
        int status = r.status();
        if (status < 200 || status >= STATUS_LINES.length || status == 204 || status == 205 || status == 304) {
            return null;
        }
        Headers headers = r.headers();
        int size = 0;
        for (int i = 0, n = headers.size(); i < n; i++) {
            String name = headers.name(i);
            if (!isToken(name) || name.equalsIgnoreCase("content-length") || name.equalsIgnoreCase("transfer-encoding")
                    || name.equalsIgnoreCase("connection")) {
                return null;
            }
            for (int k = 0, m = headers.valueCount(i); k < m; k++) {
                String value = headers.value(i, k);
                if (value == null || !isPlainValue(value)) {
                    return null;
                }
                size += name.length() + value.length() + 4;
            }
        }
        byte[] line = statusLine(status);
        byte[] body = r.body();
        String length = Integer.toString(body.length);
        size += line.length + CONTENT_LENGTH.length + length.length() + 4;
        boolean withBody = body.length <= COPY_BODY_BYTES;
        ByteBuf buf = alloc.buffer(size + (withBody ? body.length : 0));
        buf.writeBytes(line);
        for (int i = 0, n = headers.size(); i < n; i++) {
            String name = headers.name(i);
            for (int k = 0, m = headers.valueCount(i); k < m; k++) {
                String value = headers.value(i, k);
                buf.writeCharSequence(name, StandardCharsets.US_ASCII);
                buf.writeByte(':').writeByte(' ');
                buf.writeCharSequence(value, StandardCharsets.US_ASCII);
                buf.writeByte('\r').writeByte('\n');
            }
        }
        buf.writeBytes(CONTENT_LENGTH);
        buf.writeCharSequence(length, StandardCharsets.US_ASCII);
        buf.writeByte('\r').writeByte('\n').writeByte('\r').writeByte('\n');
        if (withBody) {
            buf.writeBytes(body);
        }
        return buf;
    }

    /** Whether {@link #encode} put the body in its buffer (else the caller writes it after). */
    static boolean bodyIncluded(HttpResponse r) {
        return r.body().length <= COPY_BODY_BYTES;
    }

    private static byte[] statusLine(int status) {
        byte[] line = STATUS_LINES[status];
        if (line == null) {
            HttpResponseStatus s = HttpResponseStatus.valueOf(status);
            line = ("HTTP/1.1 " + s.codeAsText() + " " + s.reasonPhrase() + "\r\n").getBytes(StandardCharsets.US_ASCII);
            STATUS_LINES[status] = line; // a benign race: every thread computes the same bytes
        }
        return line;
    }

    /** RFC 9110 token characters only. */
    private static boolean isToken(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * Visible ASCII, spaces and tabs, not starting with either (Netty refuses that): what every
     * encoder writes byte for byte.
     */
    private static boolean isPlainValue(String value) {
        if (!value.isEmpty() && value.charAt(0) <= ' ') {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c > 0x7E) {
                return false;
            }
        }
        return true;
    }
}
