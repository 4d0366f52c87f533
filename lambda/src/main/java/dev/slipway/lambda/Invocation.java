package dev.slipway.lambda;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
    /**
     * Log lines as written; encoded only when a Tail is asked for (most invocations never are, and
     * this is written on every invocation's START, END and REPORT).
     */
    private final ArrayList<String> log = new ArrayList<>(4);
    volatile long startNanos;

    Invocation(String requestId, byte[] payload, String invokedArn, String clientContext, String traceId) {
        this.requestId = requestId;
        this.payload = payload;
        this.invokedArn = invokedArn;
        this.clientContext = clientContext;
        this.traceId = traceId;
    }

    void log(String line) {
        synchronized (log) {
            log.add(line);
        }
    }

    /** The last {@code max} bytes of this invocation's log (each line ended by a newline, UTF-8). */
    byte[] logTail(int max) {
        StringBuilder text = new StringBuilder();
        synchronized (log) {
            // a char is at least one byte: the lines whose chars reach max hold at least max bytes
            int from = log.size();
            for (long chars = 0; from > 0 && chars < max; ) {
                chars += log.get(--from).length() + 1;
            }
            for (int k = from; k < log.size(); k++) {
                text.append(log.get(k)).append('\n');
            }
        }
        byte[] all = text.toString().getBytes(StandardCharsets.UTF_8);
        if (all.length <= max) {
            return all;
        }
        byte[] tail = new byte[max];
        System.arraycopy(all, all.length - max, tail, 0, max);
        return tail;
    }
}
