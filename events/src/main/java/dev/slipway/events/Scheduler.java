package dev.slipway.events;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What drives the rules: calls a tick (which fires every rule whose time has come by the service's
 * clock) until closed. Production ticks on a {@link ScheduledExecutorService}; tests use
 * {@link #manual()} and call {@link EventsService#runDue()} after advancing their clock.
 */
@FunctionalInterface
public interface Scheduler {
    /** Starts ticking; closing the handle stops it. */
    AutoCloseable start(Runnable tick);

    /** Ticks every {@code period} on one daemon thread. */
    static Scheduler every(Duration period) {
        return tick -> {
            ScheduledExecutorService ses = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "events-scheduler");
                t.setDaemon(true);
                return t;
            });
            ses.scheduleAtFixedRate(() -> {
                try {
                    tick.run();
                } catch (RuntimeException e) {
                    // a failing target must not stop the schedule; the rule's next fire is already computed
                }
            }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
            return ses::shutdownNow;
        };
    }

    /** Never ticks by itself. */
    static Scheduler manual() {
        return tick -> () -> {};
    }
}
