package dev.slipway.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.slipway.protocol.Json;
import dev.slipway.protocol.http.HttpServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Java handlers take events as aws-lambda-java-events types, deserialized by the runtime's own
 * serializer (aws-lambda-java-serialization, what the runtime interface client uses): the events
 * Slipway builds must land in those types field for field.
 */
class JavaEventTypesTest {
    @Test
    void restEvent_deserializesIntoApiGatewayProxyRequestEvent() throws Exception {
        AtomicReference<String> raw = new AtomicReference<>();
        TestInvoker invoker = new TestInvoker().on("svc-dev-get", e -> {
            raw.set(e.toString());
            return RestApiProxyTest.ok("ok");
        });
        try (ApiGatewayService apigw = ApiGatewayService.builder().invoker(invoker).build()) {
            Cfn cfn = new Cfn(apigw);
            String api = cfn.restApi("dev-svc");
            String users = cfn.resource(api, cfn.rootId(api), "users");
            cfn.method(api, cfn.resource(api, users, "{id}"), "POST", "svc-dev-get");
            cfn.deployment(api, "dev");
            try (HttpServer server = HttpServer.start("offline", 0, apigw.offlineHandler())) {
                Http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/dev/users/7?x=1&x=2"))
                        .header("User-Agent", "ua").POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}")));
            }
        }
        APIGatewayProxyRequestEvent e = LambdaEventSerializers.serializerFor(APIGatewayProxyRequestEvent.class,
                getClass().getClassLoader()).fromJson(raw.get());
        assertThat(e.getResource()).isEqualTo("/users/{id}");
        assertThat(e.getPath()).isEqualTo("/users/7");
        assertThat(e.getHttpMethod()).isEqualTo("POST");
        assertThat(e.getPathParameters()).containsEntry("id", "7");
        assertThat(e.getQueryStringParameters()).containsEntry("x", "2");
        assertThat(e.getMultiValueQueryStringParameters().get("x")).containsExactly("1", "2");
        assertThat(e.getHeaders()).containsEntry("User-Agent", "ua");
        assertThat(e.getBody()).isEqualTo("{\"a\":1}");
        assertThat(e.getIsBase64Encoded()).isFalse();
        assertThat(e.getRequestContext().getStage()).isEqualTo("dev");
        assertThat(e.getRequestContext().getResourcePath()).isEqualTo("/users/{id}");
        assertThat(e.getRequestContext().getPath()).isEqualTo("/dev/users/7");
        assertThat(e.getRequestContext().getIdentity().getSourceIp()).isEqualTo("127.0.0.1");
        assertThat(e.getRequestContext().getIdentity().getUserAgent()).isEqualTo("ua");
        assertThat(e.getRequestContext().getRequestTimeEpoch()).isPositive();
        assertThat(e.getRequestContext().getAccountId()).isEqualTo("000000000000");
    }

    @Test
    void httpApiEvent_deserializesIntoApiGatewayV2HttpEvent() throws Exception {
        AtomicReference<String> raw = new AtomicReference<>();
        TestInvoker invoker = new TestInvoker().on("svc-dev-get", e -> {
            raw.set(e.toString());
            return "ok";
        });
        try (ApiGatewayService apigw = ApiGatewayService.builder().invoker(invoker).build()) {
            Cfn cfn = new Cfn(apigw);
            String api = cfn.httpApi("dev-http", null);
            cfn.httpRoute(api, "GET /users/{id}", cfn.httpIntegration(api, "svc-dev-get", "2.0"), null, null);
            try (HttpServer server = HttpServer.start("offline", 0, apigw.offlineHandler())) {
                Http.get("http://127.0.0.1:" + server.port() + "/users/7?x=1", "Cookie", "a=1");
            }
        }
        APIGatewayV2HTTPEvent e = LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class,
                getClass().getClassLoader()).fromJson(raw.get());
        assertThat(e.getVersion()).isEqualTo("2.0");
        assertThat(e.getRouteKey()).isEqualTo("GET /users/{id}");
        assertThat(e.getRawPath()).isEqualTo("/users/7");
        assertThat(e.getRawQueryString()).isEqualTo("x=1");
        assertThat(e.getCookies()).containsExactly("a=1");
        assertThat(e.getPathParameters()).containsEntry("id", "7");
        assertThat(e.getRequestContext().getHttp().getMethod()).isEqualTo("GET");
        assertThat(e.getRequestContext().getHttp().getSourceIp()).isEqualTo("127.0.0.1");
        assertThat(e.getRequestContext().getTimeEpoch()).isPositive();
        assertThat(Json.parse(raw.get()).has("body")).isFalse();
    }
}
