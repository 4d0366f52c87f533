// Harness for inprocess-ab.sh (not part of the build): see benchmarks/results/apigateway.md, third session.
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.apigateway.ApiGatewayService;
import dev.slipway.protocol.Json;
import dev.slipway.protocol.http.*;
import dev.slipway.protocol.spi.FunctionInvoker;
import dev.slipway.protocol.spi.ResourceProvider;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.*;
import java.util.concurrent.*;

/** API Gateway's own CPU per request on the hello service's shape: route, event, timeout, response, log line. */
public class ApiGatewayCpu {
    static final byte[] RESPONSE = "{\"statusCode\":200,\"headers\":{\"Content-Type\":\"text/plain\"},\"body\":\"hello\"}".getBytes(StandardCharsets.UTF_8);
    static CompletableFuture<FunctionInvoker.Outcome> pending;
    static long sink;

    public static void main(String[] a) throws Exception {
        int n = Integer.parseInt(a[0]);
        FunctionInvoker inv = new FunctionInvoker() {
            public Outcome invoke(String f, Optional<String> q, byte[] p) { throw new UnsupportedOperationException(); }
            public void invokeAsync(String f, Optional<String> q, byte[] p) {}
            public CompletionStage<Outcome> submit(String f, Optional<String> q, byte[] p, Executor e) {
                sink += p.length;
                return pending = new CompletableFuture<>();
            }
        };
        ApiGatewayService apigw = ApiGatewayService.builder().invoker(inv).requestListener(l -> sink += l.compact().length()).build();
        String api = create(apigw, "AWS::ApiGateway::RestApi", Json.object().put("Name", "dev-hello")).physicalId();
        String root = apigw.resourceProviders().stream().filter(p -> p.type().equals("AWS::ApiGateway::RestApi"))
                .findFirst().orElseThrow().update(request(Json.object().put("Name", "dev-hello"), api))
                .attributes().get("RootResourceId").asText();
        String res = create(apigw, "AWS::ApiGateway::Resource", Json.object().put("RestApiId", api).put("ParentId", root).put("PathPart", "hello")).physicalId();
        ObjectNode p = Json.object().put("RestApiId", api).put("ResourceId", res).put("HttpMethod", "GET").put("AuthorizationType", "NONE");
        p.putObject("Integration").put("Type", "AWS_PROXY").put("IntegrationHttpMethod", "POST")
                .put("Uri", "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:hello-dev-hello/invocations");
        create(apigw, "AWS::ApiGateway::Method", p);
        create(apigw, "AWS::ApiGateway::Deployment", Json.object().put("RestApiId", api).put("StageName", "dev"));
        HttpHandler h = apigw.offlineHandler();
        InetSocketAddress remote = new InetSocketAddress("127.0.0.1", 50000);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var tm = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 6; round++) {
            long p0 = os.getProcessCpuTime(), t0 = tm.getCurrentThreadCpuTime();
            long a0 = ((com.sun.management.ThreadMXBean) tm).getThreadAllocatedBytes(Thread.currentThread().getId());
            for (int i = 0; i < n; i++) {
                HttpRequest req = new HttpRequest("GET", "/dev/hello", "", Headers.of("Host", "127.0.0.1:3300"), new byte[0], remote);
                CompletableFuture<HttpResponse> r = h.handleAsync(req).toCompletableFuture();
                pending.complete(new FunctionInvoker.Outcome(FunctionInvoker.Kind.SUCCESS, RESPONSE, "$LATEST", 0.1, false));
                HttpResponse resp = r.join();
                if (resp.status() != 200) throw new AssertionError(resp.status());
                sink += resp.body().length;
            }
            long p1 = os.getProcessCpuTime(), t1 = tm.getCurrentThreadCpuTime();
            long a1 = ((com.sun.management.ThreadMXBean) tm).getThreadAllocatedBytes(Thread.currentThread().getId());
            System.out.printf("round %d: thread %.2f µs/req, process %.2f µs/req, allocated %d bytes/req%n", round, (t1 - t0) / 1e3 / n, (p1 - p0) / 1e3 / n, (a1 - a0) / n);
        }
        System.out.println(sink);
        apigw.close();
    }

    static ResourceProvider.Result create(ApiGatewayService apigw, String type, ObjectNode props) throws Exception {
        return apigw.resourceProviders().stream().filter(p -> p.type().equals(type)).findFirst().orElseThrow().create(request(props, null));
    }

    static ResourceProvider.Request request(ObjectNode props, String physicalId) {
        return new ResourceProvider.Request("bench", "arn:aws:cloudformation:us-east-1:000000000000:stack/bench/1",
                "L", Optional.ofNullable(physicalId), props, Optional.empty(), Map.of(), "us-east-1", "000000000000");
    }
}
