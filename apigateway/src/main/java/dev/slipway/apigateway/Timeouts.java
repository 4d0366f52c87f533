package dev.slipway.apigateway;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Integration timeouts on one timing wheel shared by every API: each proxied request arms one and
 * almost always disarms it a millisecond later. {@link CompletableFuture#orTimeout} does the same on
 * a scheduled executor, whose arming and cancelling take a lock and reorder a heap; the wheel's
 * are two lock-free queue inserts. Timeouts fire up to a tick late (50 ms, AWS's shortest integration timeout; the
 * longest is 29 s by default); a coarser tick also wakes an idle server less often.
 */
final class Timeouts {
    private static final HashedWheelTimer WHEEL = new HashedWheelTimer(r -> {
        Thread t = new Thread(r, "apigateway-timeouts");
        t.setDaemon(true);
        return t;
    }, 50, TimeUnit.MILLISECONDS, 512);

    private Timeouts() {}

    /** Completes the future with a {@link TimeoutException} unless it completes within the time; returns it. */
    static <T> CompletableFuture<T> orTimeout(CompletableFuture<T> future, long millis) {
        if (future.isDone()) {
            return future;
        }
        Timeout timeout = WHEEL.newTimeout(t -> future.completeExceptionally(new TimeoutException()), millis,
                TimeUnit.MILLISECONDS);
        future.whenComplete((r, e) -> timeout.cancel());
        return future;
    }
}
