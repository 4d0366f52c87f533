package dev.slipway.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.protocol.Json;
import dev.slipway.protocol.http.HttpServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A REST API built through the providers as the Serverless Framework compiles {@code http} events,
 * called over real HTTP on serverless-offline's URL layout. Event shapes follow AWS's documented
 * example ("Input format of a Lambda function for proxy integration", API Gateway developer guide,
 * read 2026-11-26).
 */
class RestApiProxyTest {
    final TestInvoker invoker = new TestInvoker();
    final List<RequestLog> log = new CopyOnWriteArrayList<>();
    final CountDownLatch release = new CountDownLatch(1);
    ApiGatewayService apigw;
    Cfn cfn;
    HttpServer server;
    String apiId;
    String base;

    @BeforeEach
    void setUp() {
        apigw = ApiGatewayService.builder().invoker(invoker).integrationTimeout(Duration.ofMillis(300))
                .requestListener(log::add).build();
        cfn = new Cfn(apigw);
        apiId = cfn.restApi("dev-svc", "image/png", "application/octet-stream");
        String root = cfn.rootId(apiId);
        String users = cfn.resource(apiId, root, "users");
        String user = cfn.resource(apiId, users, "{id}");
        String me = cfn.resource(apiId, users, "me");
        String proxy = cfn.resource(apiId, root, "{proxy+}");
        String files = cfn.resource(apiId, root, "files");
        cfn.method(apiId, users, "GET", "svc-dev-listUsers");
        cfn.method(apiId, users, "POST", "svc-dev-createUser");
        cfn.corsOptions(apiId, users, "OPTIONS,GET,POST");
        cfn.method(apiId, user, "GET", "svc-dev-getUser");
        cfn.method(apiId, me, "GET", "svc-dev-me");
        cfn.method(apiId, proxy, "ANY", "svc-dev-fallback");
        cfn.method(apiId, files, "POST", "svc-dev-upload");
        cfn.method(apiId, root, "GET", "svc-dev-home");
        cfn.deployment(apiId, "dev");
        invoker.on("svc-dev-listUsers", e -> ok("[]"))
                .on("svc-dev-getUser", e -> ok("{\"id\":\"" + e.at("/pathParameters/id").asText() + "\"}"))
                .on("svc-dev-me", e -> ok("me"))
                .on("svc-dev-fallback", e -> ok("fallback " + e.at("/pathParameters/proxy").asText()))
                .on("svc-dev-home", e -> ok("home"))
                .on("svc-dev-createUser", e -> ok("created"))
                .on("svc-dev-upload", e -> ok(e.get("body").asText()));
        server = HttpServer.start("offline", 0, apigw.offlineHandler());
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterEach
    void tearDown() {
        release.countDown();
        server.close();
        apigw.close();
    }

    static ObjectNode ok(String body) {
        ObjectNode r = Json.object().put("statusCode", 200).put("body", body);
        r.putObject("headers").put("Content-Type", "text/plain");
        return r;
    }

    @Nested
    class Routing {
        @Test
        void staticSegment_beatsPathParameter() {
            assertThat(Http.get(base + "/dev/users/me").body()).isEqualTo("me");
            assertThat(Http.get(base + "/dev/users/42").body()).isEqualTo("{\"id\":\"42\"}");
        }

        @Test
        void greedyProxy_catchesWhatNothingElseMatches_withAnyMethod() {
            HttpResponse<String> r = Http.send(HttpRequest.newBuilder(URI.create(base + "/dev/a/b/c"))
                    .method("DELETE", HttpRequest.BodyPublishers.noBody()));
            assertThat(r.body()).isEqualTo("fallback a/b/c");
            JsonNode e = invoker.eventsOf("svc-dev-fallback").get(0);
            assertThat(e.get("resource").asText()).isEqualTo("/{proxy+}");
            assertThat(e.get("httpMethod").asText()).isEqualTo("DELETE");
        }

        @Test
        void root_isItsOwnResource() {
            assertThat(Http.get(base + "/dev/").body()).isEqualTo("home");
            assertThat(Http.get(base + "/dev").body()).isEqualTo("home");
        }

        @Test
        void unknownStage_answersMissingAuthenticationToken() {
            HttpResponse<String> r = Http.get(base + "/prod/users");
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
            assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue("IncompleteSignatureException");
        }

        @Test
        void methodNotConfigured_onResourceWithoutProxyFallback_answers403() {
            // PUT /users has no method; {proxy+} needs at least one segment so it does not cover /users
            // ... but /users is a static resource, so the greedy resource at the root does match "users".
            HttpResponse<String> r = Http.send(HttpRequest.newBuilder(URI.create(base + "/dev/users"))
                    .PUT(HttpRequest.BodyPublishers.ofString("x")));
            assertThat(r.body()).isEqualTo("fallback users");
        }

        @Test
        void changesAfterDeployment_areInvisibleUntilTheNextDeployment() {
            String root = cfn.rootId(apiId);
            String late = cfn.resource(apiId, root, "late");
            cfn.method(apiId, late, "GET", "svc-dev-me");
            assertThat(Http.get(base + "/dev/late").body()).isEqualTo("fallback late");
            cfn.deployment(apiId, "dev");
            assertThat(Http.get(base + "/dev/late").body()).isEqualTo("me");
        }
    }

    @Nested
    class Event {
        @Test
        void proxyEvent_hasEveryFieldAwsDocuments() {
            long before = Instant.now().toEpochMilli();
            Http.get(base + "/dev/users/7?a=1&b=x&b=y", "User-Agent", "test-agent/1.0", "X-Multi", "one",
                    "X-Multi", "two");
            JsonNode e = invoker.eventsOf("svc-dev-getUser").get(0);
            assertThat(e.get("resource").asText()).isEqualTo("/users/{id}");
            assertThat(e.get("path").asText()).isEqualTo("/users/7");
            assertThat(e.get("httpMethod").asText()).isEqualTo("GET");
            assertThat(e.at("/headers/User-Agent").asText()).isEqualTo("test-agent/1.0");
            assertThat(e.at("/headers/X-Multi").asText()).isEqualTo("two");
            assertThat(e.at("/multiValueHeaders/X-Multi").toString()).isEqualTo("[\"one\",\"two\"]");
            assertThat(e.at("/headers/X-Forwarded-For").asText()).isEqualTo("127.0.0.1");
            assertThat(e.at("/headers/X-Forwarded-Port").asText()).isEqualTo(Integer.toString(server.port()));
            assertThat(e.at("/headers/X-Forwarded-Proto").asText()).isEqualTo("http");
            assertThat(e.get("queryStringParameters").toString()).isEqualTo("{\"a\":\"1\",\"b\":\"y\"}");
            assertThat(e.get("multiValueQueryStringParameters").toString())
                    .isEqualTo("{\"a\":[\"1\"],\"b\":[\"x\",\"y\"]}");
            assertThat(e.get("pathParameters").toString()).isEqualTo("{\"id\":\"7\"}");
            assertThat(e.get("stageVariables").isNull()).isTrue();
            assertThat(e.get("body").isNull()).isTrue();
            assertThat(e.get("isBase64Encoded").asBoolean()).isFalse();
            JsonNode c = e.get("requestContext");
            assertThat(c.get("accountId").asText()).isEqualTo("000000000000");
            assertThat(c.get("apiId").asText()).isEqualTo(apiId);
            assertThat(c.get("stage").asText()).isEqualTo("dev");
            assertThat(c.get("resourcePath").asText()).isEqualTo("/users/{id}");
            assertThat(c.get("resourceId").asText()).hasSize(6);
            assertThat(c.get("httpMethod").asText()).isEqualTo("GET");
            assertThat(c.get("path").asText()).isEqualTo("/dev/users/7");
            assertThat(c.get("protocol").asText()).isEqualTo("HTTP/1.1");
            assertThat(c.get("requestId").asText()).matches("[0-9a-f-]{36}");
            assertThat(c.get("domainName").asText()).isEqualTo("127.0.0.1");
            assertThat(c.get("identity").get("sourceIp").asText()).isEqualTo("127.0.0.1");
            assertThat(c.get("identity").get("userAgent").asText()).isEqualTo("test-agent/1.0");
            assertThat(c.get("identity").has("cognitoIdentityId")).isTrue();
            assertThat(c.get("identity").get("user").isNull()).isTrue();
            assertThat(c.get("requestTime").asText()).matches("\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000");
            assertThat(c.get("requestTimeEpoch").asLong()).isBetween(before, Instant.now().toEpochMilli());
            assertThat(c.has("authorizer")).isFalse();
            assertThat(c.get("deploymentId").asText()).hasSize(6);
        }

        @Test
        void requestWithoutQueryOrPathParameters_hasNulls() {
            Http.get(base + "/dev/users");
            JsonNode e = invoker.eventsOf("svc-dev-listUsers").get(0);
            assertThat(e.get("queryStringParameters").isNull()).isTrue();
            assertThat(e.get("multiValueQueryStringParameters").isNull()).isTrue();
            assertThat(e.get("pathParameters").isNull()).isTrue();
        }

        @Test
        void textBody_isPassedAsIs_andBinaryMediaType_isBase64Encoded() {
            Http.send(HttpRequest.newBuilder(URI.create(base + "/dev/users")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"ana\"}")));
            JsonNode e = invoker.eventsOf("svc-dev-createUser").get(0);
            assertThat(e.get("body").asText()).isEqualTo("{\"name\":\"ana\"}");
            assertThat(e.get("isBase64Encoded").asBoolean()).isFalse();

            byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff};
            HttpResponse<String> r = Http.send(HttpRequest.newBuilder(URI.create(base + "/dev/files"))
                    .header("Content-Type", "image/png").POST(HttpRequest.BodyPublishers.ofByteArray(png)));
            JsonNode up = invoker.eventsOf("svc-dev-upload").get(0);
            assertThat(up.get("isBase64Encoded").asBoolean()).isTrue();
            assertThat(Base64.getDecoder().decode(up.get("body").asText())).isEqualTo(png);
            assertThat(r.body()).isEqualTo(Base64.getEncoder().encodeToString(png));
        }

