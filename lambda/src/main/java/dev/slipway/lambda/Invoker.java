package dev.slipway.lambda;

import dev.slipway.protocol.RequestIds;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.slipway.protocol.AwsServiceException;
import dev.slipway.protocol.Json;
import dev.slipway.protocol.spi.LogSink;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The invoke path: checks the request as Lambda does, resolves the qualifier (aliases with their
 * weights), hands the invocation to the function version's {@link Pool}, and shapes the answer.
 * Event invocations are queued and retried twice on error, as Lambda does.
 */
final class Invoker implements AutoCloseable {
    private static final List<String> TYPES = List.of("Event", "RequestResponse", "DryRun");

    /** How the invoke path is tuned. */
    record Settings(Duration idleTimeout, int maxWorkersPerFunction, boolean forceColdStart, Set<String> debugFunctions,
            List<Duration> asyncRetryDelays, Duration throttleRetryDelay) {}

    private final FunctionActions functions;
    private final WorkerLauncher launcher;
    private final LogSink logSink;
    private final Settings settings;
    private final MetricsRecorder metrics = new MetricsRecorder();
    private final Map<String, Pool> pools = new ConcurrentHashMap<>();
    /** Provisioned concurrency of a version (see ProvisionedConcurrencyActions); a new pool starts that many. */
    private volatile java.util.function.ToIntFunction<FunctionVersion> provisioned = v -> 0;
    private final ScheduledExecutorService timers;
    private final ExecutorService completions;
    private final ExecutorService async;
    private volatile boolean closed;

