package dev.slipway.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.protocol.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.Environment;
import software.amazon.awssdk.services.lambda.model.FunctionCode;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.PutFunctionConcurrencyRequest;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/**
 * Function failures as Lambda reports them: 200 + X-Amz-Function-Error: Unhandled and the error
 * JSON; the worker is replaced after a timeout, crash or OutOfMemoryError and the next invoke works.
 * Shapes from the prototype's recorded Lambda behaviour (shared/notes/lambda-runtime-api.md, 2026-11).
 */
class FailureTest {
    @TempDir
    static Path cache;
    @TempDir
    static Path scratch;

    static LambdaFixture fx;

    @BeforeAll
    static void start() {
        fx = new LambdaFixture(cache, b -> b.appCds(false));
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    static void create(String name, String handler, int memory, int timeout, Map<String, String> env) {
        fx.client.createFunction(CreateFunctionRequest.builder().functionName(name).runtime(Runtime.JAVA21)
                .role("arn:aws:iam::000000000000:role/lambda").handler(handler).memorySize(memory).timeout(timeout)
                .environment(Environment.builder().variables(env).build())
                .code(FunctionCode.builder().zipFile(SdkBytes.fromByteArray(TestFunctions.zip())).build()).build());
    }

    static InvokeResponse invoke(String name, String payload) {
        return fx.client.invoke(InvokeRequest.builder().functionName(name).payload(SdkBytes.fromUtf8String(payload)).build());
    }

    static JsonNode json(InvokeResponse r) throws Exception {
        return Json.parse(r.payload().asByteArray());
    }

    @Test
    void handlerException_isUnhandledWithErrorMessageTypeAndStackTrace() throws Exception {
        create("thrower", "dev.slipway.lambda.testfn.Echo", 256, 10, Map.of());
        InvokeResponse r = invoke("thrower", "{\"fail\":\"x\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.functionError()).isEqualTo("Unhandled");
        JsonNode error = json(r);
        assertThat(error.get("errorMessage").asText()).isEqualTo("order 42 rejected");
        assertThat(error.get("errorType").asText()).isEqualTo("java.lang.IllegalArgumentException");
        assertThat(error.get("stackTrace").get(0).asText()).startsWith("dev.slipway.lambda.testfn.Echo.handleRequest(Echo.java:");
        assertThat(invoke("thrower", "\"still warm\"").payload().asUtf8String()).isEqualTo("\"still warm\"");
        assertThat(fx.lambda.workerCount("thrower")).isEqualTo(1);
    }

    @Test
    void initError_returnsTheRuntimesInitErrorAndTheNextInvokeRetriesInit() throws Exception {
        create("broken", "dev.slipway.lambda.testfn.BrokenInit", 256, 10, Map.of());
        for (int attempt = 0; attempt < 2; attempt++) {
            InvokeResponse r = invoke("broken", "{}");
            assertThat(r.functionError()).isEqualTo("Unhandled");
            JsonNode error = json(r);
            // what the runtime client posts to /init/error for a failing static initialiser
            assertThat(error.get("errorType").asText()).isEqualTo("java.lang.ExceptionInInitializerError");
            assertThat(error.get("errorMessage").asText()).isEqualTo(
                    "Error loading class dev.slipway.lambda.testfn.BrokenInit");
        }
        assertThat(fx.logLines).anyMatch(l -> l.contains("Caused by: java.lang.IllegalStateException: missing config DB_URL"));
    }

    @Test
    void missingHandlerClass_failsEveryInvokeWithClassNotFound() throws Exception {
        create("missing", "dev.slipway.lambda.testfn.Nope", 256, 10, Map.of());
        JsonNode error = json(invoke("missing", "{}"));
        assertThat(error.get("errorType").asText()).isEqualTo("java.lang.ClassNotFoundException");
        assertThat(error.get("errorMessage").asText()).contains("dev.slipway.lambda.testfn.Nope");
    }

    @Test
    void timeout_killsTheWorkerAndAnswersSandboxTimedout_thenANewWorkerServes() throws Exception {
        create("sleepy", "dev.slipway.lambda.testfn.Sleeper", 256, 1, Map.of());
        InvokeResponse r = invoke("sleepy", "{\"millis\":30000}");
        assertThat(r.functionError()).isEqualTo("Unhandled");
        JsonNode error = json(r);
        assertThat(error.get("errorType").asText()).isEqualTo("Sandbox.Timedout");
        assertThat(error.get("errorMessage").asText()).matches("RequestId: [0-9a-f-]{36} Error: Task timed out after 1.00 seconds");
        assertThat(invoke("sleepy", "{\"millis\":1}").payload().asUtf8String()).isEqualTo("\"slept\"");
    }

    @Test
    void crash_isRuntimeExitErrorWithTheExitStatus_thenANewWorkerServes() throws Exception {
        create("exiter", "dev.slipway.lambda.testfn.Exiter", 256, 10, Map.of());
        JsonNode error = json(invoke("exiter", "{\"exit\":true}"));
        assertThat(error.get("errorType").asText()).isEqualTo("Runtime.ExitError");
        assertThat(error.get("errorMessage").asText())
                .matches("RequestId: [0-9a-f-]{36} Error: Runtime exited with error: exit status 7");
        assertThat(invoke("exiter", "{}").payload().asUtf8String()).isEqualTo("\"alive\"");
    }

    @Test
    void outOfMemory_isReportedAsTheErrorAndTheWorkerIsReplaced() throws Exception {
        create("hog", "dev.slipway.lambda.testfn.Hog", 128, 20, Map.of());
        InvokeResponse r = invoke("hog", "{\"hog\":true}");
        assertThat(r.functionError()).isEqualTo("Unhandled");
        assertThat(json(r).get("errorType").asText()).isEqualTo("java.lang.OutOfMemoryError");
        assertThat(invoke("hog", "{}").payload().asUtf8String()).isEqualTo("\"fine\"");
    }

    @Test
    void responseOver6MB_isFunctionResponseSizeTooLarge() throws Exception {
        create("big", "dev.slipway.lambda.testfn.Echo", 512, 20, Map.of());
        InvokeResponse r = invoke("big", "{\"bytes\":6291557}");
        assertThat(r.functionError()).isEqualTo("Unhandled");
        JsonNode error = json(r);
        assertThat(error.get("errorType").asText()).isEqualTo("Function.ResponseSizeTooLarge");
        assertThat(error.get("errorMessage").asText()).isEqualTo(
                "Response payload size (6291557 bytes) exceeded maximum allowed payload size (6291556 bytes).");
        assertThat(invoke("big", "{\"bytes\":6291556}").payload().asByteArray()).hasSize(6291556);
    }

    @Test
    void beyondReservedConcurrency_isTooManyRequests() throws Exception {
        create("single", "dev.slipway.lambda.testfn.Sleeper", 256, 20, Map.of());
        fx.client.putFunctionConcurrency(PutFunctionConcurrencyRequest.builder().functionName("single")
                .reservedConcurrentExecutions(1).build());
        CompletableFuture<InvokeResponse> busy = CompletableFuture.supplyAsync(() -> invoke("single", "{\"millis\":3000}"));
        while (fx.lambda.workerCount("single") == 0) {
            Thread.onSpinWait();
        }
        assertThatThrownBy(() -> invoke("single", "{}"))
                .isInstanceOfSatisfying(TooManyRequestsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(429);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Rate Exceeded.");
                    assertThat(e.reasonAsString()).isEqualTo("ReservedFunctionConcurrentInvocationLimitExceeded");
                });
        assertThat(busy.get().payload().asUtf8String()).isEqualTo("\"slept\"");
        assertThat(fx.lambda.metrics("single").throttles()).isEqualTo(1);
    }

    @Test
    void eventInvocation_isAcceptedWith202AndRetriedTwiceOnError() throws Exception {
        Path attempts = scratch.resolve("attempts.txt");
        create("flaky", "dev.slipway.lambda.testfn.Flaky", 256, 10, Map.of("ATTEMPTS_FILE", attempts.toString()));
        InvokeResponse r = fx.client.invoke(InvokeRequest.builder().functionName("flaky").invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String("{\"id\":\"e1\"}")).build());
        assertThat(r.statusCode()).isEqualTo(202);
        while (fx.lambda.metrics("flaky").invocations() < 3) {
            Thread.sleep(20);
        }
        List<String> lines = Files.readAllLines(attempts);
        assertThat(lines).hasSize(3).allMatch(l -> l.endsWith(" e1"));
        assertThat(fx.lambda.metrics("flaky").errors()).isEqualTo(3);
    }
}
