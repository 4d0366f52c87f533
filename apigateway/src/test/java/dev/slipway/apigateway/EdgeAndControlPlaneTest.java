package dev.slipway.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.protocol.AwsDefaults;
import dev.slipway.protocol.Json;
import dev.slipway.protocol.http.Headers;
import dev.slipway.protocol.http.HttpRequest;
import dev.slipway.protocol.http.HttpServer;
import dev.slipway.protocol.spi.CloudService;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The edge-port surfaces: execute-api URLs (unsigned) and the control-plane API through the AWS CLI. */
class EdgeAndControlPlaneTest {
    final TestInvoker invoker = new TestInvoker();
    ApiGatewayService apigw;
    CloudService cloud;
    HttpServer edge;
    String apiId;
    String httpApiId;
    String base;

    @BeforeEach
    void setUp() {
        apigw = ApiGatewayService.builder().invoker(invoker).build();
        cloud = apigw.asCloudService();
        Cfn cfn = new Cfn(apigw);
        apiId = cfn.restApi("dev-svc");
        String users = cfn.resource(apiId, cfn.rootId(apiId), "users");
        cfn.method(apiId, users, "GET", "svc-dev-users");
        cfn.deployment(apiId, "dev");
        httpApiId = cfn.httpApi("dev-http", null);
        cfn.httpRoute(httpApiId, "GET /hello", cfn.httpIntegration(httpApiId, "svc-dev-users", "2.0"), null, null);
        invoker.on("svc-dev-users", e -> RestApiProxyTest.ok("hi"));
        edge = HttpServer.start("edge", 0, cloud.handler());
        base = "http://127.0.0.1:" + edge.port();
    }

    @AfterEach
    void tearDown() {
        edge.close();
        apigw.close();
    }

    @Test
    void executeApiHost_routesToTheRestApiStage() {
        var r = Http.get(base + "/dev/users", "Host", apiId + ".execute-api.localhost:" + edge.port());
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode c = invoker.eventsOf("svc-dev-users").get(0).get("requestContext");
        assertThat(c.get("domainName").asText()).isEqualTo(apiId + ".execute-api.localhost");
        assertThat(c.get("domainPrefix").asText()).isEqualTo(apiId);
        assertThat(c.get("path").asText()).isEqualTo("/dev/users");
    }

    @Test
    void userRequestPath_routesToRestAndHttpApis() {
        assertThat(Http.get(base + apigw.invokeUrl(apiId, "dev") + "/users").body()).isEqualTo("hi");
        assertThat(Http.get(base + apigw.invokeUrl(httpApiId, "$default") + "/hello").body()).isEqualTo("hi");
        assertThat(Http.get(base + apigw.invokeUrl(apiId, "dev") + "/nope").statusCode()).isEqualTo(403);
    }

    @Test
    void claimsUnsigned_onlyExecuteApiRequests() {
        assertThat(cloud.claimsUnsigned(request("/", "Host", apiId + ".execute-api.localhost:4566"))).isTrue();
        assertThat(cloud.claimsUnsigned(request("/restapis/" + apiId + "/dev/_user_request_/users"))).isTrue();
        assertThat(cloud.claimsUnsigned(request("/restapis", "Host", "localhost:4566"))).isFalse();
        assertThat(cloud.name()).isEqualTo("apigateway");
        assertThat(cloud.signingNames()).containsExactly("apigateway");
        assertThat(cloud.resourceProviders()).extracting(p -> p.type()).contains("AWS::ApiGateway::RestApi",
                "AWS::ApiGateway::Method", "AWS::ApiGatewayV2::Route", "AWS::ApiGateway::UsagePlanKey");
    }

    @Test
    void awsCli_getRestApis_getResources_getStages() throws Exception {
        JsonNode apis = aws("apigateway", "get-rest-apis");
        assertThat(apis.at("/items/0/id").asText()).isEqualTo(apiId);
        assertThat(apis.at("/items/0/name").asText()).isEqualTo("dev-svc");
        assertThat(apis.at("/items/0/rootResourceId").asText()).isNotEmpty();
        JsonNode resources = aws("apigateway", "get-resources", "--rest-api-id", apiId);
        assertThat(resources.get("items")).hasSize(2);
        assertThat(resources.at("/items/1/path").asText()).isEqualTo("/users");
        assertThat(resources.at("/items/1/resourceMethods/GET/methodIntegration/type").asText()).isEqualTo("AWS_PROXY");
        JsonNode stages = aws("apigateway", "get-stages", "--rest-api-id", apiId);
        assertThat(stages.at("/item/0/stageName").asText()).isEqualTo("dev");
        JsonNode httpApis = aws("apigatewayv2", "get-apis");
        assertThat(httpApis.at("/Items/0/ApiId").asText()).isEqualTo(httpApiId);
        assertThat(httpApis.at("/Items/0/ProtocolType").asText()).isEqualTo("HTTP");
    }

    @Test
    void awsCli_unknownApi_isNotFoundException() throws Exception {
        Process p = cli("apigateway", "get-resources", "--rest-api-id", "nosuchapi0");
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isNotZero();
        assertThat(err).contains("NotFoundException").contains("Invalid API identifier specified 000000000000:nosuchapi0");
    }

    private JsonNode aws(String... args) throws Exception {
        Process p = cli(args);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(err).isZero();
        return Json.parse(out);
    }

    private Process cli(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("aws", "--endpoint-url", base, "--region", "us-east-1",
                "--output", "json"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("AWS_ACCESS_KEY_ID", AwsDefaults.ACCESS_KEY_ID);
        pb.environment().put("AWS_SECRET_ACCESS_KEY", AwsDefaults.SECRET_ACCESS_KEY);
        pb.environment().put("AWS_PAGER", "");
        return pb.start();
    }

    private static HttpRequest request(String path, String... headers) {
        return new HttpRequest("GET", path, "", Headers.of(headers), new byte[0], null);
    }
}
