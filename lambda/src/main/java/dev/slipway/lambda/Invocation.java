package dev.slipway.lambda;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * One invocation on its way through a sandbox: what the runtime receives on {@code /next}, and the
 * future the invoke path waits on. Its log (worker output while it runs) is kept for the Tail.
 */
final class Invocation {
    /** How an invocation ended, as the invoke path sees it. */
    record Result(boolean ok, byte[] payload, boolean coldStart, double initMillis) {}

    final String requestId;
    final byte[] payload;
    final String invokedArn;
    /** Decoded client context JSON, or null. */
    final String clientContext;
    final String traceId;
    final CompletableFuture<Result> result = new CompletableFuture<>();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    volatile long startNanos;

    Invocation(String requestId, byte[] payload, String invokedArn, String clientContext, String traceId) {
        this.requestId = requestId;
        this.payload = payload;
        this.invokedArn = invokedArn;
        this.clientContext = clientContext;
        this.traceId = traceId;
    }

    void log(String line) {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (log) {
            log.write(bytes, 0, bytes.length);
        }
    }

    /** The last {@code max} bytes of this invocation's log. */
    byte[] logTail(int max) {
        synchronized (log) {
            byte[] all = log.toByteArray();
            if (all.length <= max) {
                return all;
            }
            byte[] tail = new byte[max];
            System.arraycopy(all, all.length - max, tail, 0, max);
            return tail;
        }
    }
}
