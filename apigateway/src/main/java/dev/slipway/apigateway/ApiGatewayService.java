package dev.slipway.apigateway;

import dev.slipway.protocol.AwsDefaults;
import dev.slipway.protocol.http.HttpHandler;
import dev.slipway.protocol.http.HttpRequest;
import dev.slipway.protocol.http.HttpResponse;
import dev.slipway.protocol.spi.CloudService;
import dev.slipway.protocol.spi.FunctionInvoker;
import dev.slipway.protocol.spi.ResourceProvider;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * API Gateway in the local cloud: REST (v1) and HTTP (v2) APIs created through their
 * CloudFormation providers, served on the edge port (execute-api URLs) and on
 * {@link #offlineHandler()} (serverless-offline's {@code /{stage}/{path}} layout), invoking
 * functions through a {@link FunctionInvoker}.
 *
 * <pre>{@code
 * ApiGatewayService apigw = ApiGatewayService.builder().invoker(lambda).requestListener(log::println).build();
 * cloudFormation.register(apigw.asCloudService().resourceProviders());
 * HttpServer.start("offline", 3000, apigw.offlineHandler());
 * }</pre>
 */
public final class ApiGatewayService implements AutoCloseable {
    private final ApiStore store = new ApiStore();
    private final String region;
    private final String accountId;
    private final ExecutorService executor;
    private final Router router;
    private final ControlPlane controlPlane;
    private final List<ResourceProvider> providers;

    private ApiGatewayService(Builder b) {
        this.region = b.region;
        this.accountId = b.accountId;
        Ids ids = b.ids;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "apigateway-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Consumer<RequestLog> listener = b.listener;
        RestDataPlane rest = new RestDataPlane(store, b.invoker, new LambdaAuthorizers(b.invoker, b.clock), executor,
                b.integrationTimeout, region, accountId, listener);
        HttpApiDataPlane http = new HttpApiDataPlane(b.invoker, new JwtVerifier(b.clock, b.jwks), executor, region,
                accountId, listener, b.clock);
        this.router = new Router(store, rest, http, ids, b.clock);
        this.controlPlane = new ControlPlane(store, accountId, region);
        Journal.PinnableClock providerClock = new Journal.PinnableClock(b.clock);
        List<ResourceProvider> all = new ArrayList<>(new RestApiProviders(store, ids, providerClock).all());
        all.addAll(new HttpApiProviders(store, ids, providerClock, region).all());
        if (b.dataDir.isPresent()) {
            Journal journal = new Journal(b.dataDir.get(), ids, providerClock);
            journal.replay(all, b.problems);
            this.providers = all.stream().map(journal::journaling).toList();
        } else {
            this.providers = List.copyOf(all);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The CloudFormation providers for AWS::ApiGateway::* and AWS::ApiGatewayV2::*. */
    public List<ResourceProvider> resourceProviders() {
        return providers;
    }

    /**
     * The handler for serverless-offline's URLs: {@code /{stage}/{path}} for REST APIs, HTTP APIs at
     * {@code /} ({@code $default} stage) or {@code /{stage}}. Unknown routes answer API Gateway's 403.
     */
    public HttpHandler offlineHandler() {
        return new AsyncHandler() {
            @Override
            public CompletionStage<HttpResponse> handleAsync(HttpRequest request) {
                return guarded(request, () -> router.offline(request));
            }
        };
    }

    /** Whether {@link #offlineHandler()} has an API for this request (so offline can serve the site otherwise). */
    public boolean servesOffline(HttpRequest request) {
        return router.servesOffline(request);
    }

    /**
     * The execute-api path on the edge port, e.g. {@code /restapis/a1b2c3d4e5/dev/_user_request_}; append the
     * resource path. Works without DNS; see {@link #invokeUrl(String, String, String)} for the host form.
     */
    public String invokeUrl(String apiId, String stage) {
        Objects.requireNonNull(apiId, "apiId");
        return "/restapis/" + apiId + "/" + stage + "/_user_request_";
    }

    /**
     * The execute-api host form AWS users know, e.g. {@code http://a1b2c3d4e5.execute-api.localhost:4566/dev}
     * (an HTTP API's {@code $default} stage has no stage segment).
     *
     * @param edgeUrl the edge URL, e.g. {@code http://127.0.0.1:4566}
     */
    public String invokeUrl(String apiId, String stage, String edgeUrl) {
        java.net.URI edge = java.net.URI.create(edgeUrl);
        String port = edge.getPort() < 0 ? "" : ":" + edge.getPort();
        return edge.getScheme() + "://" + apiId + ".execute-api.localhost" + port
                + ("$default".equals(stage) ? "" : "/" + stage);
    }

    /** REST API ids by name, for printing URLs. */
    public Map<String, String> restApiIds() {
        Map<String, String> out = new HashMap<>();
        store.restApis.values().forEach(a -> out.put(a.name, a.id));
        return out;
    }

    /** Deployed stage names of a REST API. */
    public Set<String> stages(String restApiId) {
        RestApi api = store.restApis.get(restApiId);
        return api == null ? Set.of() : Set.copyOf(api.stages.keySet());
    }

    /** HTTP API ids by name. */
    public Map<String, String> httpApiIds() {
        Map<String, String> out = new HashMap<>();
        store.httpApis.values().forEach(a -> out.put(a.name, a.id));
        return out;
    }

    /** How the edge server hosts API Gateway: control plane signed as {@code apigateway}, execute-api unsigned. */
    public CloudService asCloudService() {
        HttpHandler edge = new AsyncHandler() {
            @Override
            public CompletionStage<HttpResponse> handleAsync(HttpRequest request) {
                if (router.isExecuteApi(request)) {
                    return guarded(request, () -> router.executeApi(request));
                }
                return guarded(request, () -> java.util.concurrent.CompletableFuture.completedFuture(
                        controlPlane.handle(request)));
            }
        };
        return new CloudService() {
            @Override
            public String name() {
                return "apigateway";
            }

            @Override
            public Set<String> signingNames() {
                return Set.of("apigateway");
            }

            @Override
            public HttpHandler handler() {
                return edge;
            }

            @Override
            public boolean claimsUnsigned(HttpRequest request) {
                return router.isExecuteApi(request);
            }

            @Override
            public List<ResourceProvider> resourceProviders() {
                return providers;
            }

            @Override
            public void close() {
                ApiGatewayService.this.close();
            }
        };
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /**
     * A request API Gateway cannot even parse (a malformed percent-escape) is a 400 Bad Request;
     * anything unexpected is API Gateway's 500, never a stack trace.
     */
    private static CompletionStage<HttpResponse> guarded(HttpRequest request,
            java.util.function.Supplier<CompletionStage<HttpResponse>> serve) {
        try {
            return serve.get();
        } catch (IllegalArgumentException e) {
            return java.util.concurrent.CompletableFuture.completedFuture(
                    HttpResponse.json(400, "{\"message\":\"Bad Request\"}"));
        } catch (RuntimeException e) {
            return java.util.concurrent.CompletableFuture.completedFuture(
                    HttpResponse.json(500, "{\"message\": \"Internal server error\"}"));
        }
    }

    /** Routing is cheap and runs on the event loop; invocations continue on the service's executor. */
    private abstract static class AsyncHandler implements HttpHandler {
        @Override
        public HttpResponse handle(HttpRequest request) throws Exception {
            return handleAsync(request).toCompletableFuture().get();
        }

        @Override
        public boolean isAsync() {
            return true;
        }

        @Override
        public abstract CompletionStage<HttpResponse> handleAsync(HttpRequest request);
    }

    public static final class Builder {
        private FunctionInvoker invoker;
        private Clock clock = Clock.systemUTC();
        private String region = AwsDefaults.REGION;
        private String accountId = AwsDefaults.ACCOUNT_ID;
        private Duration integrationTimeout = Limits.DEFAULT_INTEGRATION_TIMEOUT;
        private Consumer<RequestLog> listener = r -> {};
        private final Map<String, String> jwks = new HashMap<>();
        private Ids ids = Ids.secure();
        private java.util.Optional<java.nio.file.Path> dataDir = java.util.Optional.empty();
        private Consumer<String> problems = m -> {};

        private Builder() {}

        public Builder invoker(FunctionInvoker invoker) {
            this.invoker = Objects.requireNonNull(invoker);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public Builder region(String region) {
            this.region = Objects.requireNonNull(region);
            return this;
        }

        public Builder accountId(String accountId) {
            this.accountId = Objects.requireNonNull(accountId);
            return this;
        }

        /** REST APIs' default integration timeout (29 s, as AWS; a method's TimeoutInMillis wins). */
        public Builder integrationTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("integrationTimeout must be positive");
            }
            this.integrationTimeout = timeout;
            return this;
        }

        /** Called once per data-plane request, after the answer is known. */
        public Builder requestListener(Consumer<RequestLog> listener) {
            this.listener = Objects.requireNonNull(listener);
            return this;
        }

        /**
         * Where a JWT authorizer with this issuer finds its keys: a JWKS file path, a {@code file:} URI or a
         * loopback URL. Without one, a loopback issuer's {@code /.well-known/openid-configuration} is used.
         */
        public Builder jwks(String issuer, String fileOrUrl) {
            jwks.put(issuer, fileOrUrl);
            return this;
        }

        /**
         * Keeps the APIs under this directory ({@code apigateway.journal}) so they survive a restart;
         * in memory when empty.
         */
        public Builder dataDir(java.util.Optional<java.nio.file.Path> dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir);
            return this;
        }

        /** Receives what could not be restored from the data directory. */
        public Builder problems(Consumer<String> problems) {
            this.problems = Objects.requireNonNull(problems);
            return this;
        }

        /** Seeds the id generator, for reproducible ids in tests. */
        public Builder seed(long seed) {
            this.ids = new Ids(new java.util.Random(seed));
            return this;
        }

        public ApiGatewayService build() {
            if (invoker == null) {
                throw new IllegalStateException("ApiGatewayService needs a FunctionInvoker");
            }
            return new ApiGatewayService(this);
        }
    }
}
