package dev.slipway.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.protocol.Json;
import dev.slipway.protocol.http.HttpServer;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Serverless Framework's CORS template for a list of origins (REST), and an HTTP API Lambda
 * REQUEST authorizer with simple responses.
 */
class MoreCorsAndAuthorizerTest {
    final TestInvoker invoker = new TestInvoker();
    ApiGatewayService apigw;
    HttpServer server;
    String base;

    @BeforeEach
    void setUp() {
        apigw = ApiGatewayService.builder().invoker(invoker).build();
        Cfn cfn = new Cfn(apigw);
        String rest = cfn.restApi("dev-svc");
        String items = cfn.resource(rest, cfn.rootId(rest), "items");
        cfn.method(rest, items, "GET", "svc-dev-items");
        // As compiled for cors: { origins: ['https://app.example.com', 'https://*.example.org'] }
        ObjectNode p = Cfn.json("""
                {"AuthorizationType":"NONE","HttpMethod":"OPTIONS","RequestParameters":{},
                 "MethodResponses":[{"StatusCode":"200","ResponseParameters":{
                   "method.response.header.Access-Control-Allow-Origin":true},"ResponseModels":{}}],
                 "Integration":{"Type":"MOCK","RequestTemplates":{"application/json":"{statusCode:200}"},
                   "IntegrationResponses":[{"StatusCode":"200","ResponseParameters":{
                     "method.response.header.Access-Control-Allow-Origin":"'https://app.example.com'",
                     "method.response.header.Access-Control-Allow-Methods":"'OPTIONS,GET'"},
                     "ResponseTemplates":{"application/json":"#set($origin = $input.params(\\"Origin\\"))\\n#if($origin == \\"\\") #set($origin = $input.params(\\"origin\\")) #end\\n#if($origin.matches(\\"https://app[.]example[.]com\\") || $origin.matches(\\"https://.+[.]example[.]org\\")) #set($context.responseOverride.header.Access-Control-Allow-Origin = $origin) #end"}}]}}""");
        p.put("ResourceId", items).put("RestApiId", rest);
        cfn.create("AWS::ApiGateway::Method", p);
        cfn.deployment(rest, "dev");

        String http = cfn.httpApi("dev-http", null);
        ObjectNode auth = Json.object().put("ApiId", http).put("AuthorizerType", "REQUEST").put("Name", "lambda")
                .put("AuthorizerUri", Cfn.integrationUri("svc-dev-auth")).put("AuthorizerPayloadFormatVersion", "2.0")
                .put("EnableSimpleResponses", true).put("AuthorizerResultTtlInSeconds", 300);
        auth.putArray("IdentitySource").add("$request.header.X-Token");
        String authId = cfn.create("AWS::ApiGatewayV2::Authorizer", auth).physicalId();
        cfn.httpRoute(http, "GET /guarded", cfn.httpIntegration(http, "svc-dev-items", "2.0"), "CUSTOM", authId);
        invoker.on("svc-dev-items", e -> RestApiProxyTest.ok("items"));
        invoker.on("svc-dev-auth", e -> {
            ObjectNode r = Json.object().put("isAuthorized", e.at("/identitySource/0").asText().equals("good"));
            r.putObject("context").put("user", "ana");
            return r;
        });
        server = HttpServer.start("offline", 0, apigw.offlineHandler());
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterEach
    void tearDown() {
        server.close();
        apigw.close();
    }

    String preflightOrigin(String origin) {
        return Http.send(HttpRequest.newBuilder(URI.create(base + "/dev/items"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", origin)
                .header("Access-Control-Request-Method", "GET")).headers()
                .firstValue("Access-Control-Allow-Origin").orElse(null);
    }

    @Test
    void originListTemplate_allowsMatchingOrigins_andKeepsTheFirstOriginOtherwise() {
        assertThat(preflightOrigin("https://app.example.com")).isEqualTo("https://app.example.com");
        assertThat(preflightOrigin("https://shop.example.org")).isEqualTo("https://shop.example.org");
        assertThat(preflightOrigin("https://evil.example.net")).isEqualTo("https://app.example.com");
    }

    @Test
    void httpApiLambdaAuthorizer_simpleResponse_allowsOrForbids() {
        assertThat(Http.get(base + "/guarded").statusCode()).isEqualTo(401);
        assertThat(Http.get(base + "/guarded", "X-Token", "bad").statusCode()).isEqualTo(403);
        var ok = Http.get(base + "/guarded", "X-Token", "good");
        assertThat(ok.statusCode()).isEqualTo(200);
        JsonNode authEvent = invoker.eventsOf("svc-dev-auth").get(0);
        assertThat(authEvent.get("type").asText()).isEqualTo("REQUEST");
        assertThat(authEvent.get("version").asText()).isEqualTo("2.0");
        assertThat(authEvent.get("routeArn").asText()).endsWith("/$default/GET/guarded");
        assertThat(invoker.eventsOf("svc-dev-items").get(0).at("/requestContext/authorizer/lambda/user").asText())
                .isEqualTo("ana");
        Http.get(base + "/guarded", "X-Token", "good");
        assertThat(invoker.eventsOf("svc-dev-auth")).as("answers are cached per identity for the TTL").hasSize(2);
        assertThat(invoker.eventsOf("svc-dev-items")).hasSize(2);
    }
}
