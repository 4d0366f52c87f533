package dev.slipway.benchmarks.apigateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.apigateway.ApiGatewayService;
import dev.slipway.protocol.Json;
import dev.slipway.protocol.http.Headers;
import dev.slipway.protocol.http.HttpHandler;
import dev.slipway.protocol.http.HttpRequest;
import dev.slipway.protocol.http.HttpResponse;
import dev.slipway.protocol.spi.FunctionInvoker;
import dev.slipway.protocol.spi.ResourceProvider;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * API Gateway's own cost per request, without the network and without a worker: route matching
 * (REST, 40 resources with parameters and a greedy proxy), proxy event building, the invoker call
 * (an in-process function returning a fixed response) and response mapping, through the public
 * {@code offlineHandler()}. The invoker runs on API Gateway's executor, as in production.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class ApiGatewayBenchmark {
    private static final String ACCOUNT = "000000000000";
    private static final byte[] RESPONSE =
            "{\"statusCode\":200,\"headers\":{\"Content-Type\":\"application/json\"},\"body\":\"{\\\"id\\\":\\\"7\\\"}\"}"
                    .getBytes(StandardCharsets.UTF_8);

    private ApiGatewayService apigw;
    private HttpHandler handler;
    private HttpRequest get;
    private HttpRequest post;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        FunctionInvoker invoker = new FunctionInvoker() {
            @Override
            public Outcome invoke(String function, Optional<String> qualifier, byte[] payload) {
                return new Outcome(Kind.SUCCESS, RESPONSE, "$LATEST", 0.1, false);
            }

            @Override
            public void invokeAsync(String function, Optional<String> qualifier, byte[] payload) {}
        };
        apigw = ApiGatewayService.builder().invoker(invoker).build();
        String api = create("AWS::ApiGateway::RestApi", Json.object().put("Name", "bench")).physicalId();
        String root = apigw.resourceProviders().stream().filter(p -> p.type().equals("AWS::ApiGateway::RestApi"))
                .findFirst().orElseThrow().update(request(Json.object().put("Name", "bench"), api))
                .attributes().get("RootResourceId").asText();
        for (int i = 0; i < 20; i++) {
            String res = create("AWS::ApiGateway::Resource", Json.object().put("RestApiId", api).put("ParentId", root)
                    .put("PathPart", "things" + i)).physicalId();
            String item = create("AWS::ApiGateway::Resource", Json.object().put("RestApiId", api).put("ParentId", res)
                    .put("PathPart", "{id}")).physicalId();
            method(api, res, "POST", "svc-bench-create" + i);
            method(api, item, "GET", "svc-bench-get" + i);
        }
        String proxy = create("AWS::ApiGateway::Resource", Json.object().put("RestApiId", api).put("ParentId", root)
                .put("PathPart", "{proxy+}")).physicalId();
        method(api, proxy, "ANY", "svc-bench-proxy");
        create("AWS::ApiGateway::Deployment", Json.object().put("RestApiId", api).put("StageName", "dev"));
        handler = apigw.offlineHandler();
        Headers h = Headers.of("Host", "localhost:3000", "User-Agent", "wrk", "Accept", "*/*");
        InetSocketAddress remote = new InetSocketAddress("127.0.0.1", 50000);
        get = new HttpRequest("GET", "/dev/things17/7", "verbose=true", h, new byte[0], remote);
        post = new HttpRequest("POST", "/dev/things3", "", Headers.of("Host", "localhost:3000",
                "Content-Type", "application/json"), "{\"name\":\"ana\",\"points\":10}".getBytes(StandardCharsets.UTF_8),
                remote);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        apigw.close();
        hop.shutdownNow();
    }

    private final java.util.concurrent.ExecutorService hop = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "baseline-hop");
        t.setDaemon(true);
        return t;
    });

    /** Baseline measured in the same run: the one thread hop every proxied request makes, doing nothing else. */
    @Benchmark
    public byte[] baselineThreadHop() throws Exception {
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> RESPONSE, hop).get();
    }

    @Benchmark
    public HttpResponse getWithPathParameterAndQuery() throws Exception {
        return handler.handleAsync(get).toCompletableFuture().get();
    }

    @Benchmark
    public HttpResponse postWithJsonBody() throws Exception {
        return handler.handleAsync(post).toCompletableFuture().get();
    }

    private void method(String api, String resource, String verb, String function) throws Exception {
        ObjectNode p = Json.object().put("RestApiId", api).put("ResourceId", resource).put("HttpMethod", verb)
                .put("AuthorizationType", "NONE");
        p.putObject("Integration").put("Type", "AWS_PROXY").put("IntegrationHttpMethod", "POST")
                .put("Uri", "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:"
                        + ACCOUNT + ":function:" + function + "/invocations");
        create("AWS::ApiGateway::Method", p);
    }

    private ResourceProvider.Result create(String type, ObjectNode props) throws Exception {
        return apigw.resourceProviders().stream().filter(p -> p.type().equals(type)).findFirst().orElseThrow()
                .create(request(props, null));
    }

    private static ResourceProvider.Request request(ObjectNode props, String physicalId) {
        return new ResourceProvider.Request("bench", "arn:aws:cloudformation:us-east-1:" + ACCOUNT + ":stack/bench/1",
                "L", Optional.ofNullable(physicalId), props, Optional.empty(), Map.of(), "us-east-1", ACCOUNT);
    }
}
