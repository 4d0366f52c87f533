package dev.slipway.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.protocol.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pure-Java Runtime API loop that macOS and Windows use (the runtime client ships its native
 * library for Linux only), forced here on Linux: same handlers, same answers as the native path.
 * Code given as a directory and as a jar (the Java API's local paths).
 */
class PureJavaRuntimeTest {
    @TempDir
    static Path cache;
    @TempDir
    static Path scratch;

    static LambdaService lambda;

    @BeforeAll
    static void start() throws Exception {
        lambda = LambdaService.builder().cacheDir(cache).appCds(false).pureJavaRuntime(true).build();
        Path dir = TestFunctions.directory(scratch);
        lambda.createFunction(CreateFunctionRequest.of("greeter", "java21", "dev.slipway.lambda.testfn.Greeter",
                FunctionCode.path(dir)).withMemoryAndTimeout(256, 10));
        lambda.createFunction(CreateFunctionRequest.of("api", "java21", "dev.slipway.lambda.testfn.Api",
                FunctionCode.path(dir)).withMemoryAndTimeout(256, 10));
        lambda.createFunction(CreateFunctionRequest.of("echo", "java17", "dev.slipway.lambda.testfn.Echo",
                FunctionCode.path(TestFunctions.jar(scratch))).withMemoryAndTimeout(256, 10));
        lambda.createFunction(CreateFunctionRequest.of("broken", "java21", "dev.slipway.lambda.testfn.BrokenInit",
                FunctionCode.path(dir)).withMemoryAndTimeout(256, 10));
    }

    @AfterAll
    static void stop() {
        lambda.close();
    }

    @Test
    void pojoHandler_answersLikeTheNativeClient() {
        InvokeResponse r = lambda.invoke(InvokeRequest.of("greeter", "{\"name\":\"Ada\"}").withLogType("Tail"));
        assertThat(r.payloadAsString()).isEqualTo("{\"greeting\":\"Hello, Ada\"}");
        assertThat(InvokeTest.decode(r.logResult().orElseThrow())).contains("greeting Ada");
        assertThat(lambda.invoke(InvokeRequest.of("greeter", "{\"name\":\"Bo\"}")).payloadAsString())
                .isEqualTo("{\"greeting\":\"Hello, Bo\"}");
    }

    @Test
    void apiGatewayEvent_isDeserialisedWithAmazonsMixIns() throws Exception {
        JsonNode out = Json.parse(lambda.invoke(InvokeRequest.of("api", "{\"httpMethod\":\"GET\",\"path\":\"/x\","
                + "\"requestContext\":{\"requestId\":\"r\"}}")).payload());
        assertThat(out.get("statusCode").asInt()).isEqualTo(201);
        assertThat(out.get("body").asText()).isEqualTo("GET /x for nobody (r) body=null");
    }

    @Test
    void handlerError_hasTheSameShapeAsTheNativeClients() throws Exception {
        InvokeResponse r = lambda.invoke(InvokeRequest.of("echo", "{\"fail\":1}"));
        assertThat(r.functionError()).contains("Unhandled");
        JsonNode error = Json.parse(r.payload());
        assertThat(error.get("errorMessage").asText()).isEqualTo("order 42 rejected");
        assertThat(error.get("errorType").asText()).isEqualTo("java.lang.IllegalArgumentException");
        assertThat(error.get("stackTrace").get(0).asText()).startsWith("dev.slipway.lambda.testfn.Echo.handleRequest(");
        assertThat(lambda.invoke(InvokeRequest.of("echo", "[1]")).payloadAsString()).isEqualTo("[1]");
    }

    @Test
    void initError_isReportedThroughInitError() throws Exception {
        InvokeResponse r = lambda.invoke(InvokeRequest.of("broken", "{}"));
        JsonNode error = Json.parse(r.payload());
        assertThat(error.get("errorType").asText()).isEqualTo("java.lang.ExceptionInInitializerError");
        assertThat(error.get("errorMessage").asText()).isEqualTo("Error loading class dev.slipway.lambda.testfn.BrokenInit");
    }
}
