package dev.slipway.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.protocol.http.HttpServer;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a data directory, APIs survive a restart with the same ids, routes and stages. */
class PersistenceTest {
    final TestInvoker invoker = new TestInvoker().on("svc-dev-users", e -> RestApiProxyTest.ok("users"));

    @Test
    void restApiAndHttpApi_areServedAgainAfterARestart(@TempDir Path dir) {
        String restId;
        String httpId;
        try (ApiGatewayService first = ApiGatewayService.builder().invoker(invoker).dataDir(Optional.of(dir)).build()) {
            Cfn cfn = new Cfn(first);
            restId = cfn.restApi("dev-svc");
            String users = cfn.resource(restId, cfn.rootId(restId), "users");
            cfn.method(restId, users, "GET", "svc-dev-users");
            cfn.deployment(restId, "dev");
            String extra = cfn.resource(restId, cfn.rootId(restId), "gone");
            cfn.method(restId, extra, "GET", "svc-dev-users");
            cfn.provider("AWS::ApiGateway::Resource").delete(cfn.request(
                    Cfn.json("{\"RestApiId\":\"" + restId + "\"}"), Optional.of(extra)));
            httpId = cfn.httpApi("dev-http", null);
            cfn.httpRoute(httpId, "GET /hello", cfn.httpIntegration(httpId, "svc-dev-users", "2.0"), null, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        try (ApiGatewayService second = ApiGatewayService.builder().invoker(invoker).dataDir(Optional.of(dir)).build();
                HttpServer server = HttpServer.start("offline", 0, second.offlineHandler())) {
            assertThat(second.restApiIds()).containsEntry("dev-svc", restId);
            assertThat(second.httpApiIds()).containsEntry("dev-http", httpId);
            assertThat(second.stages(restId)).containsExactly("dev");
            String base = "http://127.0.0.1:" + server.port();
            assertThat(Http.get(base + "/dev/users").body()).isEqualTo("users");
            assertThat(Http.get(base + "/hello").body()).isEqualTo("users");
            assertThat(invoker.eventsOf("svc-dev-users").get(0).at("/requestContext/resourceId").asText()).hasSize(6);
        }
    }
}
