package dev.slipway.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.protocol.Json;
import dev.slipway.protocol.http.HttpServer;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Lambda authorizers and API keys on a REST API. Behaviour from "Use API Gateway Lambda
 * authorizers" and the knowledge-center articles on 401/403 from Lambda authorizers (read 2026-11-26).
 */
class RestAuthorizerTest {
    final TestInvoker invoker = new TestInvoker();
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-26T12:00:00Z"));
    final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    ApiGatewayService apigw;
    HttpServer server;
    Cfn cfn;
    String apiId;
    String base;

    @BeforeEach
    void setUp() {
        apigw = ApiGatewayService.builder().invoker(invoker).clock(clock).build();
        cfn = new Cfn(apigw);
        apiId = cfn.restApi("dev-svc");
        String root = cfn.rootId(apiId);
        String token = cfn.authorizer(apiId, "TOKEN", "svc-dev-auth", "method.request.header.Authorization", 300,
                "^Bearer [a-z]+$");
        String request = cfn.authorizer(apiId, "REQUEST", "svc-dev-reqauth",
                "method.request.header.X-Tenant, method.request.querystring.key", 0, null);
        cfn.method(apiId, cfn.resource(apiId, root, "secret"), "GET", "svc-dev-secret", "CUSTOM", token, false);
        cfn.method(apiId, cfn.resource(apiId, root, "tenant"), "GET", "svc-dev-secret", "CUSTOM", request, false);
        cfn.method(apiId, cfn.resource(apiId, root, "private"), "GET", "svc-dev-secret", "NONE", null, true);
        cfn.method(apiId, cfn.resource(apiId, root, "iam"), "GET", "svc-dev-secret", "AWS_IAM", null, false);
        cfn.deployment(apiId, "dev");
        invoker.on("svc-dev-secret", e -> RestApiProxyTest.ok("secret"));
        invoker.on("svc-dev-auth", e -> {
            String t = e.get("authorizationToken").asText();
            if (t.equals("Bearer nobody")) {
                throw new RuntimeException("Unauthorized");
            }
            if (t.equals("Bearer broken")) {
                throw new RuntimeException("something else");
            }
            String effect = t.equals("Bearer deny") ? "Deny" : "Allow";
            String resource = t.equals("Bearer other") ? "arn:aws:execute-api:us-east-1:000000000000:" + apiId
                    + "/dev/POST/*" : e.get("methodArn").asText().replaceAll("/GET/.*", "/*/*");
            return policy("user-" + t.substring(7), effect, resource);
        });
        invoker.on("svc-dev-reqauth", e -> policy("tenant-" + e.at("/headers/X-Tenant").asText(), "Allow",
                e.get("methodArn").asText()));
        server = HttpServer.start("offline", 0, apigw.offlineHandler());
        base = "http://127.0.0.1:" + server.port() + "/dev";
    }

    @AfterEach
    void tearDown() {
        server.close();
        apigw.close();
    }

    static ObjectNode policy(String principal, String effect, String resource) {
        ObjectNode r = Json.object().put("principalId", principal);
        ObjectNode doc = r.putObject("policyDocument").put("Version", "2012-10-17");
        doc.putArray("Statement").addObject().put("Action", "execute-api:Invoke").put("Effect", effect)
                .put("Resource", resource);
        r.putObject("context").put("tier", "gold").put("n", 3).put("admin", false);
        return r;
    }

    @Test
    void tokenAuthorizer_allow_passesPrincipalAndContextToTheFunction() {
        HttpResponse<String> r = Http.get(base + "/secret", "Authorization", "Bearer ana");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode auth = invoker.eventsOf("svc-dev-auth").get(0);
        assertThat(auth.get("type").asText()).isEqualTo("TOKEN");
        assertThat(auth.get("authorizationToken").asText()).isEqualTo("Bearer ana");
        assertThat(auth.get("methodArn").asText())
                .isEqualTo("arn:aws:execute-api:us-east-1:000000000000:" + apiId + "/dev/GET/secret");
        JsonNode ctx = invoker.eventsOf("svc-dev-secret").get(0).at("/requestContext/authorizer");
        assertThat(ctx.get("principalId").asText()).isEqualTo("user-ana");
        assertThat(ctx.get("tier").asText()).isEqualTo("gold");
        assertThat(ctx.get("n").asInt()).isEqualTo(3);
        assertThat(ctx.get("admin").asBoolean()).isFalse();
        assertThat(ctx.has("integrationLatency")).isTrue();
    }

    @Test
    void missingToken_orTokenFailingTheValidationExpression_is401_withoutInvokingTheAuthorizer() {
        HttpResponse<String> r = Http.get(base + "/secret");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
        assertThat(Http.get(base + "/secret", "Authorization", "Basic abc").statusCode()).isEqualTo(401);
        assertThat(invoker.eventsOf("svc-dev-auth")).isEmpty();
    }

    @Test
    void authorizerThrowingUnauthorized_is401_andAnyOtherError_is500() {
        assertThat(Http.get(base + "/secret", "Authorization", "Bearer nobody").statusCode()).isEqualTo(401);
        HttpResponse<String> r = Http.get(base + "/secret", "Authorization", "Bearer broken");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue("AuthorizerConfigurationException");
    }

