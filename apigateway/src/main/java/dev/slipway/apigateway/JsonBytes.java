package dev.slipway.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes JSON straight into a byte array, for the proxy events built on every request: no
 * generator, context or buffer recycler per event, and the caller writes commas and field names
 * itself. Strings are escaped exactly as Jackson's UTF-8 generator escapes them (the events were
 * written with it before; {@code JsonBytesTest} compares the two): {@code "} and {@code \},
 * {@code \b \t \n \f \r}, other control characters and each UTF-16 surrogate as {@code \}{@code uXXXX}
 * (upper-case hex), everything else as UTF-8.
 */
final class JsonBytes {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    /** 0: as is; 'u': \\u00XX; otherwise the character after the backslash. */
    private static final byte[] ESCAPES = new byte[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPES[c] = 'u';
        }
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
        ESCAPES['\b'] = 'b';
        ESCAPES['\t'] = 't';
        ESCAPES['\n'] = 'n';
        ESCAPES['\f'] = 'f';
        ESCAPES['\r'] = 'r';
    }

    /** Each thread's last buffer: an event is copied out of it, so it is never handed on. */
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[4096]);
    private static final int SCRATCH_KEPT = 64 * 1024;

    private byte[] buf;
    private int len;

    private JsonBytes(byte[] buf) {
        this.buf = buf;
    }

    /** A writer on this thread's scratch buffer; {@link #toByteArray()} copies the result out and returns the buffer. */
    static JsonBytes scratch() {
        return new JsonBytes(SCRATCH.get());
    }

    /** Appends ASCII text as is: JSON punctuation and field names that need no escaping. */
    @SuppressWarnings("deprecation") // the one String method that copies Latin-1 text as bytes, without a charset encoder
    JsonBytes raw(String ascii) {
        int n = ascii.length();
        ensure(n);
        ascii.getBytes(0, n, buf, len);
        len += n;
        return this;
    }

    JsonBytes raw(char c) {
        ensure(1);
        buf[len++] = (byte) c;
        return this;
    }

    JsonBytes raw(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
        return this;
    }

    /** A quoted, escaped string, or {@code null}. */
    JsonBytes string(String s) {
        if (s == null) {
            return raw("null");
        }
        int n = s.length();
        ensure(n + 2);
        buf[len++] = '"';
        int i = 0;
        // the common case: printable ASCII, one byte per char
        while (i < n) {
            char c = s.charAt(i);
            if (c >= 0x80 || ESCAPES[c] != 0) {
                break;
            }
            buf[len++] = (byte) c;
            i++;
        }
        if (i < n) {
            escapedTail(s, i);
        }
        ensure(1);
        buf[len++] = '"';
        return this;
    }

    private void escapedTail(String s, int from) {
        for (int i = from, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            ensure(6);
            if (c < 0x80) {
                byte e = ESCAPES[c];
                if (e == 0) {
                    buf[len++] = (byte) c;
                } else if (e == 'u') {
                    unicodeEscape(c);
                } else {
                    buf[len++] = '\\';
                    buf[len++] = e;
                }
            } else if (c < 0x800) {
                buf[len++] = (byte) (0xC0 | (c >> 6));
                buf[len++] = (byte) (0x80 | (c & 0x3F));
            } else if (c >= 0xD800 && c <= 0xDFFF) {
                unicodeEscape(c);
            } else {
                buf[len++] = (byte) (0xE0 | (c >> 12));
                buf[len++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buf[len++] = (byte) (0x80 | (c & 0x3F));
            }
        }
    }

    private void unicodeEscape(char c) {
        buf[len++] = '\\';
        buf[len++] = 'u';
        buf[len++] = HEX[(c >> 12) & 0xF];
        buf[len++] = HEX[(c >> 8) & 0xF];
        buf[len++] = HEX[(c >> 4) & 0xF];
        buf[len++] = HEX[c & 0xF];
    }

    JsonBytes number(long n) {
        if (n < 0) {
            return raw(Long.toString(n));
        }
        ensure(20);
        int digits = 1;
        for (long rest = n / 10; rest != 0; rest /= 10) {
            digits++;
        }
        for (int i = len + digits - 1; i >= len; i--) {
            buf[i] = (byte) ('0' + n % 10);
            n /= 10;
        }
        len += digits;
        return this;
    }

    JsonBytes bool(boolean b) {
        return raw(b ? "true" : "false");
    }

    /** A JSON tree (an authorizer's context), written as Jackson writes it. */
    JsonBytes tree(JsonNode node) {
        return raw(Json.bytes(node));
    }

    byte[] toByteArray() {
        if (buf.length <= SCRATCH_KEPT) {
            SCRATCH.set(buf);
        }
        return Arrays.copyOf(buf, len);
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }
}
