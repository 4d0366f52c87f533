package dev.slipway.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.protocol.spi.FunctionInvoker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm path without waiting threads: invocations handed from the caller to a parked
 * {@code /next} and back under concurrency, waiting invocations across a configuration change, and
 * the FunctionInvoker's non-blocking {@code submit}. Futures are bounded only as a hang guard.
 */
class WarmPathTest {
    private static final long HANG_GUARD_S = 120;

    @TempDir
    Path cache;

    private LambdaService.Builder builder() {
        return LambdaService.builder().cacheDir(cache).appCds(false);
    }

    private static void create(LambdaService lambda, String name, String handler) {
        lambda.createFunction(CreateFunctionRequest.of(name, "java21", "dev.slipway.lambda.testfn." + handler,
                FunctionCode.zip(TestFunctions.zip(false))).withMemoryAndTimeout(256, 20));
    }

    @Test
    void invocationsWaitingForAWorker_whenTheConfigurationChanges_allFinish() throws Exception {
        try (LambdaService lambda = builder().maxWorkersPerFunction(1).build()) {
            create(lambda, "reload", "Sleeper");
            // submitted synchronously: one runs (cold), three wait in the pool the change retires
            List<CompletableFuture<InvokeResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(lambda.invokeAsync(InvokeRequest.of("reload", "{\"millis\":100}")));
            }
            lambda.updateFunctionConfiguration("reload", new UpdateFunctionConfigurationRequest(null, null, "v2", null,
                    null, new Environment(Map.of("RELEASE", "2")), null, null, null));
            for (CompletableFuture<InvokeResponse> c : calls) {
                InvokeResponse r = c.get(HANG_GUARD_S, TimeUnit.SECONDS);
                assertThat(r.functionError()).isEmpty();
                assertThat(r.payloadAsString()).isEqualTo("\"slept\"");
            }
            assertThat(lambda.invoke(InvokeRequest.of("reload", "{\"millis\":0}")).payloadAsString())
                    .isEqualTo("\"slept\"");
        }
    }

    @Test
    void manyConcurrentInvocations_onTwoWorkers_eachGetTheirOwnAnswer() throws Exception {
        try (LambdaService lambda = builder().maxWorkersPerFunction(2).build()) {
            create(lambda, "stress", "Echo");
            for (int round = 0; round < 20; round++) {
                List<CompletableFuture<InvokeResponse>> calls = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    calls.add(lambda.invokeAsync(InvokeRequest.of("stress", "[" + round + "," + i + "]")));
                }
                for (int i = 0; i < calls.size(); i++) {
                    InvokeResponse r = calls.get(i).get(HANG_GUARD_S, TimeUnit.SECONDS);
                    assertThat(r.payloadAsString()).isEqualTo("[" + round + "," + i + "]");
                }
            }
            assertThat(lambda.workerCount("stress")).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void aFunctionThatPrintsOnEveryInvocation_getsItsOwnLinesInEachTail() throws Exception {
        try (LambdaService lambda = builder().maxWorkersPerFunction(2).build()) {
            create(lambda, "chatty", "Greeter");
            List<CompletableFuture<InvokeResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                calls.add(lambda.invokeAsync(new InvokeRequest("chatty", null, "Tail", null, null,
                        ("{\"name\":\"n" + i + "\"}").getBytes(StandardCharsets.UTF_8))));
            }
            for (int i = 0; i < calls.size(); i++) {
                InvokeResponse r = calls.get(i).get(HANG_GUARD_S, TimeUnit.SECONDS);
                assertThat(r.payloadAsString()).isEqualTo("{\"greeting\":\"Hello, n" + i + "\"}");
                String tail = new String(java.util.Base64.getDecoder().decode(r.logResult().orElseThrow()),
                        StandardCharsets.UTF_8);
                assertThat(tail).contains("greeting n" + i + "\n").contains("REPORT RequestId:");
                assertThat(tail.indexOf("greeting n" + i)).isLessThan(tail.indexOf("END RequestId:"));
            }
        }
    }

    @Test
    void theInvokeApi_answersConcurrentCallersOnOneConnectionEach() throws Exception {
        try (LambdaFixture fx = new LambdaFixture(cache, b -> b.maxWorkersPerFunction(2))) {
            create(fx.lambda, "http", "Echo");
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI uri = URI.create(fx.server.url() + "/2015-03-31/functions/http/invocations");
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                calls.add(client.sendAsync(java.net.http.HttpRequest.newBuilder(uri)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"n\":" + i + "}")).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            for (int i = 0; i < calls.size(); i++) {
                HttpResponse<String> r = calls.get(i).get(HANG_GUARD_S, TimeUnit.SECONDS);
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).isEqualTo("{\"n\":" + i + "}");
                assertThat(r.headers().firstValue("x-amzn-RequestId")).isPresent();
                assertThat(r.headers().firstValue("X-Amz-Executed-Version")).contains("$LATEST");
            }
        }
    }

    @Test
    void submit_completesWithoutAWaitingThread_forSuccessThrottleAndNotFound() throws Exception {
        try (LambdaService lambda = builder().build()) {
            create(lambda, "spi-async", "Echo");
            FunctionInvoker invoker = lambda.asFunctionInvoker();
            Runnable noBlocking = () -> {
                throw new AssertionError("the Lambda service must not need a blocking thread");
            };
            FunctionInvoker.Outcome ok = invoker.submit("spi-async", Optional.empty(), "[7]".getBytes(
                    StandardCharsets.UTF_8), r -> noBlocking.run()).toCompletableFuture().get(HANG_GUARD_S, TimeUnit.SECONDS);
            assertThat(ok.kind()).isEqualTo(FunctionInvoker.Kind.SUCCESS);
            assertThat(new String(ok.payload(), StandardCharsets.UTF_8)).isEqualTo("[7]");

            FunctionInvoker.Outcome failed = invoker.submit("spi-async", Optional.empty(), "{\"fail\":\"no\"}".getBytes(
                    StandardCharsets.UTF_8), r -> noBlocking.run()).toCompletableFuture().get(HANG_GUARD_S, TimeUnit.SECONDS);
            assertThat(failed.kind()).isEqualTo(FunctionInvoker.Kind.FUNCTION_ERROR);

            assertThat(invoker.submit("nope", Optional.empty(), "{}".getBytes(StandardCharsets.UTF_8),
                    r -> noBlocking.run()).toCompletableFuture().get().kind()).isEqualTo(FunctionInvoker.Kind.NOT_FOUND);

            lambda.putFunctionConcurrency("spi-async", new Concurrency(0));
            assertThat(invoker.submit("spi-async", Optional.empty(), "{}".getBytes(StandardCharsets.UTF_8),
                    r -> noBlocking.run()).toCompletableFuture().get().kind()).isEqualTo(FunctionInvoker.Kind.THROTTLED);
        }
    }
}
