package dev.slipway.deploy.release;

import dev.slipway.deploy.DeployException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * Runs the steps of every function of a release side by side: each step sets the alias's weight,
 * then holds while its gates are read; the first failed reading stops every function (the caller
 * rolls back). A hold lasts the step's time divided by the speed, and longer while a gate has not
 * seen enough of the new version's invocations, up to the step's real time.
 */
final class Steps {
    private static final Duration REPORT_EVERY = Duration.ofSeconds(10);

    private final AliasRouter router;
    private final Map<String, ReleaseSettings> settings;
    private final double speed;
    private final Duration poll;
    private final TrafficShifter.Listener listener;
    private final BooleanSupplier stopped;

    Steps(AliasRouter router, Map<String, ReleaseSettings> settings, double speed, Duration poll,
            TrafficShifter.Listener listener, BooleanSupplier stopped) {
        this.router = router;
        this.settings = settings;
        this.speed = speed;
        this.poll = poll;
        this.listener = listener;
        this.stopped = stopped;
    }

    /** Runs every function's steps side by side; the first failure stops them all. */
    Optional<String> run(List<Change> moving, Map<Change, List<Gate>> gates) {
        AtomicReference<String> failure = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(moving.size(), r -> {
            Thread t = new Thread(r, "slipway-shift");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Change c : moving) {
                running.add(pool.submit(() -> {
                    try {
                        steps(c, gates.get(c), failure);
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, c.function() + ": " + e.getMessage());
                    }
                }));
            }
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    failure.compareAndSet(null, String.valueOf(e.getCause()));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.compareAndSet(null, "interrupted");
        } finally {
            pool.shutdownNow();
        }
        return Optional.ofNullable(failure.get());
    }

    private void steps(Change c, List<Gate> gates, AtomicReference<String> failure) {
        String from = c.fromVersion().orElseThrow();
        for (Strategy.Step step : settings.getOrDefault(c.function(), ReleaseSettings.allAtOnce()).strategy().steps()) {
            if (failure.get() != null || stopped.getAsBoolean()) {
                return;
            }
            Duration hold = scaled(step.hold());
            router.route(c.functionName(), from, c.toVersion(), step.percent());
            listener.shifted(c, step.percent(), hold);
            if (!hold(c, step, hold, gates, failure)) {
                return;
            }
        }
    }

    /**
     * Holds a step for {@code hold}, and longer while a gate has not seen enough invocations (at
     * most the step's un-accelerated hold), reading the gates all along. False when a gate failed.
     */
    private boolean hold(Change c, Strategy.Step step, Duration hold, List<Gate> gates,
            AtomicReference<String> failure) {
        long start = System.nanoTime();
        long end = start + hold.toNanos();
        long cap = start + Math.max(hold.toNanos(), step.hold().toNanos());
        long nextReport = start + REPORT_EVERY.toNanos();
        while (true) {
            if (failure.get() != null || stopped.getAsBoolean()) {
                return false;
            }
            List<String> texts = new ArrayList<>();
            boolean satisfied = true;
            for (Gate g : gates) {
                Gate.Reading r = g.read();
                if (r.failed()) {
                    listener.reading(c, "FAILED: " + r.text());
                    failure.compareAndSet(null, r.text());
                    return false;
                }
                texts.add(r.text());
                satisfied &= g.satisfied();
            }
            long now = System.nanoTime();
            boolean done = now >= end && satisfied;
            if (done || now >= cap) {
                if (!texts.isEmpty()) {
                    listener.reading(c, String.join("; ", texts) + (done || step.hold().isZero() ? ""
                            : " (fewer invocations than minInvocations; the step's full hold has passed)"));
                }
                return true;
            }
            if (now >= nextReport && !texts.isEmpty()) {
                listener.reading(c, String.join("; ", texts));
                nextReport = now + REPORT_EVERY.toNanos();
            }
            sleep(Math.min(poll.toNanos(), Math.max(1_000_000, (now < end ? end : cap) - now)));
        }
    }

    private Duration scaled(Duration d) {
        return Duration.ofNanos((long) (d.toNanos() / speed));
    }

    private void sleep(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeployException("interrupted while shifting traffic", "run 'slipway rollback' if needed");
        }
    }
}
