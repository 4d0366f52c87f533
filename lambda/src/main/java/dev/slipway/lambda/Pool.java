package dev.slipway.lambda;

import dev.slipway.protocol.spi.LogSink;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The warm sandboxes of one function version. An invocation goes to the most recently used idle
 * sandbox, else to one being pre-warmed (it waits for that init instead of starting another), else
 * to a new one (a cold start) while the concurrency cap allows, else it is throttled (reserved
 * concurrency reached: 429, as Lambda) or waits (Slipway's own cap on workers per function).
 */
final class Pool implements Sandbox.Listener {
    /** How a pool is tuned. */
    record Settings(int reservedConcurrency, int maxWorkers, boolean forceColdStart, boolean enforceTimeouts) {}

    private final FunctionVersion function;
    private final Settings settings;
    private final WorkerLauncher launcher;
    private final LogSink logSink;
    private final ScheduledExecutorService timers;
    private final Executor completions;
    private final List<Sandbox> all = new ArrayList<>();
    private final Deque<Sandbox> idle = new ArrayDeque<>();
    /** Pre-warmed sandboxes still in their init, with no invocation yet. */
    private final Deque<Sandbox> warming = new ArrayDeque<>();
    private final Deque<Invocation> waiting = new ArrayDeque<>();
    private boolean retired;
    private boolean closed;
    /** Provisioned concurrency: this many sandboxes are kept started, exempt from idle reaping. */
    private int provisioned;

    Pool(FunctionVersion function, Settings settings, WorkerLauncher launcher, LogSink logSink,
            ScheduledExecutorService timers, Executor completions) {
        this.function = function;
        this.settings = settings;
        this.launcher = launcher;
        this.logSink = logSink;
        this.timers = timers;
        this.completions = completions;
    }

    FunctionVersion function() {
        return function;
    }

    /** Starts the invocation; its future completes with the result. Throws when throttled. */
    void submit(Invocation invocation) {
        Sandbox target;
        synchronized (this) {
            if (closed) {
                throw ServiceException.internal("the Lambda service is shutting down");
            }
            // the most recently used idle sandbox whose worker is still alive (one that died idle is
            // dropped here; its onDead cleans up the rest)
            for (target = settings.forceColdStart() ? null : idle.pollLast(); target != null
                    && !target.tryAssign(invocation); target = idle.pollLast()) {
                all.remove(target);
            }
            if (target != null) {
                return;
            }
            // a sandbox being pre-warmed is further along than a new one would be
            for (target = warming.pollFirst(); target != null && !target.tryAssign(invocation);
                    target = warming.pollFirst()) {
                all.remove(target);
            }
            if (target != null) {
                return;
            }
            if (all.size() >= cap()) {
                if (settings.reservedConcurrency() >= 0) {
                    throw TooManyRequestsException.reservedConcurrency();
                }
                waiting.addLast(invocation);
                return;
            }
            target = newSandbox();
            target.assign(invocation);
        }
        // spawning takes milliseconds: not on the caller's thread, which may be an event loop
        Sandbox cold = target;
        completions.execute(() -> start(cold));
    }

    /**
     * Starts a sandbox with no invocation, so the next one finds it warm; none when the version
     * already has a worker (idle, busy or warming: the future then follows the warming one), when
     * its reserved concurrency is 0, or when every invocation wants a cold start. The future
     * completes with the init duration (ms) once the worker is ready, or empty when none had to
     * start; exceptionally when its worker dies first.
     */
    CompletableFuture<OptionalDouble> prewarm() {
        Sandbox s;
        synchronized (this) {
            if (!warming.isEmpty()) {
                return warming.peekFirst().ready().thenApply(OptionalDouble::of);
            }
            if (retired || settings.forceColdStart() || !all.isEmpty() || cap() == 0) {
                return CompletableFuture.completedFuture(OptionalDouble.empty());
            }
            s = newSandbox();
            warming.addLast(s);
        }
        completions.execute(() -> start(s));
        return s.ready().thenApply(OptionalDouble::of);
    }

    /**
     * Provisioned concurrency: keeps {@code count} sandboxes started (up to the reserved
     * concurrency) and exempt from idle reaping; called again (each reaping round) it replaces
     * those that died. The future completes when that many are ready; exceptionally when one dies
     * during its init.
     */
    CompletableFuture<Void> provision(int count) {
        List<Sandbox> started = new ArrayList<>();
        List<CompletableFuture<Double>> ready = new ArrayList<>();
        synchronized (this) {
            provisioned = count;
            if (!retired) {
                warming.forEach(s -> ready.add(s.ready()));
                for (int i = all.size(); i < Math.min(count, cap()); i++) {
                    Sandbox s = newSandbox();
                    warming.addLast(s);
                    started.add(s);
                    ready.add(s.ready());
                }
            }
        }
        started.forEach(s -> completions.execute(() -> start(s)));
        return CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new));
    }

    private int cap() {
        int reserved = settings.reservedConcurrency();
        // provisioned concurrency raises Slipway's own cap on workers, never past the reserved concurrency
        int max = Math.max(settings.maxWorkers(), provisioned);
        return reserved >= 0 ? Math.min(reserved, max) : max;
    }

    private Sandbox newSandbox() {
        String id = HexFormat.of().formatHex(randomBytes(16));
        String stream = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy/MM/dd")) + "/["
                + function.version() + "]" + id;
        Sandbox s = new Sandbox(id, function, stream, settings.enforceTimeouts(), logSink, this, timers, completions);
        all.add(s);
        return s;
    }

    private void start(Sandbox s) {
        try {
            s.start(launcher);
        } catch (IOException | RuntimeException e) {
            synchronized (this) {
                all.remove(s);
                warming.remove(s);
            }
            s.stop(false);
            failStart(s, e);
        }
    }

    /** The worker could not even be started: answer the invocation (and those waiting) with why. */
    private void failStart(Sandbox s, Exception e) {
        s.failBeforeStart(e);
    }

    /**
     * A waiting invocation goes to the sandbox that just finished, also in a retired pool (it was
     * accepted for this version: a hot reload must not drop it); else the sandbox waits idle, or
     * stops when the pool is retired or every invocation wants a cold start.
     */
    @Override
    public void onIdle(Sandbox sandbox) {
        Sandbox replacement = null;
        synchronized (this) {
            Invocation next = settings.forceColdStart() || closed ? null : waiting.pollFirst();
            if (next != null) {
                if (sandbox.tryAssign(next)) {
                    return;
                }
                // it died between finishing and now, and its onDead may have run already
                all.remove(sandbox);
                replacement = newSandbox();
                replacement.assign(next);
            } else if (!retired && !settings.forceColdStart()) {
                idle.addLast(sandbox);
                return;
            } else {
                all.remove(sandbox);
            }
        }
        if (replacement != null) {
            Sandbox cold = replacement;
            completions.execute(() -> start(cold));
            return;
        }
        stopLater(sandbox);
    }

    /** A pre-warmed sandbox is ready: idle like one that finished an invocation, unless one was given to it meanwhile. */
    @Override
    public void onReady(Sandbox sandbox) {
        synchronized (this) {
            if (!warming.remove(sandbox)) {
                return;
            }
        }
        onIdle(sandbox);
    }

    @Override
    public void onDead(Sandbox sandbox, Invocation orphan) {
        Invocation next;
        Sandbox replacement = null;
        synchronized (this) {
            all.remove(sandbox);
            idle.remove(sandbox);
            warming.remove(sandbox);
            // a retired pool still runs what it accepted; a closed one runs nothing
            next = closed ? null : orphan != null ? orphan : waiting.pollFirst();
            if (next != null) {
                replacement = newSandbox();
                replacement.assign(next);
            }
        }
        if (replacement != null) {
            start(replacement);
        }
    }

    /** Stops sandboxes idle for longer than {@code idleTimeout}, but keeps the provisioned ones. */
    void reapIdle(Duration idleTimeout) {
        List<Sandbox> expired = new ArrayList<>();
        long now = System.nanoTime();
        synchronized (this) {
            for (Sandbox s : idle) {
                if (all.size() - expired.size() > provisioned && now - s.idleSinceNanos() > idleTimeout.toNanos()) {
                    expired.add(s);
                }
            }
            idle.removeAll(expired);
            all.removeAll(expired);
        }
        expired.forEach(this::stopLater);
    }

    synchronized int provisioned() {
        return provisioned;
    }

    synchronized int size() {
        return all.size();
    }

    synchronized int idleCount() {
        return idle.size();
    }

    /** No new invocations: idle and warming sandboxes stop now, busy ones when they finish. */
    void retire() {
        List<Sandbox> stop;
        synchronized (this) {
            retired = true;
            stop = new ArrayList<>(idle);
            stop.addAll(warming);
            all.removeAll(stop);
            idle.clear();
            warming.clear();
        }
        stop.forEach(this::stopLater);
    }

    /** Stops every sandbox; those writing a class-data archive get a graceful stop. */
    void close() {
        List<Sandbox> stop;
        List<Invocation> dropped;
        synchronized (this) {
            retired = true;
            closed = true;
            stop = new ArrayList<>(all);
            all.clear();
            idle.clear();
            warming.clear();
            dropped = new ArrayList<>(waiting);
            waiting.clear();
        }
        dropped.forEach(inv -> inv.result.completeExceptionally(
                ServiceException.internal("the Lambda service is shutting down")));
        stop.parallelStream().forEach(s -> s.stop(launcher.isTraining(s)));
    }

    private void stopLater(Sandbox s) {
        completions.execute(() -> s.stop(launcher.isTraining(s)));
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }
}
