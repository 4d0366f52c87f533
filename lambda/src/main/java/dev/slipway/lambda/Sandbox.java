package dev.slipway.lambda;

import dev.slipway.protocol.Json;
import dev.slipway.protocol.spi.LogSink;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One execution environment: a worker process, its Runtime API listener and the invocation it
 * runs. Its lifecycle is an explicit state machine (STARTING → READY ⇄ BUSY → DEAD; any → DEAD) that
 * rejects what it does not allow; an invocation may be assigned while STARTING (a cold start) or
 * READY, and is handed over on the runtime's next {@code /next}.
 *
 * <p>It writes Lambda's START/END/REPORT lines around each invocation and forwards the worker's
 * output to the log sink and to the running invocation's tail.
 */
final class Sandbox implements RuntimeApiServer.Backend, AutoCloseable {
    enum State { STARTING, READY, BUSY, DEAD }

    private static final Map<State, Set<State>> ALLOWED = Map.of(
            State.STARTING, EnumSet.of(State.READY, State.DEAD),
            State.READY, EnumSet.of(State.BUSY, State.DEAD),
            State.BUSY, EnumSet.of(State.READY, State.DEAD),
            State.DEAD, EnumSet.noneOf(State.class));

    /** Told when the sandbox can take another invocation, and when it is gone. */
    interface Listener {
        void onIdle(Sandbox sandbox);

        /**
         * A sandbox started without an invocation (a pre-warmed one) finished its init with none
         * assigned: it waits at {@code /next} and can take one now.
         */
        void onReady(Sandbox sandbox);

        /**
         * @param orphan an invocation assigned but never handed to the worker, which died idle (after an
         *     OutOfMemoryError the runtime client leaves its loop and exits 0): to be run elsewhere
         */
        void onDead(Sandbox sandbox, Invocation orphan);
    }

    /** How the worker process is started, given the Runtime API address. */
    interface Launcher {
        Process launch(Sandbox sandbox, String runtimeApi) throws IOException;
    }

    final String id;
    final FunctionVersion function;
    final String logStream;
    /** The function's log group, built once: every invocation writes three lines to it. */
    private final String logGroup;
    private final boolean enforceTimeouts;
    private final LogSink logSink;
    private final Listener listener;
    private final ScheduledExecutorService timers;
    private final Executor completions;
    private RuntimeApiServer api;
    private final long spawnNanos = System.nanoTime();
    private static final long MEMORY_READ_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private State state = State.STARTING;
    private Process process;
    private Invocation assigned;
    private Invocation current;
    /** The invocation a timeout is killing the worker for: timedOut() answers it, not exited(). */
    private Invocation timingOut;
    private Invocation lastFinished;
    private Invocation logTarget;
    private CompletableFuture<Invocation> parkedNext;
    private ScheduledFuture<?> timer;
    private byte[] initError;
    private double initMillis = -1;
    private boolean initReported;
    private volatile boolean readerInRead;
    /** An invocation's ending, left for the output reader to run when it is back waiting for output. */
    private Runnable afterOutput;
    private volatile OutputProbe outputProbe;
    /** Completes with the init duration (ms) when the runtime first asks for work; exceptionally if it dies first. */
    private final CompletableFuture<Double> ready = new CompletableFuture<>();
    private volatile long idleSinceNanos = System.nanoTime();
    private volatile String deathReason;
    private boolean apiClosed;
    private boolean stopRequested;
    private long peakMemoryMb;
    private long peakMemoryReadNanos;

    Sandbox(String id, FunctionVersion function, String logStream, boolean enforceTimeouts, LogSink logSink,
            Listener listener, ScheduledExecutorService timers, Executor completions) {
        this.id = id;
        this.function = function;
        this.logStream = logStream;
        this.logGroup = function.logGroup();
        this.enforceTimeouts = enforceTimeouts;
        this.logSink = logSink;
        this.listener = listener;
        this.timers = timers;
        this.completions = completions;
    }

