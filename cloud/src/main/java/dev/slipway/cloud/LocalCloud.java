package dev.slipway.cloud;

import dev.slipway.apigateway.ApiGatewayService;
import dev.slipway.cloudformation.CloudFormationService;
import dev.slipway.dynamodb.DynamoDbEngine;
import dev.slipway.events.EventsService;
import dev.slipway.lambda.LambdaService;
import dev.slipway.logs.LogsService;
import dev.slipway.protocol.http.HttpHandler;
import dev.slipway.protocol.http.HttpRequest;
import dev.slipway.protocol.http.HttpResponse;
import dev.slipway.protocol.http.HttpServer;
import dev.slipway.protocol.spi.CloudService;
import dev.slipway.protocol.spi.FunctionInvoker;
import dev.slipway.protocol.spi.ResourceProvider;
import dev.slipway.s3.S3Service;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The local serverless cloud: every service in one process behind one edge port on 127.0.0.1.
 * Services are wired through their Java APIs: Lambda reads code from S3 and writes logs to
 * CloudWatch Logs; API Gateway and schedules invoke Lambda; CloudFormation drives every service's
 * resource providers. With a data directory each service keeps its state under it; without one
 * nothing is written to disk (but worker scratch space).
 */
public final class LocalCloud implements AutoCloseable {
    public static final int DEFAULT_PORT = 4566;

    private final HttpServer server;
    private final ExecutorService blockingPool;
    private final LogsService logs;
    private final S3Service s3;
    private final DynamoDbEngine dynamodb;
    private final LambdaService lambda;
    private final ApiGatewayService apiGateway;
    private final EventsService events;
    private final CloudFormationService cloudFormation;
    private final List<CloudService> services;