    @Test
    void explicitDeny_is403WithAwsMessage() {
        HttpResponse<String> r = Http.get(base + "/secret", "Authorization", "Bearer deny");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).isEqualTo("{\"message\":\"User is not authorized to access this resource with an explicit deny\"}");
        assertThat(invoker.eventsOf("svc-dev-secret")).isEmpty();
    }

    @Test
    void policyNotCoveringTheMethodArn_isImplicitDeny() {
        HttpResponse<String> r = Http.get(base + "/secret", "Authorization", "Bearer other");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).isEqualTo("{\"message\":\"User is not authorized to access this resource\"}");
    }

    @Test
    void resultIsCachedPerTokenForTheTtl_thenAskedAgain() {
        Http.get(base + "/secret", "Authorization", "Bearer ana");
        Http.get(base + "/secret", "Authorization", "Bearer ana");
        Http.get(base + "/secret", "Authorization", "Bearer bob");
        assertThat(invoker.eventsOf("svc-dev-auth")).hasSize(2);
        now.set(now.get().plus(Duration.ofSeconds(301)));
        Http.get(base + "/secret", "Authorization", "Bearer ana");
        assertThat(invoker.eventsOf("svc-dev-auth")).hasSize(3);
        assertThat(invoker.eventsOf("svc-dev-secret")).hasSize(4);
    }

    @Test
    void requestAuthorizer_needsEveryIdentitySource_andGetsTheRequest() {
        assertThat(Http.get(base + "/tenant", "X-Tenant", "acme").statusCode()).isEqualTo(401);
        HttpResponse<String> r = Http.get(base + "/tenant?key=k1", "X-Tenant", "acme");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode e = invoker.eventsOf("svc-dev-reqauth").get(0);
        assertThat(e.get("type").asText()).isEqualTo("REQUEST");
        assertThat(e.get("resource").asText()).isEqualTo("/tenant");
        assertThat(e.get("httpMethod").asText()).isEqualTo("GET");
        assertThat(e.at("/queryStringParameters/key").asText()).isEqualTo("k1");
        assertThat(e.at("/requestContext/stage").asText()).isEqualTo("dev");
        assertThat(e.has("body")).isFalse();
        assertThat(invoker.eventsOf("svc-dev-secret").get(0).at("/requestContext/authorizer/principalId").asText())
                .isEqualTo("tenant-acme");
        Http.get(base + "/tenant?key=k1", "X-Tenant", "acme");
        assertThat(invoker.eventsOf("svc-dev-reqauth")).as("TTL 0 disables caching").hasSize(2);
    }

    @Test
    void gatewayResponseDefault4XX_asTheFrameworkCompilesItForCors_addsItsHeadersToAuthorizerErrors() {
        cfn.create("AWS::ApiGateway::GatewayResponse", Cfn.json("""
                {"ResponseParameters":{"gatewayresponse.header.Access-Control-Allow-Origin":"'*'",
                  "gatewayresponse.header.Access-Control-Allow-Headers":"'*'"},
                 "ResponseType":"DEFAULT_4XX","RestApiId":"%s"}""".formatted(apiId)));
        HttpResponse<String> r = Http.get(base + "/secret");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(r.headers().firstValue("Access-Control-Allow-Headers")).hasValue("*");
        HttpResponse<String> denied = Http.get(base + "/secret", "Authorization", "Bearer deny");
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        HttpResponse<String> broken = Http.get(base + "/secret", "Authorization", "Bearer broken");
        assertThat(broken.statusCode()).isEqualTo(500);
        assertThat(broken.headers().firstValue("Access-Control-Allow-Origin")).as("DEFAULT_5XX is not configured")
                .isEmpty();
    }

    @Test
    void iamMethod_withoutASignature_isMissingAuthenticationToken() {
        assertThat(Http.get(base + "/iam").statusCode()).isEqualTo(403);
        assertThat(Http.get(base + "/iam").body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
        assertThat(Http.get(base + "/iam", "Authorization", "AWS4-HMAC-SHA256 Credential=x").statusCode())
                .isEqualTo(200);
    }

    @Test
    void privateMethod_needsAnEnabledKeyInAUsagePlanForTheStage() {
        assertThat(Http.get(base + "/private").statusCode()).isEqualTo(403);
        assertThat(Http.get(base + "/private").body()).isEqualTo("{\"message\":\"Forbidden\"}");
        String keyId = cfn.create("AWS::ApiGateway::ApiKey", Json.object().put("Name", "free").put("Value",
                "0123456789abcdefghij0123456789").put("Enabled", true)).physicalId();
        assertThat(Http.get(base + "/private", "x-api-key", "0123456789abcdefghij0123456789").statusCode())
                .as("a key outside any usage plan").isEqualTo(403);
        ObjectNode plan = Json.object().put("UsagePlanName", "free");
        plan.putArray("ApiStages").addObject().put("ApiId", apiId).put("Stage", "dev");
        String planId = cfn.create("AWS::ApiGateway::UsagePlan", plan).physicalId();
        cfn.create("AWS::ApiGateway::UsagePlanKey", Json.object().put("KeyId", keyId).put("KeyType", "API_KEY")
                .put("UsagePlanId", planId));
        HttpResponse<String> r = Http.get(base + "/private", "x-api-key", "0123456789abcdefghij0123456789");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode identity = invoker.eventsOf("svc-dev-secret").get(0).at("/requestContext/identity");
        assertThat(identity.get("apiKey").asText()).isEqualTo("0123456789abcdefghij0123456789");
        assertThat(identity.get("apiKeyId").asText()).isEqualTo(keyId);
        assertThat(Http.get(base + "/private", "x-api-key", "wrong").statusCode()).isEqualTo(403);
    }
}