    /**
     * Starts its Runtime API listener and the worker (off the caller's event loop: both take
     * milliseconds); the sandbox is STARTING until the runtime's first {@code /next}.
     */
    void start(Launcher launcher) throws IOException {
        RuntimeApiServer server = new RuntimeApiServer("lambda-runtime-" + function.name(), this);
        synchronized (this) {
            if (apiClosed || stopRequested || state == State.DEAD) {
                server.close();
                throw new IOException("the sandbox was stopped before its worker started");
            }
            api = server;
        }
        Process p = launcher.launch(this, server.address());
        boolean stopped;
        synchronized (this) {
            process = p;
            stopped = stopRequested;
        }
        if (stopped) {
            p.destroyForcibly();
        }
        outputProbe = OutputProbe.of(p);
        Thread reader = new Thread(() -> pump(p.getInputStream()), "lambda-output-" + id);
        reader.setDaemon(true);
        reader.start();
        p.onExit().thenAccept(this::exited);
        if (enforceTimeouts) {
            long initLimit = TimeUnit.SECONDS.toMillis(Limits.INIT_TIMEOUT_S + function.timeoutSeconds());
            timers.schedule(this::initTimedOut, initLimit, TimeUnit.MILLISECONDS);
        }
    }

    /** The worker could not be started: the assigned invocation learns why. */
    void failBeforeStart(Exception e) {
        Invocation waiting;
        synchronized (this) {
            waiting = assigned;
            assigned = null;
            if (state != State.DEAD) {
                transition(State.DEAD);
            }
        }
        closeApi();
        ready.completeExceptionally(e);
        if (waiting == null) {
            return;
        }
        if (e instanceof WorkerLauncher.MissingBootstrap) {
            waiting.result.complete(new Invocation.Result(false, Json.bytes(Map.of("errorType", "Runtime.InvalidEntrypoint",
                    "errorMessage", "RequestId: " + waiting.requestId + " Error: " + e.getMessage())), true, 0));
        } else {
            waiting.result.completeExceptionally(e);
        }
    }

    synchronized State state() {
        return state;
    }

    synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    long idleSinceNanos() {
        return idleSinceNanos;
    }

    String deathReason() {
        return deathReason;
    }

    private void transition(State to) {
        if (!ALLOWED.get(state).contains(to)) {
            throw new IllegalStateException("sandbox " + id + ": " + state + " → " + to + " is not allowed");
        }
        state = to;
    }

    /** Gives the sandbox its next invocation; only when it has none (the pool guarantees that). */
    void assign(Invocation invocation) {
        if (!tryAssign(invocation)) {
            completions.execute(() -> invocation.result.complete(exitResult(invocation)));
        }
    }

    /**
     * Gives the sandbox its next invocation, unless its worker is already gone (false: the pool runs
     * the invocation elsewhere rather than failing one that never started).
     */
    boolean tryAssign(Invocation invocation) {
        CompletableFuture<Invocation> deliver = null;
        synchronized (this) {
            if (state == State.DEAD) {
                return false;
            }
            if (assigned != null || current != null || state == State.BUSY) {
                throw new IllegalStateException("sandbox " + id + " is already running an invocation");
            }
            assigned = invocation;
            if (parkedNext != null) {
                deliver = parkedNext;
                parkedNext = null;
                handOver();
            }
        }
        if (deliver != null) {
            deliver.complete(invocation);
        }
        return true;
    }

    // ---- Runtime API backend (called on the listener's event loop) ----

    @Override
    public CompletionStage<Invocation> next() {
        CompletableFuture<Invocation> answer;
        double init = -1;
        boolean unassigned = false;
        synchronized (this) {
            if (state == State.DEAD) {
                return new CompletableFuture<>();
            }
            if (state == State.STARTING) {
                initMillis = (System.nanoTime() - spawnNanos) / 1e6;
                init = initMillis;
                transition(State.READY);
                if (assigned == null) {
                    // pre-warmed: its first invocation does not wait for the init, so it is warm
                    // (no Init Duration in its REPORT, as for an environment Lambda initialised ahead)
                    initReported = true;
                    unassigned = true;
                }
            }
            if (state == State.BUSY && current != null) {
                // a runtime that asks again without answering: it waits until the sandbox is reset
                return new CompletableFuture<>();
            }
            if (assigned != null) {
                Invocation inv = assigned;
                handOver();
                answer = CompletableFuture.completedFuture(inv);
            } else {
                parkedNext = new CompletableFuture<>();
                answer = parkedNext;
            }
        }
        if (init >= 0) {
            double millis = init;
            if (ready.getNumberOfDependents() == 0) {
                ready.complete(millis); // the usual cold start: nobody waits for it
            } else {
                // not on this event loop: whoever waits for the sandbox may do more than it should here
                completions.execute(() -> ready.complete(millis));
            }
        }
        if (unassigned) {
            // may hand it an invocation that waited, which completes the parked /next above
            listener.onReady(this);
        }
        return answer;
    }

    /** Completes with the init duration in milliseconds once the runtime is ready for work; exceptionally if it dies first. */
    CompletableFuture<Double> ready() {
        return ready;
    }