    private LocalCloud(Builder b) {
        AtomicInteger ids = new AtomicInteger();
        blockingPool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "slipway-edge-" + ids.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Delegate edge = new Delegate();
        trace("cloud: building services");
        // DynamoDB needs nothing else: it starts while the edge server binds (each a few hundred ms)
        CompletableFuture<DynamoDbEngine> dynamoDbStart = CompletableFuture.supplyAsync(
                () -> DynamoDbEngine.builder().dataDir(b.dir("dynamodb")).clock(b.clock).build(), blockingPool);
        try {
            server = HttpServer.builder("slipway-edge", edge).host(b.host).port(b.port).start();
        } catch (RuntimeException e) {
            dynamoDbStart.thenAccept(DynamoDbEngine::close);
            blockingPool.shutdown();
            throw e;
        }
        trace("cloud: edge server listening");
        String url = "http://127.0.0.1:" + server.port();
        try {
            logs = LogsService.builder().dataDir(b.dir("logs")).clock(b.clock).build();
            trace("cloud: logs");
            int edgePort = server.port();
            s3 = S3Service.builder().dataDir(b.dir("s3")).clock(b.clock)
                    .websiteUrl(bucket -> "http://" + bucket + ".s3-website.localhost:" + edgePort)
                    .build();
            trace("cloud: s3");
            dynamodb = join(dynamoDbStart);
            trace("cloud: dynamodb");
            lambda = LambdaService.builder()
                    .endpointUrl(url)
                    .dataDir(b.dir("lambda"))
                    .logSink(logs.asLogSink())
                    .objectReader(s3.asObjectReader())
                    .idleTimeout(b.idleTimeout)
                    .build();
            trace("cloud: lambda");
            FunctionInvoker invoker = lambda.asFunctionInvoker();
            ApiGatewayService.Builder api = ApiGatewayService.builder().invoker(invoker).clock(b.clock)
                    .dataDir(b.dir("apigateway")).problems(b.notices);
            if (b.requestListener != null) {
                api.requestListener(b.requestListener);
            }
            apiGateway = api.build();
            events = EventsService.builder().invoker(invoker).clock(b.clock)
                    .dataDir(b.dir("events")).notices(b.notices).build();
            trace("cloud: apigateway, events");
            List<CloudService> hosted = new ArrayList<>(List.of(
                    dynamodb.asCloudService(), lambda.asCloudService(), logs.asCloudService(),
                    apiGateway.asCloudService(), events.asCloudService()));
            List<ResourceProvider> providers = new ArrayList<>();
            for (CloudService s : hosted) {
                providers.addAll(s.resourceProviders());
            }
            CloudService s3Service = s3.asCloudService();
            providers.addAll(s3Service.resourceProviders());
            cloudFormation = CloudFormationService.builder()
                    .providers(providers)
                    .objectReader(s3.asObjectReader())
                    .dataDir(b.dir("cloudformation"))
                    .clock(b.clock)
                    .build();
            trace("cloud: cloudformation");
            hosted.add(cloudFormation.asCloudService());
            // S3 last: it claims unsigned website requests only after API Gateway had its chance.
            hosted.add(s3Service);
            services = List.copyOf(hosted);
            edge.target = EdgeRouter.standardChain(services, blockingPool);
            events.start();
            if (b.warmUpDigests) {
                blockingPool.execute(LocalCloud::warmUpDigests);
            }
            trace("cloud: ready");
        } catch (RuntimeException e) {
            dynamoDbStart.thenAccept(DynamoDbEngine::close);
            server.close();
            blockingPool.shutdownNow();
            throw e;
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /**
     * Hashes 2 MB with SHA-256 and MD5, so that C2 compiles the JDK's digests (with their CPU
     * intrinsics) before a deploy needs them: S3's ETag and checksums of an uploaded artifact and
     * Lambda's CodeSha256 of a function's code. In a JVM that had just started, the first 11 MB
     * took 0.1–0.9 s for SHA-256 and 0.05–1.6 s for MD5, against 15–185 and 23–131 ms after this
     * warm-up (5 fresh JVMs each, loaded machine; peer-rewards' jar). Off the start-up's path, on
     * the blocking pool.
     */
    static void warmUpDigests() {
        try {
            byte[] chunk = new byte[1 << 16];
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            java.security.MessageDigest md5 = java.security.MessageDigest.getInstance("MD5");
            for (int i = 0; i < 32; i++) {
                sha.update(chunk);
                md5.update(chunk);
            }
            sha.digest();
            md5.digest();
            trace("cloud: digests warmed up");
        } catch (java.security.NoSuchAlgorithmException e) {
            // the services report it when they hash
        }
    }

    private static final boolean TRACE = System.getenv("SLIPWAY_TRACE") != null;

    /** With SLIPWAY_TRACE set: what start-up is doing, in milliseconds since the JVM started. */
    private static void trace(String what) {
        if (TRACE) {
            long start = ProcessHandle.current().info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
            System.err.printf("[trace %5d ms] %s%n", System.currentTimeMillis() - start, what);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The edge URL, e.g. {@code http://127.0.0.1:4566}. */
    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    public int port() {
        return server.port();
    }

    public List<CloudService> services() {
        return services;
    }

    public LambdaService lambda() {
        return lambda;
    }

    public DynamoDbEngine dynamodb() {
        return dynamodb;
    }

    public S3Service s3() {
        return s3;
    }

    public LogsService logs() {
        return logs;
    }

    public ApiGatewayService apiGateway() {
        return apiGateway;
    }

    public EventsService events() {
        return events;
    }

    public CloudFormationService cloudFormation() {
        return cloudFormation;
    }

    /** Stops every service; no worker process outlives this call. */
    @Override
    public void close() {
        for (AutoCloseable c : new AutoCloseable[] {events, apiGateway, cloudFormation, lambda, dynamodb, s3, logs}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // Keep closing the others: the point is that nothing is left running.
            }
        }
        server.close();
        blockingPool.shutdownNow();
    }

    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = DEFAULT_PORT;
        private Optional<Path> dataDir = Optional.empty();
        private Clock clock = Clock.systemUTC();
        private Duration idleTimeout = Duration.ofMinutes(10);
        private Consumer<dev.slipway.apigateway.RequestLog> requestListener;
        private Consumer<String> notices = message -> System.err.println("slipway: " + message);
        private boolean warmUpDigests;

        /** 127.0.0.1 by default (loopback); anything else exposes the cloud to the network. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** The edge port; 0 picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder dataDir(Optional<Path> dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** How long a warm worker may sit idle before it is stopped. */
        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
            return this;
        }

        /** Called after each API Gateway request (for offline's request log). */
        public Builder requestListener(Consumer<dev.slipway.apigateway.RequestLog> listener) {
            this.requestListener = listener;
            return this;
        }

        /** Where services report what the user should know (a schedule missed while asleep, …); stderr by default. */
        public Builder notices(Consumer<String> notices) {
            this.notices = notices;
            return this;
        }

        /**
         * Whether the cloud compiles its digests (SHA-256, MD5) on a background thread right after it
         * starts, for a first deploy soon after (the CLI's {@code cloud} and {@code offline}); off by
         * default, as in tests that start many clouds.
         */
        public Builder warmUpDigests(boolean warmUp) {
            this.warmUpDigests = warmUp;
            return this;
        }

        Optional<Path> dir(String service) {
            return dataDir.map(d -> d.resolve(service));
        }

        public LocalCloud start() {
            return new LocalCloud(this);
        }
    }

    /** Lets the server start (and its port be known) before the services that need its URL. */
    private static final class Delegate implements HttpHandler {
        volatile HttpHandler target;

        @Override
        public boolean isAsync() {
            return true;
        }

        @Override
        public HttpResponse handle(HttpRequest request) throws Exception {
            return handleAsync(request).toCompletableFuture().get();
        }

        @Override
        public CompletionStage<HttpResponse> handleAsync(HttpRequest request) {
            HttpHandler t = target;
            if (t == null) {
                return CompletableFuture.completedFuture(HttpResponse.json(503,
                        "{\"__type\":\"ServiceUnavailable\",\"message\":\"The Slipway local cloud is starting\"}"));
            }
            return t.handleAsync(request);
        }
    }
}
