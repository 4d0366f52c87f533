package dev.slipway.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.protocol.Json;
import dev.slipway.protocol.http.HttpResponse;
import dev.slipway.protocol.http.HttpServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An HTTP API built as the Serverless Framework compiles {@code httpApi} events. Shapes from
 * "Working with AWS Lambda proxy integrations for HTTP APIs" and "Controlling access to HTTP APIs
 * with JWT authorizers" (API Gateway developer guide, read 2026-11-26).
 */
class HttpApiTest {
    static final String ISSUER_FILE = "https://issuer.example.com/";
    final TestInvoker invoker = new TestInvoker();
    static KeyPair keys;
    static KeyPair otherKeys;
    ApiGatewayService apigw;
    HttpServer server;
    HttpServer issuer;
    String apiId;
    String base;
    String loopbackIssuer;

    @BeforeAll
    static void generateKeys() throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        keys = gen.generateKeyPair();
        otherKeys = gen.generateKeyPair();
    }

    @BeforeEach
    void setUp(@TempDir Path dir) throws Exception {
        Path jwks = dir.resolve("jwks.json");
        Files.writeString(jwks, jwks("k1", keys));
        issuer = HttpServer.start("issuer", 0, req -> req.rawPath().endsWith("/openid-configuration")
                ? HttpResponse.json(200, "{\"jwks_uri\":\"http://127.0.0.1:" + req.headers().get("Host")
                        .replaceAll(".*:", "") + "/keys\"}")
                : HttpResponse.json(200, jwks("k1", keys)));
        loopbackIssuer = "http://127.0.0.1:" + issuer.port();

        apigw = ApiGatewayService.builder().invoker(invoker).jwks(ISSUER_FILE, jwks.toString()).build();
        Cfn cfn = new Cfn(apigw);
        ObjectNode cors = Cfn.json("""
                {"AllowOrigins":["https://app.example.com"],"AllowHeaders":["Content-Type","Authorization"],
                 "AllowMethods":["GET","POST","OPTIONS"],"AllowCredentials":true,"MaxAge":600,
                 "ExposeHeaders":["X-Request-Id"]}""");
        apiId = cfn.httpApi("dev-svc", cors);
        String users = cfn.httpIntegration(apiId, "svc-dev-users", "2.0");
        String legacy = cfn.httpIntegration(apiId, "svc-dev-legacy", "1.0");
        String fallback = cfn.httpIntegration(apiId, "svc-dev-fallback", "2.0");
        String jwtFile = cfn.create("AWS::ApiGatewayV2::Authorizer", authorizer(ISSUER_FILE)).physicalId();
        String jwtUrl = cfn.create("AWS::ApiGatewayV2::Authorizer", authorizer(loopbackIssuer)).physicalId();
        cfn.httpRoute(apiId, "GET /users/{id}", users, null, null);
        cfn.httpRoute(apiId, "POST /users", users, null, null);
        cfn.httpRoute(apiId, "GET /legacy", legacy, null, null);
        cfn.httpRoute(apiId, "GET /me", users, "JWT", jwtFile);
        cfn.httpRoute(apiId, "GET /me2", users, "JWT", jwtUrl);
        cfn.httpRoute(apiId, "$default", fallback, null, null);
        invoker.on("svc-dev-users", e -> Json.object().put("statusCode", 200).put("body", "users"))
                .on("svc-dev-legacy", e -> Json.object().put("statusCode", 200).put("body", "legacy"))
                .on("svc-dev-fallback", e -> "fallback");
        server = HttpServer.start("offline", 0, apigw.offlineHandler());
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterEach
    void tearDown() {
        server.close();
        issuer.close();
        apigw.close();
    }

    ObjectNode authorizer(String iss) {
        ObjectNode p = Json.object().put("ApiId", apiId).put("AuthorizerType", "JWT").put("Name", "jwt");
        p.putArray("IdentitySource").add("$request.header.Authorization");
        ObjectNode j = p.putObject("JwtConfiguration").put("Issuer", iss);
        j.putArray("Audience").add("peer-rewards");
        return p;
    }

    static String jwks(String kid, KeyPair kp) {
        RSAPublicKey pub = (RSAPublicKey) kp.getPublic();
        Base64.Encoder b = Base64.getUrlEncoder().withoutPadding();
        return "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"" + kid + "\",\"alg\":\"RS256\",\"use\":\"sig\",\"n\":\""
                + b.encodeToString(unsigned(pub.getModulus().toByteArray())) + "\",\"e\":\""
                + b.encodeToString(pub.getPublicExponent().toByteArray()) + "\"}]}";
    }

    private static byte[] unsigned(byte[] b) {
        return b[0] == 0 ? java.util.Arrays.copyOfRange(b, 1, b.length) : b;
    }

    static String jwt(KeyPair kp, Map<String, Object> claims) throws Exception {
        Base64.Encoder b = Base64.getUrlEncoder().withoutPadding();
        String header = b.encodeToString("{\"alg\":\"RS256\",\"kid\":\"k1\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b.encodeToString(Json.bytes(claims));
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(kp.getPrivate());
        s.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + b.encodeToString(s.sign());
    }

    Map<String, Object> claims(String iss) {
        long now = Instant.now().getEpochSecond();
        return Map.of("iss", iss, "aud", "peer-rewards", "sub", "user-1", "exp", now + 600, "iat", now,
                "scope", "read write");
    }

    @Nested
    class Events {
        @Test
        void payload20Event_hasEveryFieldAwsDocuments() {
            Http.send(HttpRequest.newBuilder(URI.create(base + "/users/42?a=1&a=2&b=x")).header("User-Agent", "ua/1")
                    .header("X-Multi", "one").header("X-Multi", "two").header("Cookie", "c1=v1; c2=v2").GET());
            JsonNode e = invoker.eventsOf("svc-dev-users").get(0);
            assertThat(e.get("version").asText()).isEqualTo("2.0");
            assertThat(e.get("routeKey").asText()).isEqualTo("GET /users/{id}");
            assertThat(e.get("rawPath").asText()).isEqualTo("/users/42");
            assertThat(e.get("rawQueryString").asText()).isEqualTo("a=1&a=2&b=x");
            assertThat(e.get("cookies").toString()).isEqualTo("[\"c1=v1\",\"c2=v2\"]");
            assertThat(e.at("/headers/x-multi").asText()).isEqualTo("one,two");
            assertThat(e.at("/headers/user-agent").asText()).isEqualTo("ua/1");
            assertThat(e.get("headers").has("cookie")).isFalse();
            assertThat(e.at("/headers/x-forwarded-proto").asText()).isEqualTo("http");
            assertThat(e.get("queryStringParameters").toString()).isEqualTo("{\"a\":\"1,2\",\"b\":\"x\"}");
            assertThat(e.get("pathParameters").toString()).isEqualTo("{\"id\":\"42\"}");
            assertThat(e.get("isBase64Encoded").asBoolean()).isFalse();
            assertThat(e.has("body")).isFalse();
            assertThat(e.has("stageVariables")).isFalse();
            JsonNode c = e.get("requestContext");
            assertThat(c.get("accountId").asText()).isEqualTo("000000000000");
            assertThat(c.get("apiId").asText()).isEqualTo(apiId);
            assertThat(c.get("domainName").asText()).isEqualTo("127.0.0.1");
            assertThat(c.at("/http/method").asText()).isEqualTo("GET");
            assertThat(c.at("/http/path").asText()).isEqualTo("/users/42");
            assertThat(c.at("/http/protocol").asText()).isEqualTo("HTTP/1.1");
            assertThat(c.at("/http/sourceIp").asText()).isEqualTo("127.0.0.1");
            assertThat(c.at("/http/userAgent").asText()).isEqualTo("ua/1");
            assertThat(c.get("routeKey").asText()).isEqualTo("GET /users/{id}");
            assertThat(c.get("stage").asText()).isEqualTo("$default");
            assertThat(c.get("time").asText()).matches("\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000");
            assertThat(c.get("timeEpoch").asLong()).isPositive();
        }

        @Test
        void binaryBody_isBase64Encoded_textBodyIsNot() {
            Http.send(HttpRequest.newBuilder(URI.create(base + "/users")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}")));
            Http.send(HttpRequest.newBuilder(URI.create(base + "/users")).header("Content-Type", "image/png")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3})));
            var events = invoker.eventsOf("svc-dev-users");
            assertThat(events.get(0).get("body").asText()).isEqualTo("{\"a\":1}");
            assertThat(events.get(0).get("isBase64Encoded").asBoolean()).isFalse();
            assertThat(events.get(1).get("body").asText()).isEqualTo("AQID");
            assertThat(events.get(1).get("isBase64Encoded").asBoolean()).isTrue();
        }

        @Test
        void payloadFormat10_hasVersionAndCommaJoinedHeaders() {
            Http.send(HttpRequest.newBuilder(URI.create(base + "/legacy")).header("X-Multi", "one")
                    .header("X-Multi", "two").GET());
            JsonNode e = invoker.eventsOf("svc-dev-legacy").get(0);
            assertThat(e.get("version").asText()).isEqualTo("1.0");
            assertThat(e.get("resource").asText()).isEqualTo("/legacy");
            assertThat(e.at("/headers/X-Multi").asText()).isEqualTo("one,two");
            assertThat(e.at("/multiValueHeaders/X-Multi").size()).isEqualTo(2);
            assertThat(e.at("/requestContext/authorizer").toString()).isEqualTo("{\"claims\":null,\"scopes\":null}");
            assertThat(e.at("/requestContext/resourceId").isNull()).isTrue();
            assertThat(e.at("/requestContext/stage").asText()).isEqualTo("$default");
        }
    }

    @Nested
    class Responses {
        @Test
        void bareValue_isA200JsonResponse() {
            var r = Http.get(base + "/anything/else");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(r.body()).isEqualTo("fallback");
            assertThat(invoker.eventsOf("svc-dev-fallback").get(0).get("routeKey").asText()).isEqualTo("$default");
        }

        @Test
        void objectWithoutStatusCode_isItsJson() {
            invoker.on("svc-dev-fallback", e -> Json.object().put("ok", true));
            assertThat(Http.get(base + "/x").body()).isEqualTo("{\"ok\":true}");
        }

        @Test
        void cookies_becomeSetCookieHeaders() {
            invoker.on("svc-dev-fallback", e -> Cfn.json("{\"statusCode\":201,\"cookies\":[\"a=1\",\"b=2\"],\"body\":\"x\"}"));
            var r = Http.get(base + "/x");
            assertThat(r.statusCode()).isEqualTo(201);
            assertThat(r.headers().allValues("set-cookie")).containsExactly("a=1", "b=2");
        }

        @Test
        void functionError_is500WithHttpApisMessage() {
            invoker.on("svc-dev-fallback", e -> {
                throw new IllegalStateException("boom");
            });
            var r = Http.get(base + "/x");
            assertThat(r.statusCode()).isEqualTo(500);
            assertThat(r.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
        }

        @Test
        void noRouteAndNoDefault_is404NotFound() {
            ApiGatewayService other = ApiGatewayService.builder().invoker(invoker).build();
            Cfn c = new Cfn(other);
            String id = c.httpApi("x", null);
            c.httpRoute(id, "GET /only", c.httpIntegration(id, "svc-dev-users", "2.0"), null, null);
            try (HttpServer s = HttpServer.start("x", 0, other.asCloudService().handler())) {
                var r = Http.get("http://127.0.0.1:" + s.port() + "/restapis/" + id + "/$default/_user_request_/nope");
                assertThat(r.statusCode()).isEqualTo(404);
                assertThat(r.body()).isEqualTo("{\"message\":\"Not Found\"}");
            } finally {
                other.close();
            }
        }
    }

    @Nested
    class Cors {
        @Test
        void preflightFromAnAllowedOrigin_isAnsweredFromTheConfiguration() {
            var r = Http.send(HttpRequest.newBuilder(URI.create(base + "/users/1"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://app.example.com")
                    .header("Access-Control-Request-Method", "GET"));
            assertThat(r.statusCode()).isEqualTo(204);
            assertThat(r.headers().firstValue("access-control-allow-origin")).hasValue("https://app.example.com");
            assertThat(r.headers().firstValue("access-control-allow-methods")).hasValue("GET,POST,OPTIONS");
            assertThat(r.headers().firstValue("access-control-allow-headers")).hasValue("Content-Type,Authorization");
            assertThat(r.headers().firstValue("access-control-allow-credentials")).hasValue("true");
            assertThat(r.headers().firstValue("access-control-max-age")).hasValue("600");
            assertThat(invoker.invocations).isEmpty();
        }

        @Test
        void preflightFromAnotherOrigin_getsNoCorsHeaders() {
            var r = Http.send(HttpRequest.newBuilder(URI.create(base + "/users/1"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://evil.example")
                    .header("Access-Control-Request-Method", "GET"));
            assertThat(r.headers().firstValue("access-control-allow-origin")).isEmpty();
        }

        @Test
        void actualResponse_carriesAllowOriginAndExposeHeaders() {
            var r = Http.get(base + "/users/1", "Origin", "https://app.example.com");
            assertThat(r.headers().firstValue("access-control-allow-origin")).hasValue("https://app.example.com");
            assertThat(r.headers().firstValue("access-control-expose-headers")).hasValue("X-Request-Id");
        }
    }

    @Nested
    class JwtAuthorizer {
        @Test
        void validToken_fromJwksFile_passesClaimsAndScopes() throws Exception {
            var r = Http.get(base + "/me", "Authorization", "Bearer " + jwt(keys, claims(ISSUER_FILE)));
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode jwt = invoker.eventsOf("svc-dev-users").get(0).at("/requestContext/authorizer/jwt");
            assertThat(jwt.at("/claims/sub").asText()).isEqualTo("user-1");
            assertThat(jwt.at("/claims/exp").isTextual()).as("claims are strings, as AWS passes them").isTrue();
            assertThat(jwt.get("scopes").toString()).isEqualTo("[\"read\",\"write\"]");
        }

        @Test
        void validToken_fromLoopbackIssuersOpenIdConfiguration_isAccepted() throws Exception {
            var r = Http.get(base + "/me2", "Authorization", jwt(keys, claims(loopbackIssuer)));
            assertThat(r.statusCode()).isEqualTo(200);
        }

        @Test
        void missingWrongSignatureExpiredOrWrongAudience_is401() throws Exception {
            assertThat(Http.get(base + "/me").statusCode()).isEqualTo(401);
            var wrongKey = Http.get(base + "/me", "Authorization", "Bearer " + jwt(otherKeys, claims(ISSUER_FILE)));
            assertThat(wrongKey.statusCode()).isEqualTo(401);
            assertThat(wrongKey.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
            Map<String, Object> expired = new java.util.HashMap<>(claims(ISSUER_FILE));
            expired.put("exp", Instant.now().getEpochSecond() - 10);
            assertThat(Http.get(base + "/me", "Authorization", jwt(keys, expired)).statusCode()).isEqualTo(401);
            Map<String, Object> aud = new java.util.HashMap<>(claims(ISSUER_FILE));
            aud.put("aud", "someone-else");
            assertThat(Http.get(base + "/me", "Authorization", jwt(keys, aud)).statusCode()).isEqualTo(401);
            Map<String, Object> iss = new java.util.HashMap<>(claims(ISSUER_FILE));
            iss.put("iss", "https://other/");
            assertThat(Http.get(base + "/me", "Authorization", jwt(keys, iss)).statusCode()).isEqualTo(401);
            assertThat(invoker.eventsOf("svc-dev-users")).isEmpty();
        }
    }
}