        @Test
        void stageVariables_fromTheDeploymentsStageDescription_reachTheEvent() {
            ObjectNode p = Json.object().put("RestApiId", apiId).put("StageName", "qa");
            p.putObject("StageDescription").putObject("Variables").put("table", "users-qa");
            cfn.create("AWS::ApiGateway::Deployment", p);
            Http.get(base + "/qa/users");
            assertThat(invoker.eventsOf("svc-dev-listUsers").get(0).get("stageVariables").toString())
                    .isEqualTo("{\"table\":\"users-qa\"}");
        }
    }

    @Nested
    class Responses {
        @Test
        void multiValueHeaders_andHeaders_areMerged() {
            invoker.on("svc-dev-listUsers", e -> Cfn.json("""
                    {"statusCode":201,"headers":{"X-One":"1","Content-Type":"application/json"},
                     "multiValueHeaders":{"Set-Cookie":["a=1","b=2"]},"body":"[1]"}"""));
            HttpResponse<String> r = Http.get(base + "/dev/users");
            assertThat(r.statusCode()).isEqualTo(201);
            assertThat(r.headers().firstValue("X-One")).hasValue("1");
            assertThat(r.headers().allValues("Set-Cookie")).containsExactly("a=1", "b=2");
            assertThat(r.body()).isEqualTo("[1]");
        }

        @Test
        void base64Body_isDecoded() {
            invoker.on("svc-dev-listUsers", e -> Json.object().put("statusCode", 200).put("isBase64Encoded", true)
                    .put("body", Base64.getEncoder().encodeToString(new byte[] {1, 2, 3})));
            HttpResponse<byte[]> r = Http.sendBytes(HttpRequest.newBuilder(URI.create(base + "/dev/users")));
            assertThat(r.body()).containsExactly(1, 2, 3);
        }

        @Test
        void malformedResponse_answers502InternalServerError() {
            invoker.on("svc-dev-listUsers", e -> Json.object().put("statusCode", 200).put("unexpected", 1));
            HttpResponse<String> r = Http.get(base + "/dev/users");
            assertThat(r.statusCode()).isEqualTo(502);
            assertThat(r.body()).isEqualTo("{\"message\": \"Internal server error\"}");
        }

        @Test
        void bodyThatIsNotAString_isMalformed() {
            invoker.on("svc-dev-listUsers", e -> Cfn.json("{\"statusCode\":200,\"body\":{\"a\":1}}"));
            assertThat(Http.get(base + "/dev/users").statusCode()).isEqualTo(502);
        }

        @Test
        void functionError_answers502() {
            invoker.on("svc-dev-listUsers", e -> {
                throw new IllegalStateException("boom");
            });
            HttpResponse<String> r = Http.get(base + "/dev/users");
            assertThat(r.statusCode()).isEqualTo(502);
            assertThat(r.body()).isEqualTo("{\"message\": \"Internal server error\"}");
        }

        @Test
        void throttledFunction_answers429() {
            invoker.throttled.add("svc-dev-listUsers");
            HttpResponse<String> r = Http.get(base + "/dev/users");
            assertThat(r.statusCode()).isEqualTo(429);
            assertThat(r.body()).isEqualTo("{\"message\":\"Too Many Requests\"}");
        }

        @Test
        void functionSlowerThanTheIntegrationTimeout_answers504() {
            invoker.on("svc-dev-listUsers", e -> {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
                return ok("late");
            });
            HttpResponse<String> r = Http.get(base + "/dev/users");
            assertThat(r.statusCode()).isEqualTo(504);
            assertThat(r.body()).isEqualTo("{\"message\": \"Endpoint request timed out\"}");
        }

        @Test
        void malformedPercentEscape_answers400_notAStackTrace() throws Exception {
            // java.net.URI refuses to send a malformed escape; a raw socket does.
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.port())) {
                s.getOutputStream().write("GET /dev/users/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                String raw = new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(raw).startsWith("HTTP/1.1 400").endsWith("{\"message\":\"Bad Request\"}");
            }
        }

        @Test
        void payloadOver10MB_answers413() {
            byte[] big = new byte[10 * 1024 * 1024 + 1];
            HttpResponse<String> r = Http.send(HttpRequest.newBuilder(URI.create(base + "/dev/users"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(big)));
            assertThat(r.statusCode()).isEqualTo(413);
            assertThat(invoker.eventsOf("svc-dev-createUser")).isEmpty();
        }
    }

    @Nested
    class Cors {
        @Test
        void preflight_isAnsweredByTheMockMethod_withTheConfiguredHeaders_notTheOrigin() {
            HttpResponse<String> r = Http.send(HttpRequest.newBuilder(URI.create(base + "/dev/users"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "https://app.example.com").header("Access-Control-Request-Method", "POST"));
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
            assertThat(r.headers().firstValue("Access-Control-Allow-Methods")).hasValue("OPTIONS,GET,POST");
            assertThat(r.headers().firstValue("Access-Control-Allow-Headers").orElseThrow()).startsWith("Content-Type,");
            assertThat(invoker.invocations).isEmpty();
        }

        @Test
        void actualRequest_getsOnlyTheHeadersTheFunctionReturns() {
            HttpResponse<String> r = Http.get(base + "/dev/users", "Origin", "https://app.example.com");
            assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
    }

    @Test
    void everyRequest_isReported_withFunctionStatusAndColdOrWarm() {
        Http.get(base + "/dev/users");
        Http.get(base + "/dev/users");
        Http.get(base + "/dev/nope/x/y".replace("/nope/x/y", "/users/1/x"));
        assertThat(log).hasSize(3);
        assertThat(log.get(0).function()).isEqualTo(Cfn.functionArn("svc-dev-listUsers"));
        assertThat(log.get(0).status()).isEqualTo(200);
        assertThat(log.get(0).coldStart()).isTrue();
        assertThat(log.get(1).coldStart()).isFalse();
        assertThat(log.get(1).compact()).matches("GET /dev/users → svc-dev-listUsers 200 [0-9.]+ ms \\(warm\\)");
    }
}