    Invoker(FunctionActions functions, WorkerLauncher launcher, LogSink logSink, Settings settings) {
        this.functions = functions;
        this.launcher = launcher;
        this.logSink = logSink;
        this.settings = settings;
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, daemon("lambda-timers"));
        // every invocation arms a timeout and cancels it: cancelled timers leave the queue at once
        scheduler.setRemoveOnCancelPolicy(true);
        this.timers = scheduler;
        this.completions = Executors.newCachedThreadPool(daemon("lambda-completions"));
        this.async = Executors.newCachedThreadPool(daemon("lambda-async"));
        long period = Math.max(100, Math.min(1000, settings.idleTimeout().toMillis() / 4));
        timers.scheduleWithFixedDelay(this::reapIdle, period, period, TimeUnit.MILLISECONDS);
    }

    InvokeResponse invoke(InvokeRequest r) {
        return await(invokeAsync(r, false));
    }

    /**
     * The invoke path without a waiting thread: the request is checked and the invocation handed to
     * its pool now (errors are thrown), and the stage completes when the worker answers, on the
     * thread that took the answer (the sandbox's Runtime API event loop); so it must not block.
     *
     * @param serviceEvent whether the payload is an event a Slipway service wrote (API Gateway's proxy events):
     *     JSON by construction, so it is not parsed once more to be checked
     */
    CompletableFuture<InvokeResponse> invokeAsync(InvokeRequest r, boolean serviceEvent) {
        String type = r.invocationType() == null ? "RequestResponse" : r.invocationType();
        if (!TYPES.contains(type)) {
            throw ValidationException.of(List.of(ValidationException.constraint(type, "invocationType",
                    "Member must satisfy enum value set: " + TYPES)));
        }
        if (r.logType() != null && !List.of("None", "Tail").contains(r.logType())) {
            throw ValidationException.of(List.of(ValidationException.constraint(r.logType(), "logType",
                    "Member must satisfy enum value set: [None, Tail]")));
        }
        FunctionName name = FunctionName.parse(r.functionName(), "functionName");
        Optional<String> qualifier = Optional.ofNullable(r.qualifier()).or(name::qualifier);
        if (r.qualifier() != null && name.qualifier().isPresent() && !r.qualifier().equals(name.qualifier().get())) {
            throw InvalidParameterValueException.of("The derived qualifier from the function name does not match the "
                    + "specified qualifier.");
        }
        byte[] payload = r.payload() == null || r.payload().length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : r.payload();
        int limit = type.equals("Event") ? Limits.ASYNC_REQUEST_BYTES : Limits.SYNC_REQUEST_BYTES;
        if (payload.length > limit) {
            throw RequestTooLargeException.invoke(limit);
        }
        try {
            if (!serviceEvent && !StrictJson.isWellFormed(payload)) {
                checkJson(payload);
            }
        } catch (JsonProcessingException e) {
            throw InvalidRequestContentException.payloadNotJson(e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw InvalidRequestContentException.payloadNotJson(e.getMessage());
        }
        String clientContext = clientContext(r.clientContext());
        FunctionRegistry.Entry entry = functions.entry(r.functionName());
        FunctionVersion version = resolve(entry, name.name(), qualifier);
        String invokedArn = entry.latest.arn() + qualifier.map(q -> ":" + q).orElse("");
        switch (type) {
            case "DryRun":
                return CompletableFuture.completedFuture(new InvokeResponse(204, Optional.empty(), Optional.empty(),
                        new byte[0], version.version(), false, 0));
            case "Event":
                enqueue(version, payload, invokedArn, 0);
                return CompletableFuture.completedFuture(new InvokeResponse(202, Optional.empty(), Optional.empty(),
                        new byte[0], version.version(), false, 0));
            default:
                Invocation inv = run(version, payload, invokedArn, clientContext);
                return inv.result.thenApply(result -> answer(r, version, inv, result));
        }
    }

    /**
     * Starts a worker for the version {@code qualifier} routes to (a weighted alias: its main
     * version), so the next invocation finds it warm; see {@link Pool#prewarm}.
     */
    CompletableFuture<OptionalDouble> prewarm(String functionName, Optional<String> qualifier) {
        if (closed) {
            throw ServiceException.internal("the Lambda service is shutting down");
        }
        FunctionName name = FunctionName.parse(functionName, "functionName");
        FunctionRegistry.Entry entry = functions.entry(functionName);
        // 1.0 is past every additional version's weight: the alias's own version
        FunctionVersion version = functions.resolveForInvoke(entry, qualifier.or(name::qualifier), 1.0);
        return pool(version).prewarm();
    }

    /** The answer to a RequestResponse invocation, once the worker has given its result. */
    private InvokeResponse answer(InvokeRequest r, FunctionVersion version, Invocation inv, Invocation.Result result) {
        double millis = (System.nanoTime() - inv.startNanos) / 1e6;
        Optional<String> tail = "Tail".equals(r.logType())
                ? Optional.of(Base64.getEncoder().encodeToString(inv.logTail(Limits.LOG_TAIL_BYTES)))
                : Optional.empty();
        metrics.invoked(version.name(), version.version(), !result.ok(), result.coldStart(), millis);
        return new InvokeResponse(200, result.ok() ? Optional.empty() : Optional.of("Unhandled"), tail,
                result.payload(), version.version(), result.coldStart(), millis);
    }

    /** The version to run: $LATEST, a version, or an alias routed by its weights. */
    private FunctionVersion resolve(FunctionRegistry.Entry entry, String name, Optional<String> qualifier) {
        return functions.resolveForInvoke(entry, qualifier, ThreadLocalRandom.current().nextDouble());
    }

    /** Whether the payload is one JSON value (as readTree checks it), without building the tree. */
    private static void checkJson(byte[] payload) throws java.io.IOException {
        try (JsonParser p = Json.MAPPER.getFactory().createParser(payload)) {
            if (p.nextToken() != null) {
                p.skipChildren();
            }
        }
    }

    private static String clientContext(String base64) {
        if (base64 == null || base64.isEmpty()) {
            return null;
        }
        if (base64.length() > Limits.CLIENT_CONTEXT_BYTES) {
            throw InvalidRequestContentException.clientContext();
        }
        try {
            byte[] json = Base64.getDecoder().decode(base64);
            if (!Json.MAPPER.readTree(json).isObject()) {
                throw InvalidRequestContentException.clientContext();
            }
            return new String(json, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw InvalidRequestContentException.clientContext();
        }
    }

    /** Submits to the version's pool; throttling is counted and rethrown. */
    private Invocation run(FunctionVersion version, byte[] payload, String invokedArn, String clientContext) {
        if (closed) {
            throw ServiceException.internal("the Lambda service is shutting down");
        }
        Invocation inv = new Invocation(RequestIds.next(), payload, invokedArn, clientContext, traceId());
        inv.startNanos = System.nanoTime();
        try {
            pool(version).submit(inv);
        } catch (TooManyRequestsException e) {
            metrics.throttled(version.name(), version.version());
            throw e;
        }
        return inv;
    }

    private static <T> T await(CompletableFuture<T> answer) {
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ServiceException.internal("interrupted while waiting for the function");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AwsServiceException a) {
                throw a;
            }
            throw ServiceException.internal(String.valueOf(cause.getMessage()));
        }
    }

    /** Records metrics once the invocation is answered. */
    private void record(FunctionVersion version, Invocation inv, Invocation.Result result) {
        metrics.invoked(version.name(), version.version(), !result.ok(), result.coldStart(),
                (System.nanoTime() - inv.startNanos) / 1e6);
    }

    private Pool pool(FunctionVersion v) {
        FunctionRegistry.Entry entry = functions.entry(v.name());
        Integer reserved = functions.reservedConcurrency(entry);
        return pools.computeIfAbsent(key(v, reserved), k -> {
            boolean debug = settings.debugFunctions().contains(v.name());
            Pool.Settings ps = new Pool.Settings(reserved == null ? -1 : reserved,
                    debug ? 1 : settings.maxWorkersPerFunction(), settings.forceColdStart() && !debug, !debug);
            Pool p = new Pool(v, ps, launcher, logSink, timers, completions);
            int n = provisioned.applyAsInt(v);
            if (n > 0) {
                p.provision(n);
            }
            return p;
        });
    }

    private static String key(FunctionVersion v, Integer reserved) {
        return v.name() + "|" + v.version() + "|" + v.revisionId() + "|" + reserved;
    }

    /** Provisioned concurrency: keeps {@code count} workers of the version started; see {@link Pool#provision}. */
    CompletableFuture<Void> provision(FunctionVersion v, int count) {
        return pool(v).provision(count);
    }

    void provisioning(java.util.function.ToIntFunction<FunctionVersion> count) {
        this.provisioned = count;
    }

    // ---- Event invocations ----

    void enqueue(FunctionVersion version, byte[] payload, String invokedArn, int attempt) {
        async.execute(() -> attempt(version, payload, invokedArn, attempt));
    }

    private void attempt(FunctionVersion version, byte[] payload, String invokedArn, int attempt) {
        if (closed) {
            return;
        }
        Invocation inv;
        try {
            inv = run(version, payload, invokedArn, null);
        } catch (TooManyRequestsException e) {
            timers.schedule(() -> enqueue(version, payload, invokedArn, attempt), settings.throttleRetryDelay().toMillis(),
                    TimeUnit.MILLISECONDS);
            return;
        } catch (RuntimeException e) {
            logSink.append(version.logGroup(), "slipway", System.currentTimeMillis(),
                    "Slipway could not run an Event invocation: " + e.getMessage());
            return;
        }
        inv.result.whenComplete((result, error) -> {
            if (result != null) {
                record(version, inv, result);
            }
            boolean failed = error != null || !result.ok();
            if (failed && attempt < Limits.ASYNC_RETRIES && !closed) {
                Duration delay = settings.asyncRetryDelays().get(Math.min(attempt, settings.asyncRetryDelays().size() - 1));
                timers.schedule(() -> enqueue(version, payload, invokedArn, attempt + 1), delay.toMillis(),
                        TimeUnit.MILLISECONDS);
            }
        });
    }

    // ---- FunctionInvoker and metrics ----

    FunctionMetrics metrics(String function) {
        return metrics.metrics(function);
    }

    VersionMetrics metrics(String function, String version, long after) {
        return metrics.metrics(function, version, after);
    }

    /**
     * Retires the pools of a function whose configuration changed or that was deleted; those of
     * published versions that still exist, under the same reserved concurrency, keep running (a version never changes, and Lambda keeps
     * its environments, provisioned ones included, when $LATEST is updated).
     */
    void retire(String function) {
        java.util.List<FunctionVersion> reconfigured = new java.util.ArrayList<>();
        pools.entrySet().removeIf(e -> {
            FunctionVersion v = e.getValue().function();
            if (!e.getKey().startsWith(function + "|")) {
                return false;
            }
            boolean published = stillPublished(v);
            if (published && e.getKey().equals(key(v, functions.reservedConcurrency(functions.entry(v.name()))))) {
                return false;
            }
            e.getValue().retire();
            if (published) {
                reconfigured.add(v);
            }
            return true;
        });
        // a published version whose reserved concurrency changed: its provisioned workers start again at once
        for (FunctionVersion v : reconfigured) {
            if (provisioned.applyAsInt(v) > 0) {
                pool(v);
            }
        }
    }

    private boolean stillPublished(FunctionVersion v) {
        if (v.version().equals("$LATEST")) {
            return false;
        }
        try {
            return functions.version(functions.entry(v.name()), v.name(), Optional.of(v.version())) == v;
        } catch (AwsServiceException e) {
            return false;
        }
    }

    /** Number of live workers of a function (all versions). */
    int workers(String function) {
        return pools.entrySet().stream().filter(e -> e.getKey().startsWith(function + "|"))
                .mapToInt(e -> e.getValue().size()).sum();
    }

    private void reapIdle() {
        for (Map.Entry<String, Pool> e : pools.entrySet()) {
            Pool pool = e.getValue();
            // provisioned concurrency as configured now (a config or its alias may be gone): dead workers replaced
            int provisionedNow = provisioned.applyAsInt(pool.function());
            if (provisionedNow > 0 || pool.provisioned() > 0) {
                pool.provision(provisionedNow);
            }
            if (!settings.debugFunctions().contains(pool.function().name())) {
                pool.reapIdle(settings.idleTimeout());
            }
        }
    }

    /** Root=1-{8 hex digits of epoch seconds}-{24 hex digits};Parent={16 hex digits};Sampled=0, in one buffer. */
    private static String traceId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        StringBuilder sb = new StringBuilder(80).append("Root=1-")
                .append(Long.toHexString(System.currentTimeMillis() / 1000)).append('-');
        hex(sb, r.nextLong(), 16);
        hex(sb, r.nextInt(), 8);
        sb.append(";Parent=");
        hex(sb, r.nextLong(), 16);
        return sb.append(";Sampled=0").toString();
    }

    private static void hex(StringBuilder sb, long bits, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            sb.append(Character.forDigit((int) (bits >>> shift) & 0xF, 16));
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        closed = true;
        pools.values().parallelStream().forEach(Pool::close);
        pools.clear();
        timers.shutdownNow();
        async.shutdownNow();
        // stops already under way (a worker writing its class-data archive) get to finish
        completions.shutdown();
        try {
            if (!completions.awaitTermination(15, TimeUnit.SECONDS)) {
                completions.shutdownNow();
            }
        } catch (InterruptedException e) {
            completions.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