    /** READY → BUSY with the assigned invocation: START line, timer. Holds the lock. */
    private void handOver() {
        transition(State.BUSY);
        current = assigned;
        assigned = null;
        logTarget = current;
        current.startNanos = System.nanoTime();
        String start = "START RequestId: " + current.requestId + " Version: " + function.version();
        current.log(start);
        logSink.append(logGroup, logStream, System.currentTimeMillis(), start);
        if (enforceTimeouts) {
            Invocation inv = current;
            timer = timers.schedule(() -> timedOut(inv), function.timeoutSeconds() * 1000L, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public long deadlineMillis(Invocation invocation) {
        long elapsedMillis = (System.nanoTime() - invocation.startNanos) / 1_000_000;
        return System.currentTimeMillis() - elapsedMillis + function.timeoutSeconds() * 1000L;
    }

    @Override
    public RuntimeApiServer.Posted response(String requestId, byte[] body) {
        Invocation inv;
        synchronized (this) {
            if (current == null || !current.requestId.equals(requestId)) {
                return RuntimeApiServer.Posted.UNKNOWN_REQUEST;
            }
            inv = current;
        }
        if (body.length > Limits.RESPONSE_BYTES) {
            finish(inv, false, Json.bytes(Map.of("errorType", "Function.ResponseSizeTooLarge", "errorMessage",
                    "Response payload size (" + body.length + " bytes) exceeded maximum allowed payload size ("
                            + Limits.RESPONSE_BYTES + " bytes).")), null);
            return RuntimeApiServer.Posted.TOO_LARGE;
        }
        finish(inv, true, body, null);
        return RuntimeApiServer.Posted.ACCEPTED;
    }

    @Override
    public RuntimeApiServer.Posted error(String requestId, byte[] body, String errorType) {
        Invocation inv;
        synchronized (this) {
            if (lastFinished != null && lastFinished.requestId.equals(requestId) && current == null) {
                // the runtime client reports a refused (413) response once more as an error: taken, ignored
                return RuntimeApiServer.Posted.ACCEPTED;
            }
            if (current == null || !current.requestId.equals(requestId)) {
                return RuntimeApiServer.Posted.UNKNOWN_REQUEST;
            }
            inv = current;
        }
        finish(inv, false, validJson(body), null);
        return RuntimeApiServer.Posted.ACCEPTED;
    }

    @Override
    public void initError(byte[] body, String errorType) {
        synchronized (this) {
            initError = validJson(body);
        }
        // the runtime exits next; exited() answers the waiting invocation with this error
    }

    /** Recorded from the runtime client: a body that is not JSON is replaced by this one. */
    private static byte[] validJson(byte[] body) {
        try {
            Json.parse(body);
            return body;
        } catch (IOException e) {
            return "{\"errorMessage\":\"An error occurred during JSON parsing\",\"errorType\":\"java.lang.RuntimeException\",\"stackTrace\":[]}"
                    .getBytes(StandardCharsets.UTF_8);
        }
    }

    /**
     * Ends the current invocation. Output the worker wrote before posting its result is taken in
     * first, so the END/REPORT lines and the Tail include it (when the reader is still busy with it,
     * the reader itself ends the invocation once it is back waiting); then the sandbox is offered
     * back to the pool, and only then is the caller answered, so a caller's next invoke finds this
     * worker warm.
     */
    private void finish(Invocation inv, boolean ok, byte[] payload, String status) {
        synchronized (this) {
            if (current != inv) {
                return;
            }
            current = null;
            lastFinished = inv;
            if (timer != null) {
                timer.cancel(false);
                timer = null;
            }
        }
        Runnable done = () -> {
            boolean cold;
            double init;
            synchronized (this) {
                cold = !initReported;
                initReported = true;
                init = initMillis;
            }
            report(inv, cold ? init : -1, status);
            boolean idle = false;
            synchronized (this) {
                if (state == State.BUSY && status == null) {
                    transition(State.READY);
                    idleSinceNanos = System.nanoTime();
                    idle = true;
                }
            }
            if (idle) {
                listener.onIdle(this);
            }
            inv.result.complete(new Invocation.Result(ok, payload, cold, cold ? init : 0));
        };
        boolean outputIn;
        OutputProbe probe = outputProbe;
        synchronized (this) {
            // the reader may be waiting, yet woken by output it has not taken: the pipe then holds it
            outputIn = readerInRead && (probe == null || !probe.pending());
            if (!outputIn) {
                // the reader is still taking the worker's output: it finishes the invocation once it
                // has (no thread parked spinning for it, no hand-off to another pool)
                afterOutput = done;
            }
        }
        if (outputIn) {
            // the common case: the worker's output is already in, so finish here and save a thread hop
            done.run();
        }
    }

    private void report(Invocation inv, double init, String status) {
        double millis = (System.nanoTime() - inv.startNanos) / 1e6;
        long billed = Math.max(1, (long) Math.ceil(millis));
        String end = "END RequestId: " + inv.requestId;
        // one buffer for the line written on every invocation
        StringBuilder line = new StringBuilder(160).append("REPORT RequestId: ").append(inv.requestId)
                .append("\tDuration: ");
        fmt(line, millis).append(" ms\tBilled Duration: ").append(billed).append(" ms\tMemory Size: ")
                .append(function.memoryMb()).append(" MB\tMax Memory Used: ").append(maxMemoryMb()).append(" MB");
        if (init >= 0) {
            fmt(line.append("\tInit Duration: "), init).append(" ms");
        }
        if (status != null) {
            line.append("\tStatus: ").append(status);
        }
        String report = line.toString();
        long now = System.currentTimeMillis();
        inv.log(end);
        inv.log(report);
        logSink.append(logGroup, logStream, now, end);
        logSink.append(logGroup, logStream, now, report);
    }

    /** Two decimals, as Lambda prints durations ("12.34"). */
    static String fmt(double millis) {
        return fmt(new StringBuilder(12), millis).toString();
    }

    private static StringBuilder fmt(StringBuilder sb, double millis) {
        long hundredths = Math.round(millis * 100);
        long fraction = hundredths % 100;
        return sb.append(hundredths / 100).append(fraction < 10 ? ".0" : ".").append(fraction);
    }

    /**
     * Peak resident memory of the worker (Linux: VmHWM); 0 where the platform does not tell. A peak
     * only grows, so it is read again at most once a second: warm invokes then skip the /proc read.
     */
    private long maxMemoryMb() {
        long now = System.nanoTime();
        synchronized (this) {
            if (peakMemoryMb > 0 && now - peakMemoryReadNanos < MEMORY_READ_INTERVAL_NANOS) {
                return peakMemoryMb;
            }
        }
        long mb = readPeakMemoryMb(pid());
        synchronized (this) {
            peakMemoryMb = Math.max(peakMemoryMb, mb);
            peakMemoryReadNanos = now;
            return peakMemoryMb;
        }
    }

    private static long readPeakMemoryMb(long pid) {
        try {
            String status = Files.readString(Path.of("/proc/" + pid + "/status"), StandardCharsets.ISO_8859_1);
            int at = status.indexOf("VmHWM:");
            if (at < 0) {
                return 0;
            }
            long kb = 0;
            for (int i = at + 6; i < status.length() && status.charAt(i) != '\n'; i++) {
                char c = status.charAt(i);
                if (c >= '0' && c <= '9') {
                    kb = kb * 10 + (c - '0');
                }
            }
            return kb / 1024;
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone
            return 0;
        }
    }

    // ---- failures ----

    private void timedOut(Invocation inv) {
        synchronized (this) {
            if (current != inv) {
                return;
            }
            timingOut = inv;
        }
        String message = "Task timed out after " + fmt(function.timeoutSeconds()) + " seconds";
        String line = Instant.now() + " " + inv.requestId + " " + message;
        inv.log(line);
        logSink.append(logGroup, logStream, System.currentTimeMillis(), line);
        deathReason = "timeout";
        kill();
        finish(inv, false, Json.bytes(Map.of("errorType", "Sandbox.Timedout", "errorMessage",
                "RequestId: " + inv.requestId + " Error: " + message)), "timeout");
    }

    private void initTimedOut() {
        Invocation waiting;
        synchronized (this) {
            if (state != State.STARTING) {
                return;
            }
            waiting = assigned;
        }
        deathReason = "init timeout";
        kill();
        if (waiting != null) {
            waiting.result.complete(new Invocation.Result(false, Json.bytes(Map.of("errorType", "Sandbox.Timedout",
                    "errorMessage", "RequestId: " + waiting.requestId + " Error: Task timed out after "
                            + fmt(function.timeoutSeconds()) + " seconds")), true, 0));
        }
    }

    private void exited(Process p) {
        OutputProbe probe = outputProbe;
        if (probe != null) {
            probe.close();
        }
        Invocation running;
        Invocation waiting;
        byte[] init;
        synchronized (this) {
            if (state == State.DEAD && current == null && assigned == null) {
                return;
            }
            running = current == timingOut ? null : current;
            waiting = assigned;
            assigned = null;
            init = initError;
            if (state != State.DEAD) {
                transition(State.DEAD);
            }
        }
        if (deathReason == null) {
            deathReason = "exit status " + p.exitValue();
        }
        // on the process reaper's thread, not an event loop: whoever waits may run here
        ready.completeExceptionally(new IOException("the worker exited before it was ready (" + deathReason + ")"));
        boolean initialized;
        synchronized (this) {
            initialized = initMillis >= 0;
        }
        Invocation orphan = null;
        if (waiting != null && initialized && init == null) {
            orphan = waiting;
            waiting = null;
        }
        for (Invocation inv : new Invocation[] {running, waiting}) {
            if (inv == null) {
                continue;
            }
            if (inv.startNanos == 0) {
                inv.startNanos = System.nanoTime();
            }
            byte[] payload = init != null ? init : exitError(inv);
            if (inv == running) {
                String line = "RequestId: " + inv.requestId + " Error: Runtime exited with error: " + exitStatus(p);
                inv.log(line);
                logSink.append(logGroup, logStream, System.currentTimeMillis(), line);
                finish(inv, false, payload, "error");
            } else {
                completions.execute(() -> inv.result.complete(new Invocation.Result(false, payload, true, 0)));
            }
        }
        closeApi();
        listener.onDead(this, orphan);
    }

    private Invocation.Result exitResult(Invocation inv) {
        return new Invocation.Result(false, exitError(inv), true, 0);
    }

    private byte[] exitError(Invocation inv) {
        Process p;
        synchronized (this) {
            p = process;
        }
        String status = p == null || p.isAlive() ? "signal: killed" : exitStatus(p);
        return Json.bytes(Map.of("errorType", "Runtime.ExitError", "errorMessage",
                "RequestId: " + inv.requestId + " Error: Runtime exited with error: " + status));
    }

    /** As Lambda words it: "exit status 7", or "signal: killed" for a SIGKILL (137). */
    private static String exitStatus(Process p) {
        int code = p.exitValue();
        if (code == 137 || code == -9) {
            return "signal: killed";
        }
        if (code > 128 && code < 160) {
            return "signal: " + (code - 128);
        }
        return "exit status " + code;
    }

    // ---- output ----

    private void pump(InputStream in) {
        byte[] buffer = new byte[8192];
        java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();
        try {
            while (true) {
                Runnable ready;
                synchronized (this) {
                    readerInRead = true;
                    ready = afterOutput;
                    afterOutput = null;
                }
                if (ready != null) {
                    ready.run();
                }
                int n = in.read(buffer);
                readerInRead = false;
                if (n < 0) {
                    break;
                }
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        emit(pending.toString(StandardCharsets.UTF_8));
                        pending.reset();
                    } else {
                        pending.write(buffer[i]);
                    }
                }
                if (pending.size() > 0 && in.available() == 0) {
                    // a write without a newline (Context.getLogger().log("x")) is one log event on Lambda
                    emit(pending.toString(StandardCharsets.UTF_8));
                    pending.reset();
                }
            }
        } catch (IOException e) {
            // the process is gone
        } finally {
            Runnable ready;
            synchronized (this) {
                readerInRead = true;
                ready = afterOutput;
                afterOutput = null;
            }
            if (pending.size() > 0) {
                emit(pending.toString(StandardCharsets.UTF_8));
            }
            if (ready != null) {
                ready.run();
            }
        }
    }

    private void emit(String line) {
        Invocation target;
        synchronized (this) {
            target = logTarget;
        }
        if (target != null) {
            target.log(line);
        }
        logSink.append(logGroup, logStream, System.currentTimeMillis(), line);
    }

    private void closeApi() {
        RuntimeApiServer server;
        synchronized (this) {
            if (apiClosed) {
                return;
            }
            apiClosed = true;
            server = api;
        }
        if (server != null) {
            server.close();
        }
    }

    void kill() {
        Process p;
        synchronized (this) {
            p = process;
        }
        if (p != null) {
            p.destroyForcibly();
        }
    }

    /**
     * Stops the worker: gracefully (SIGTERM, so a class-data archive being trained is written) when
     * asked, else SIGKILL.
     */
    void stop(boolean graceful) {
        Process p;
        synchronized (this) {
            p = process;
            stopRequested = true;
            if (state != State.DEAD && deathReason == null) {
                deathReason = "stopped";
            }
        }
        if (p == null) {
            closeApi();
            return;
        }
        if (graceful) {
            p.destroy();
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        } else {
            p.destroyForcibly();
        }
    }

    @Override
    public void close() {
        stop(false);
    }
}
