package dev.slipway.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.protocol.Json;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.Environment;
import software.amazon.awssdk.services.lambda.model.FunctionCode;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * The JIT each Java runtime's workers get, as AWS documents it
 * (docs.aws.amazon.com/lambda/latest/dg/java-customization.html, read 2026-11-26): java8.al2 and
 * java11 the JVM's default tiered compilation, java17 and java21 stop at level 1, java25 at level 1
 * unless the function has provisioned concurrency; a user's {@code JAVA_TOOL_OPTIONS} overrides the
 * default. Read inside the worker through {@code HotSpotDiagnosticMXBean}.
 */
class JitDefaultsTest {
    @TempDir
    static Path cache;

    static LambdaFixture fx;

    @BeforeAll
    static void start() {
        fx = new LambdaFixture(cache, b -> b.appCds(false));
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static void create(String name, String runtime, Map<String, String> env) {
        fx.client.createFunction(CreateFunctionRequest.builder().functionName(name).runtime(runtime)
                .role("arn:aws:iam::000000000000:role/lambda").handler("dev.slipway.lambda.testfn.JvmFlags::handleRequest")
                .memorySize(256).timeout(30).environment(Environment.builder().variables(env).build())
                .code(FunctionCode.builder().zipFile(SdkBytes.fromByteArray(TestFunctions.zip(false))).build()).build());
    }

    private static JsonNode flags(String name, String qualifier) throws Exception {
        InvokeResponse r = fx.client.invoke(InvokeRequest.builder().functionName(name).qualifier(qualifier)
                .payload(SdkBytes.fromUtf8String("{}")).build());
        assertThat(r.functionError()).as(r.payload().asUtf8String()).isNull();
        return Json.MAPPER.readTree(r.payload().asByteArray());
    }

    @Test
    void java21_stopsAtLevel1_withSerialGc() throws Exception {
        create("jit-21", "java21", Map.of());
        JsonNode f = flags("jit-21", null);
        assertThat(f.get("TieredStopAtLevel").asText()).isEqualTo("1");
        assertThat(f.get("UseSerialGC").asText()).isEqualTo("true");
        assertThat(f.get("initializationType").asText()).isEqualTo("on-demand");
    }

    @Test
    void java11_usesTheJvmDefaultTieredCompilation() throws Exception {
        create("jit-11", "java11", Map.of());
        JsonNode f = flags("jit-11", null);
        assertThat(f.get("TieredStopAtLevel").asText()).isEqualTo("4");
        assertThat(f.get("TieredCompilation").asText()).isEqualTo("true");
        assertThat(f.get("inputArguments").toString()).doesNotContain("TieredStopAtLevel");
    }

    @Test
    void java25_stopsAtLevel1_onDemand() throws Exception {
        create("jit-25", "java25", Map.of());
        assertThat(flags("jit-25", null).get("TieredStopAtLevel").asText()).isEqualTo("1");
    }

    @Test
    void java25_withProvisionedConcurrency_runsTheFullTieredJit_asAProvisionedEnvironment() throws Exception {
        create("jit-25-pc", "java25", Map.of());
        fx.client.publishVersion(b -> b.functionName("jit-25-pc"));
        fx.client.putProvisionedConcurrencyConfig(b -> b.functionName("jit-25-pc").qualifier("1")
                .provisionedConcurrentExecutions(1));

        JsonNode f = flags("jit-25-pc", "1");

        assertThat(f.get("TieredStopAtLevel").asText()).isEqualTo("4");
        assertThat(f.get("inputArguments").toString()).doesNotContain("TieredStopAtLevel");
        assertThat(f.get("initializationType").asText()).isEqualTo("provisioned-concurrency");
        // $LATEST has no provisioned concurrency: on-demand and C1
        assertThat(flags("jit-25-pc", null).get("TieredStopAtLevel").asText()).isEqualTo("1");
    }

    @Test
    void aUsersJavaToolOptions_overrideTheDefaultStopLevel() throws Exception {
        create("jit-21-jto", "java21", Map.of("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=4"));
        JsonNode f = flags("jit-21-jto", null);
        assertThat(f.get("TieredStopAtLevel").asText()).isEqualTo("4");
    }

    @Test
    void aUsersJavaToolOptions_canTurnTieredCompilationOff_andChooseTheCollector() throws Exception {
        create("jit-21-c2", "java21", Map.of("JAVA_TOOL_OPTIONS", "-XX:-TieredCompilation -XX:+UseParallelGC"));
        JsonNode f = flags("jit-21-c2", null);
        assertThat(f.get("TieredCompilation").asText()).isEqualTo("false");
        assertThat(f.get("UseSerialGC").asText()).isEqualTo("false");
    }
}
