package dev.slipway.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.Environment;
import software.amazon.awssdk.services.lambda.model.FunctionCode;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * Invoke through the AWS SDK v2 against real worker JVMs running Amazon's runtime client. The
 * functions are created once; their workers stay warm across the tests of this class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvokeTest {
    @TempDir
    static Path cache;

    static LambdaFixture fx;

    @BeforeAll
    static void start() {
        fx = new LambdaFixture(cache, b -> b.appCds(false));
        create("greeter", "dev.slipway.lambda.testfn.Greeter", 256, 10, Map.of());
        create("inspect", "dev.slipway.lambda.testfn.Inspect::describe", 256, 10, Map.of("GREETING", "hola"));
        create("api", "dev.slipway.lambda.testfn.Api", 256, 10, Map.of());
        create("echo", "dev.slipway.lambda.testfn.Echo", 256, 10, Map.of());
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    static void create(String name, String handler, int memory, int timeout, Map<String, String> env) {
        fx.client.createFunction(CreateFunctionRequest.builder()
                .functionName(name)
                .runtime(Runtime.JAVA21)
                .role("arn:aws:iam::000000000000:role/lambda")
                .handler(handler)
                .memorySize(memory)
                .timeout(timeout)
                .environment(Environment.builder().variables(env).build())
                .code(FunctionCode.builder().zipFile(SdkBytes.fromByteArray(TestFunctions.zip())).build())
                .build());
    }

    static InvokeResponse invoke(String name, String payload) {
        return fx.client.invoke(InvokeRequest.builder().functionName(name).payload(SdkBytes.fromUtf8String(payload)).build());
    }

    static JsonNode json(InvokeResponse r) throws Exception {
        return Json.parse(r.payload().asByteArray());
    }

    @Nested
    class Handlers {
        @Test
        void pojoHandler_mapsInputAndOutputWithAmazonsSerialiser() throws Exception {
            InvokeResponse r = invoke("greeter", "{\"name\":\"Ada\",\"unknown\":1}");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.functionError()).isNull();
            assertThat(r.executedVersion()).isEqualTo("$LATEST");
            assertThat(r.payload().asUtf8String()).isEqualTo("{\"greeting\":\"Hello, Ada\"}");
        }

        @Test
        void streamHandler_getsTheRawBytes() {
            InvokeResponse r = invoke("echo", "[1, 2,   3]");
            assertThat(r.payload().asUtf8String()).isEqualTo("[1, 2,   3]");
        }

        @Test
        void apiGatewayHandler_readsTheProxyEventAndAnswersAProxyResponse() throws Exception {
            String event = "{\"httpMethod\":\"POST\",\"path\":\"/orders\",\"queryStringParameters\":{\"who\":\"ada\"},"
                    + "\"requestContext\":{\"requestId\":\"req-1\"},\"body\":\"{}\",\"isBase64Encoded\":false}";
            JsonNode out = json(invoke("api", event));
            assertThat(out.get("statusCode").asInt()).isEqualTo(201);
            assertThat(out.get("body").asText()).isEqualTo("POST /orders for ada (req-1) body={}");
            assertThat(out.get("headers").get("Content-Type").asText()).isEqualTo("text/plain");
        }

        @Test
        void handler_seesLambdasEnvironmentAndContext() throws Exception {
            String ctx = Base64.getEncoder().encodeToString("{\"custom\":{\"tenant\":\"t1\"}}".getBytes(StandardCharsets.UTF_8));
            InvokeResponse r = fx.client.invoke(InvokeRequest.builder().functionName("inspect").clientContext(ctx)
                    .payload(SdkBytes.fromUtf8String("{\"a\":1}")).build());
            JsonNode out = json(r);
            assertThat(out.get("GREETING").asText()).isEqualTo("hola");
            assertThat(out.get("AWS_LAMBDA_FUNCTION_NAME").asText()).isEqualTo("inspect");
            assertThat(out.get("AWS_LAMBDA_FUNCTION_VERSION").asText()).isEqualTo("$LATEST");
            assertThat(out.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE").asText()).isEqualTo("256");
            assertThat(out.get("AWS_LAMBDA_LOG_GROUP_NAME").asText()).isEqualTo("/aws/lambda/inspect");
            assertThat(out.get("AWS_LAMBDA_LOG_STREAM_NAME").asText()).matches("\\d{4}/\\d{2}/\\d{2}/\\[\\$LATEST\\][0-9a-f]{32}");
            assertThat(out.get("AWS_REGION").asText()).isEqualTo("us-east-1");
            assertThat(out.get("AWS_DEFAULT_REGION").asText()).isEqualTo("us-east-1");
            assertThat(out.get("AWS_EXECUTION_ENV").asText()).isEqualTo("AWS_Lambda_java21");
            assertThat(out.get("_HANDLER").asText()).isEqualTo("dev.slipway.lambda.testfn.Inspect::describe");
            assertThat(out.get("LAMBDA_TASK_ROOT").asText()).isEqualTo(out.get("userDir").asText());
            assertThat(out.get("LAMBDA_RUNTIME_DIR").asText()).isEqualTo("/var/runtime");
            assertThat(out.get("TZ").asText()).isEqualTo(":UTC");
            assertThat(out.get("AWS_ACCESS_KEY_ID").asText()).isEqualTo("slipway-local");
            assertThat(out.get("AWS_SESSION_TOKEN").asText()).isEqualTo("slipway-local-session");
            assertThat(out.get("AWS_ENDPOINT_URL").asText()).isEqualTo("http://127.0.0.1:4566");
            assertThat(out.get("AWS_ENDPOINT_URL_DYNAMODB").asText()).isEqualTo("http://127.0.0.1:4566");
            assertThat(out.hasNonNull("HOME")).as("the host's environment does not leak").isFalse();
            assertThat(out.hasNonNull("AWS_LAMBDA_MAX_CONCURRENCY")).isFalse();
            assertThat(out.get("requestId").asText()).matches("[0-9a-f-]{36}");
            assertThat(out.get("functionName").asText()).isEqualTo("inspect");
            assertThat(out.get("functionVersion").asText()).isEqualTo("$LATEST");
            assertThat(out.get("invokedFunctionArn").asText())
                    .isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:inspect");
            assertThat(out.get("memoryLimitInMB").asInt()).isEqualTo(256);
            assertThat(out.get("remainingTimeInMillis").asLong()).isBetween(1L, 10_000L);
            assertThat(out.get("logGroupName").asText()).isEqualTo("/aws/lambda/inspect");
            assertThat(out.get("logStreamName").asText()).isEqualTo(out.get("AWS_LAMBDA_LOG_STREAM_NAME").asText());
            assertThat(out.get("clientContextCustom").get("tenant").asText()).isEqualTo("t1");
            assertThat(out.get("maxHeapBytes").asLong()).as("heap bounded by 85% of memorySize")
                    .isLessThanOrEqualTo(256L * 1024 * 1024 * 85 / 100);
            assertThat(out.get("input").get("a").asInt()).isEqualTo(1);
        }

        @Test
        void tail_returnsTheInvocationsLogWithStartEndAndReport() {
            InvokeResponse r = fx.client.invoke(InvokeRequest.builder().functionName("inspect").logType(LogType.TAIL)
                    .payload(SdkBytes.fromUtf8String("{}")).build());
            String log = new String(Base64.getDecoder().decode(r.logResult()), StandardCharsets.UTF_8);
            String id = Json.MAPPER.valueToTree(Map.of()).toString();
            assertThat(log).containsPattern("START RequestId: [0-9a-f-]{36} Version: \\$LATEST");
            assertThat(log).contains("inspecting ");
            assertThat(log).contains("logged through the context logger");
            assertThat(log).containsPattern("END RequestId: [0-9a-f-]{36}");
            assertThat(log).containsPattern("REPORT RequestId: [0-9a-f-]{36}\tDuration: [0-9.]+ ms\tBilled Duration: \\d+ ms"
                    + "\tMemory Size: 256 MB\tMax Memory Used: \\d+ MB");
            assertThat(id).isEqualTo("{}");
        }

        @Test
        void coldStart_reportsInitDurationOnce() {
            create("greeter-cold", "dev.slipway.lambda.testfn.Greeter", 256, 10, Map.of());
            InvokeResponse first = fx.client.invoke(InvokeRequest.builder().functionName("greeter-cold").logType(LogType.TAIL)
                    .payload(SdkBytes.fromUtf8String("{\"name\":\"a\"}")).build());
            InvokeResponse second = fx.client.invoke(InvokeRequest.builder().functionName("greeter-cold")
                    .logType(LogType.TAIL).payload(SdkBytes.fromUtf8String("{\"name\":\"b\"}")).build());
            assertThat(decode(first.logResult())).containsPattern("Init Duration: [0-9.]+ ms");
            assertThat(decode(second.logResult())).doesNotContain("Init Duration");
            assertThat(fx.lambda.workerCount("greeter-cold")).isEqualTo(1);
            assertThat(fx.lambda.metrics("greeter-cold").coldStarts()).isEqualTo(1);
        }

        @Test
        void dryRun_checksWithoutRunning() {
            InvokeResponse r = fx.client.invoke(InvokeRequest.builder().functionName("greeter")
                    .invocationType(InvocationType.DRY_RUN).build());
            assertThat(r.statusCode()).isEqualTo(204);
        }

        @Test
        void logSink_receivesWorkerOutputAndReportLines() {
            invoke("greeter", "{\"name\":\"Sink\"}");
            assertThat(fx.logLines).anyMatch(l -> l.equals("/aws/lambda/greeter greeting Sink"));
            assertThat(fx.logLines).anyMatch(l -> l.startsWith("/aws/lambda/greeter REPORT RequestId: "));
        }
    }

    @Nested
    class Malformed {
        @Test
        void unknownFunction_isResourceNotFoundWithLambdasMessage() {
            assertThatThrownBy(() -> invoke("nope", "{}"))
                    .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(404);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
                        assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("Function not found: arn:aws:lambda:us-east-1:000000000000:function:nope");
                    });
        }

        @Test
        void unknownVersion_namesTheQualifiedArn() {
            assertThatThrownBy(() -> fx.client.invoke(InvokeRequest.builder().functionName("greeter").qualifier("9")
                    .payload(SdkBytes.fromUtf8String("{}")).build()))
                    .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Function not found: arn:aws:lambda:us-east-1:000000000000:function:greeter:9"));
        }

        @Test
        void payloadThatIsNotJson_isInvalidRequestContent() {
            assertThatThrownBy(() -> invoke("greeter", "not json"))
                    .isInstanceOfSatisfying(software.amazon.awssdk.services.lambda.model.InvalidRequestContentException.class,
                            e -> {
                                assertThat(e.statusCode()).isEqualTo(400);
                                assertThat(e.awsErrorDetails().errorMessage()).startsWith(
                                        "Could not parse request body into json: Could not parse payload into json: Unrecognized token 'not'");
                            });
        }

        @Test
        void requestOver6MB_isRequestTooLarge() {
            String big = "\"" + "x".repeat(6 * 1024 * 1024) + "\"";
            assertThatThrownBy(() -> invoke("echo", big))
                    .isInstanceOfSatisfying(software.amazon.awssdk.services.lambda.model.RequestTooLargeException.class,
                            e -> {
                                assertThat(e.statusCode()).isEqualTo(413);
                                assertThat(e.awsErrorDetails().errorMessage())
                                        .isEqualTo("Request must be smaller than 6291456 bytes for the InvokeFunction operation");
                            });
        }

        @Test
        void eventOver1MB_isRequestTooLarge() {
            String big = "\"" + "x".repeat(1024 * 1024) + "\"";
            assertThatThrownBy(() -> fx.client.invoke(InvokeRequest.builder().functionName("echo")
                    .invocationType(InvocationType.EVENT).payload(SdkBytes.fromUtf8String(big)).build()))
                    .isInstanceOfSatisfying(software.amazon.awssdk.services.lambda.model.RequestTooLargeException.class,
                            e -> assertThat(e.awsErrorDetails().errorMessage())
                                    .isEqualTo("Request must be smaller than 1048576 bytes for the InvokeFunction operation"));
        }

        @Test
        void clientContextThatIsNotBase64Json_isInvalidRequestContent() {
            assertThatThrownBy(() -> fx.client.invoke(InvokeRequest.builder().functionName("greeter").clientContext("%%%")
                    .payload(SdkBytes.fromUtf8String("{}")).build()))
                    .isInstanceOfSatisfying(software.amazon.awssdk.services.lambda.model.InvalidRequestContentException.class,
                            e -> assertThat(e.awsErrorDetails().errorMessage())
                                    .isEqualTo("Client context must be a valid Base64-encoded JSON object."));
        }
    }

    static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
