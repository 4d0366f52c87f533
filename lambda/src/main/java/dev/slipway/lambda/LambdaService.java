package dev.slipway.lambda;

import dev.slipway.protocol.AwsDefaults;
import dev.slipway.protocol.http.HttpHandler;
import dev.slipway.protocol.http.HttpRequest;
import dev.slipway.protocol.spi.CloudService;
import dev.slipway.protocol.spi.FunctionInvoker;
import dev.slipway.protocol.spi.LogSink;
import dev.slipway.protocol.spi.ObjectReader;
import dev.slipway.protocol.spi.ResourceProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The local Lambda service: functions, versions and aliases (the control plane), and the invoke
 * path that runs each function in worker processes speaking the Lambda Runtime API. One method per
 * AWS action; the wire handler ({@link #asCloudService()}), the CloudFormation providers and the
 * CLI all call these.
 *
 * <pre>{@code
 * try (LambdaService lambda = LambdaService.builder().build()) {
 *     lambda.createFunction(CreateFunctionRequest.of("hello", "java21", "example.Hello", FunctionCode.path(jar)));
 *     InvokeResponse r = lambda.invoke(InvokeRequest.of("hello", "{\"name\":\"x\"}"));
 * }
 * }</pre>
 */
public final class LambdaService implements AutoCloseable {
    private final String region;
    private final String accountId;
    private final FunctionRegistry registry;
    private final FunctionActions functions;
    private final VersionActions versions;
    private final ProvisionedConcurrencyActions provisioned;
    private final Invoker invoker;
    private final WorkerLauncher launcher;
    private final Optional<Path> tempDir;
    private final Thread shutdownHook;
    private volatile boolean closed;

    private LambdaService(Builder b) {
        this.region = b.region;
        this.accountId = b.accountId;
        try {
            Path cache = b.cacheDir.orElseGet(LambdaService::defaultCacheDir);
            this.tempDir = b.dataDir.isPresent() ? Optional.empty() : Optional.of(Files.createTempDirectory("slipway-lambda"));
            Path home = b.dataDir.map(d -> d.resolve("lambda")).orElseGet(tempDir::get);
            Path pidDir = cache.resolve("pids");
            WorkerLauncher.reapStale(pidDir);
            CodeStore code = b.dataDir.isEmpty() && b.codeCache
                    ? new CodeStore(cache.resolve("code"), true) : new CodeStore(home.resolve("code"));
            this.registry = new FunctionRegistry(b.dataDir.map(d -> d.resolve("lambda").resolve("functions.json")));
            Invoker[] invokerRef = new Invoker[1];
            this.functions = new FunctionActions(registry, code, b.objectReader, region, accountId, b.clock, b.logSink,
                    name -> {
                        if (invokerRef[0] != null) {
                            invokerRef[0].retire(name);
                        }
                    });
            this.versions = new VersionActions(registry, functions);
            this.provisioned = new ProvisionedConcurrencyActions(registry, functions, b.clock);
            registry.load(code);
            boolean pureJava = b.pureJava || Boolean.getBoolean("slipway.lambda.pureJava")
                    || "true".equalsIgnoreCase(System.getenv("SLIPWAY_LAMBDA_PURE_JAVA"));
            this.launcher = new WorkerLauncher(new WorkerLauncher.Config(b.jdks, RuntimeClient.prepare(
                    cache.resolve("ric")), cache, pidDir, b.endpointUrl, region, pureJava, b.appCds, Map.copyOf(b.debugPorts),
                    b.debugSuspend, v -> provisioned.count(v) > 0));
            this.invoker = new Invoker(functions, launcher, b.logSink, new Invoker.Settings(b.idleTimeout,
                    b.maxWorkersPerFunction, b.forceColdStart, Set.copyOf(b.debugPorts.keySet()), b.asyncRetryDelays,
                    b.throttleRetryDelay));
            invokerRef[0] = invoker;
            invoker.provisioning(provisioned::count);
            provisioned.provisioner((v, n) -> invoker.provision(v, provisioned.count(v)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.shutdownHook = new Thread(this::close, "slipway-lambda-shutdown");
        java.lang.Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public static Builder builder() {
        return new Builder();
    }

    private static Path defaultCacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("slipway").resolve("lambda");
    }

    public String region() {
        return region;
    }

    public String accountId() {
        return accountId;
    }

    // ---- control plane ----

    public FunctionConfiguration createFunction(CreateFunctionRequest request) {
        return functions.create(request);
    }

    public GetFunctionResponse getFunction(String functionName, Optional<String> qualifier) {
        return functions.get(functionName, qualifier);
    }

    public FunctionConfiguration getFunctionConfiguration(String functionName, Optional<String> qualifier) {
        return functions.getConfiguration(functionName, qualifier);
    }

    public ListFunctionsResponse listFunctions(Optional<String> marker, Optional<Integer> maxItems) {
        return functions.list(marker, maxItems, false);
    }

    public ListFunctionsResponse listFunctions(Optional<String> marker, Optional<Integer> maxItems, boolean allVersions) {
        return functions.list(marker, maxItems, allVersions);
    }

    public void deleteFunction(String functionName, Optional<String> qualifier) {
        functions.delete(functionName, qualifier);
    }

    public FunctionConfiguration updateFunctionCode(String functionName, UpdateFunctionCodeRequest request) {
        return functions.updateCode(functionName, request);
    }

    public FunctionConfiguration updateFunctionConfiguration(String functionName, UpdateFunctionConfigurationRequest request) {
        return functions.updateConfiguration(functionName, request);
    }

    public Concurrency putFunctionConcurrency(String functionName, Concurrency request) {
        return functions.putConcurrency(functionName, request);
    }

    public void deleteFunctionConcurrency(String functionName) {
        functions.deleteConcurrency(functionName);
    }

    public Concurrency getFunctionConcurrency(String functionName) {
        return functions.getConcurrency(functionName);
    }

    public FunctionConfiguration publishVersion(String functionName, PublishVersionRequest request) {
        return versions.publish(functionName, request);
    }

    public ListVersionsByFunctionResponse listVersionsByFunction(String functionName, Optional<String> marker,
            Optional<Integer> maxItems) {
        return versions.listVersions(functionName, marker, maxItems);
    }

    public AliasConfiguration createAlias(String functionName, CreateAliasRequest request) {
        return versions.createAlias(functionName, request);
    }

    public AliasConfiguration getAlias(String functionName, String name) {
        return versions.getAlias(functionName, name);
    }

    public AliasConfiguration updateAlias(String functionName, String name, UpdateAliasRequest request) {
        return versions.updateAlias(functionName, name, request);
    }

    public ListAliasesResponse listAliases(String functionName, Optional<String> functionVersion) {
        return versions.listAliases(functionName, functionVersion);
    }

    public void deleteAlias(String functionName, String name) {
        versions.deleteAlias(functionName, name);
    }

    /**
     * PutProvisionedConcurrencyConfig: starts that many workers of the version (or the alias's
     * version) now and keeps them warm; status IN_PROGRESS until they are ready, then READY.
     */
    public ProvisionedConcurrencyConfig putProvisionedConcurrencyConfig(String functionName, String qualifier,
            PutProvisionedConcurrencyConfigRequest request) {
        return provisioned.put(functionName, Optional.ofNullable(qualifier), request.provisionedConcurrentExecutions());
    }

    public ProvisionedConcurrencyConfig getProvisionedConcurrencyConfig(String functionName, String qualifier) {
        return provisioned.get(functionName, Optional.ofNullable(qualifier));
    }

    public void deleteProvisionedConcurrencyConfig(String functionName, String qualifier) {
        provisioned.delete(functionName, Optional.ofNullable(qualifier));
    }

    public ListProvisionedConcurrencyConfigsResponse listProvisionedConcurrencyConfigs(String functionName,
            Optional<String> marker, Optional<Integer> maxItems) {
        return provisioned.list(functionName, marker, maxItems);
    }

    /** AddPermission: recorded and returned by GetPolicy; not enforced. Returns the statement JSON. */
    public String addPermission(String functionName, Optional<String> qualifier, AddPermissionRequest request) {
        return versions.addPermission(functionName, qualifier, request);
    }

    public String getPolicy(String functionName) {
        return versions.getPolicy(functionName);
    }

    public void removePermission(String functionName, String statementId) {
        versions.removePermission(functionName, statementId);
    }

    /** GetAccountSettings: the account's limits, and the code storage and function count in use. */
    public GetAccountSettingsResponse getAccountSettings() {
        return AccountSettings.of(registry);
    }

    // ---- invoke ----

    /** Invoke: RequestResponse waits for the function; Event queues (202); DryRun checks only (204). */
    public InvokeResponse invoke(InvokeRequest request) {
        return invoker.invoke(request);
    }

    /** {@link #invoke} without a waiting thread, for the Invoke API and API Gateway (see Invoker#invokeAsync). */
    java.util.concurrent.CompletableFuture<InvokeResponse> invokeAsync(InvokeRequest request) {
        return invoker.invokeAsync(request, false);
    }

    /** {@link #invokeAsync(InvokeRequest)} of an event a Slipway service wrote (JSON by construction). */
    java.util.concurrent.CompletableFuture<InvokeResponse> invokeServiceEvent(InvokeRequest request) {
        return invoker.invokeAsync(request, true);
    }

    /**
     * Starts one worker for the function ahead of its first invocation (as Lambda sometimes
     * initialises an on-demand environment early), so that invocation finds it warm: its init
     * (the runtime, the handler's static code and constructor) runs now, and the invocation is not
     * a cold start. A {@code qualifier} naming a weighted alias warms the alias's main version.
     * Nothing starts when that version already has a worker (idle, busy or starting), when its
     * reserved concurrency is 0, or with {@link Builder#forceColdStart}. Used by
     * {@code slipway offline} after each deploy.
     *
     * @return completes with the worker's init duration in milliseconds when it is ready, or empty
     *     when none had to start; exceptionally when the worker died during its init (the next
     *     invocation starts another and gets the error)
     */
    public java.util.concurrent.CompletableFuture<java.util.OptionalDouble> prewarm(String functionName,
            Optional<String> qualifier) {
        return invoker.prewarm(functionName, qualifier);
    }

    /** AWS's deprecation warning for the function's runtime, if it has one. */
    public Optional<String> deprecationWarning(String functionName) {
        return functions.deprecationWarning(functionName);
    }

    /** Invocation counts and latencies of a function since start. */
    public FunctionMetrics metrics(String functionName) {
        return invoker.metrics(FunctionName.parse(functionName, "functionName").name());
    }

    /**
     * Invocation counts and latencies of one executed version of a function, with a window of the
     * invocations numbered above {@code after}; read by release gates while traffic shifts.
     */
    public VersionMetrics metrics(String functionName, String version, long after) {
        String name = FunctionName.parse(functionName, "functionName").name();
        getFunctionConfiguration(name, Optional.of(version));
        return invoker.metrics(name, version, after);
    }

    /** Live worker processes of a function. */
    public int workerCount(String functionName) {
        return invoker.workers(FunctionName.parse(functionName, "functionName").name());
    }

    // ---- adapters ----

    /** How the edge server hosts this service: Lambda's REST-JSON API and CloudFormation providers. */
    public CloudService asCloudService() {
        LambdaService self = this;
        HttpHandler handler = new MetricsHttpHandler(this, new LambdaHttpHandler(this));
        List<ResourceProvider> providers = LambdaResourceProviders.all(this);
        return new CloudService() {
            @Override
            public String name() {
                return "lambda";
            }

            @Override
            public Set<String> signingNames() {
                return Set.of("lambda");
            }

            @Override
            public HttpHandler handler() {
                return handler;
            }

            @Override
            public boolean claimsUnsigned(HttpRequest request) {
                return MetricsHttpHandler.claims(request);
            }

            @Override
            public List<ResourceProvider> resourceProviders() {
                return providers;
            }

            @Override
            public void close() {
                self.close();
            }
        };
    }

    /** How API Gateway and schedules invoke functions. */
    public FunctionInvoker asFunctionInvoker() {
        return new LambdaFunctionInvoker(this);
    }

    /** Stops every worker (gracefully where one is writing a class-data archive). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        invoker.close();
        launcher.awaitArchives(Duration.ofSeconds(10));
        tempDir.ifPresent(CodeStore::deleteTree);
        try {
            java.lang.Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down: this is the hook
        }
    }

    /** Configuration of a {@link LambdaService}. */
    public static final class Builder {
        private Optional<String> endpointUrl = Optional.empty();
        private String region = AwsDefaults.REGION;
        private String accountId = AwsDefaults.ACCOUNT_ID;
        private Optional<Path> dataDir = Optional.empty();
        private Optional<Path> cacheDir = Optional.empty();
        private LogSink logSink = LogSink.NONE;
        private Optional<ObjectReader> objectReader = Optional.empty();
        private Duration idleTimeout = Duration.ofMinutes(10);
        private int maxWorkersPerFunction = 8;
        private boolean forceColdStart;
        private boolean pureJava;
        private boolean appCds = true;
        private boolean codeCache;
        private final Map<String, Integer> debugPorts = new HashMap<>();
        private boolean debugSuspend;
        private List<Duration> asyncRetryDelays = List.of(Duration.ofMinutes(1), Duration.ofMinutes(2));
        private Duration throttleRetryDelay = Duration.ofSeconds(1);
        private Clock clock = Clock.systemUTC();
        private Jdks jdks;

        private Builder() {}

        /** The local cloud's URL, given to workers as AWS_ENDPOINT_URL (and per-service variants). */
        public Builder endpointUrl(String localCloudUrl) {
            this.endpointUrl = Optional.of(localCloudUrl);
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder accountId(String accountId) {
            this.accountId = accountId;
            return this;
        }

        /** Where functions (configuration and code) are kept across restarts; empty: a temporary directory. */
        public Builder dataDir(Optional<Path> dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** Where class-data archives, the unpacked JNI library and PID files go (default ~/.cache/slipway/lambda). */
        public Builder cacheDir(Path cacheDir) {
            this.cacheDir = Optional.of(cacheDir);
            return this;
        }

        public Builder logSink(LogSink logSink) {
            this.logSink = logSink;
            return this;
        }

        /** Reads Code.S3Bucket/S3Key from the local S3. */
        public Builder objectReader(ObjectReader objectReader) {
            this.objectReader = Optional.of(objectReader);
            return this;
        }

        /** How long an idle worker is kept warm. */
        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
            return this;
        }

        /** Workers per function version when no reserved concurrency caps it (beyond: invocations wait). */
        public Builder maxWorkersPerFunction(int max) {
            this.maxWorkersPerFunction = max;
            return this;
        }

        /** A new worker for every invocation, to rehearse cold starts. */
        public Builder forceColdStart(boolean force) {
            this.forceColdStart = force;
            return this;
        }

        /** Runs workers with the pure-Java Runtime API loop even where the native client exists. */
        public Builder pureJavaRuntime(boolean pureJava) {
            this.pureJava = pureJava;
            return this;
        }

        /**
         * Without a data directory: keeps functions' code, unpacked, in the cache directory across
         * runs (content-addressed, the most recently used versions), so the next run of the same jar
         * neither hashes nor unpacks it again. For short-lived hosts such as {@code slipway invoke}.
         */
        public Builder codeCache(boolean codeCache) {
            this.codeCache = codeCache;
            return this;
        }

        /** AppCDS archives per function and code version (on by default). */
        public Builder appCds(boolean appCds) {
            this.appCds = appCds;
            return this;
        }

        /**
         * Starts the function's worker with a JDWP agent on {@code port} and keeps it as its only warm
         * worker (timeouts are not enforced while debugging).
         */
        public Builder debug(String functionName, int port, boolean suspend) {
            this.debugPorts.put(functionName, port);
            this.debugSuspend = suspend;
            return this;
        }

        /** Delays before the 2nd and 3rd attempt of a failed Event invocation (Lambda: about 1 and 2 minutes). */
        public Builder asyncRetryDelays(Duration first, Duration second) {
            this.asyncRetryDelays = List.of(first, second);
            return this;
        }

        public Builder throttleRetryDelay(Duration delay) {
            this.throttleRetryDelay = delay;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Uses only this JDK home for every Java runtime (tests, benchmarks). */
        public Builder jdk(Path javaHome) {
            Jdks.Jdk jdk = Jdks.describe(javaHome).orElseThrow(() -> new IllegalArgumentException(javaHome + " is not a JDK"));
            this.jdks = new Jdks(List.of(jdk), k -> null, k -> null);
            return this;
        }

        public LambdaService build() {
            if (jdks == null) {
                jdks = Jdks.scan();
            }
            return new LambdaService(this);
        }
    }
}
