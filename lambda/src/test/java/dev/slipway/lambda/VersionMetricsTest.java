package dev.slipway.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.protocol.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.AliasRoutingConfiguration;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.FunctionCode;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * Metrics per executed version, read through Slipway's local metrics endpoint as release gates do:
 * invocations through a weighted alias count against the version that ran them.
 */
class VersionMetricsTest {
    @TempDir
    static Path cache;

    static LambdaFixture fx;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        fx = new LambdaFixture(cache, b -> b.appCds(false));
        fx.client.createFunction(CreateFunctionRequest.builder().functionName("vm").runtime(Runtime.JAVA21)
                .role("arn:aws:iam::000000000000:role/lambda").handler("dev.slipway.lambda.testfn.Echo")
                .memorySize(256).timeout(10)
                .code(FunctionCode.builder().zipFile(SdkBytes.fromByteArray(TestFunctions.zip(false))).build()).build());
        fx.client.publishVersion(b -> b.functionName("vm"));
        fx.client.updateFunctionConfiguration(b -> b.functionName("vm").environment(e -> e.variables(Map.of("RELEASE", "2"))));
        fx.client.publishVersion(b -> b.functionName("vm"));
        fx.client.createAlias(b -> b.functionName("vm").name("live").functionVersion("1")
                .routingConfig(AliasRoutingConfiguration.builder().additionalVersionWeights(Map.of("2", 0.5)).build()));
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    static JsonNode metrics(String function, String query) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                URI.create(fx.server.url() + "/_slipway/lambda/metrics/" + function + query)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = Json.parse(r.body());
        ((com.fasterxml.jackson.databind.node.ObjectNode) body).put("status", r.statusCode());
        return body;
    }

    @Test
    void invocationsThroughAWeightedAlias_countAgainstTheVersionThatRanThem() throws Exception {
        Map<String, Long> before = Map.of("1", metrics("vm", "?Version=1").get("invocations").asLong(),
                "2", metrics("vm", "?Version=2").get("invocations").asLong());
        long beforeAll = fx.lambda.metrics("vm").invocations();
        Map<String, Integer> ran = new HashMap<>();
        Map<String, Integer> failed = new HashMap<>();
        for (int i = 0; i < 30; i++) {
            boolean fail = i % 3 == 0;
            InvokeResponse r = fx.client.invoke(b -> b.functionName("vm").qualifier("live")
                    .payload(SdkBytes.fromUtf8String(fail ? "{\"fail\":\"x\"}" : "{\"n\":1}")));
            ran.merge(r.executedVersion(), 1, Integer::sum);
            if (r.functionError() != null) {
                failed.merge(r.executedVersion(), 1, Integer::sum);
            }
        }
        for (String v : new String[] {"1", "2"}) {
            JsonNode m = metrics("vm", "?Version=" + v + "&After=" + before.get(v));
            assertThat(m.get("status").asInt()).isEqualTo(200);
            assertThat(m.get("invocations").asLong()).isEqualTo(before.get(v) + ran.getOrDefault(v, 0));
            assertThat(m.get("windowInvocations").asLong()).isEqualTo((long) ran.getOrDefault(v, 0));
            assertThat(m.get("windowErrors").asLong()).isEqualTo((long) failed.getOrDefault(v, 0));
        }
        assertThat(ran.keySet()).containsExactlyInAnyOrder("1", "2");
        assertThat(fx.lambda.metrics("vm").invocations()).isEqualTo(beforeAll + 30);
    }

    @Test
    void theWindow_holdsOnlyInvocationsAfterTheGivenNumber() throws Exception {
        fx.client.invoke(b -> b.functionName("vm").qualifier("1").payload(SdkBytes.fromUtf8String("{}")));
        long seen = metrics("vm", "?Version=1").get("invocations").asLong();
        fx.client.invoke(b -> b.functionName("vm").qualifier("1").payload(SdkBytes.fromUtf8String("{\"fail\":1}")));
        JsonNode m = metrics("vm", "?Version=1&After=" + seen);
        assertThat(m.get("windowInvocations").asLong()).isEqualTo(1);
        assertThat(m.get("windowErrors").asLong()).isEqualTo(1);
        assertThat(m.get("p99Millis").asDouble()).isPositive();
    }

    @Test
    void anUnknownVersion_isResourceNotFound() throws Exception {
        JsonNode m = metrics("vm", "?Version=9");
        assertThat(m.get("status").asInt()).isEqualTo(404);
        assertThat(m.get("message").asText()).contains("vm:9");
    }
}
