package dev.slipway.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.protocol.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link LambdaService#prewarm}: a worker started ahead of the first invocation (what
 * {@code slipway offline} does after a deploy) serves it warm, an invocation arriving during that
 * init waits for it instead of starting a second worker, and a failed init still reaches the
 * caller through the invocation. Futures are bounded only as a hang guard.
 */
class PrewarmTest {
    private static final long HANG_GUARD_S = 120;

    @TempDir
    Path cache;

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    private LambdaService build() {
        return LambdaService.builder().cacheDir(cache).appCds(false)
                .logSink((group, stream, ts, message) -> log.add(message)).build();
    }

    private static void create(LambdaService lambda, String name, String handler) {
        lambda.createFunction(CreateFunctionRequest.of(name, "java21", "dev.slipway.lambda.testfn." + handler,
                FunctionCode.zip(TestFunctions.zip(false))).withMemoryAndTimeout(256, 20));
    }

    @Test
    void aPrewarmedWorker_servesTheFirstInvocationWarm_withoutInitDurationInItsReport() throws Exception {
        try (LambdaService lambda = build()) {
            create(lambda, "echo", "Echo");
            OptionalDouble init = lambda.prewarm("echo", Optional.empty()).get(HANG_GUARD_S, TimeUnit.SECONDS);

            assertThat(init).isPresent();
            assertThat(init.getAsDouble()).isPositive();
            assertThat(lambda.workerCount("echo")).isEqualTo(1);
            InvokeResponse r = lambda.invoke(InvokeRequest.of("echo", "[1]"));
            assertThat(r.payloadAsString()).isEqualTo("[1]");
            assertThat(r.coldStart()).isFalse();
            assertThat(lambda.workerCount("echo")).isEqualTo(1);
            assertThat(lambda.metrics("echo").coldStarts()).isZero();
            assertThat(log).filteredOn(line -> line.startsWith("REPORT RequestId: ")).singleElement()
                    .satisfies(line -> assertThat(line).doesNotContain("Init Duration"));
        }
    }

    @Test
    void anInvocationArrivingDuringThePrewarm_waitsForThatWorker_insteadOfStartingAnother() throws Exception {
        try (LambdaService lambda = build()) {
            create(lambda, "echo", "Echo");
            CompletableFuture<OptionalDouble> warming = lambda.prewarm("echo", Optional.empty());
            List<CompletableFuture<InvokeResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                calls.add(lambda.invokeAsync(InvokeRequest.of("echo", "[" + i + "]")));
            }

            for (int i = 0; i < calls.size(); i++) {
                assertThat(calls.get(i).get(HANG_GUARD_S, TimeUnit.SECONDS).payloadAsString()).isEqualTo("[" + i + "]");
            }
            assertThat(warming.get(HANG_GUARD_S, TimeUnit.SECONDS)).isPresent();
            // the first call took the warming worker; the two behind it started their own (no queueing under the cap)
            assertThat(lambda.workerCount("echo")).isEqualTo(3);
            assertThat(lambda.metrics("echo").invocations()).isEqualTo(3);
        }
    }

    @Test
    void prewarm_whenAWorkerIsAlreadyWarm_startsNone() throws Exception {
        try (LambdaService lambda = build()) {
            create(lambda, "echo", "Echo");
            assertThat(lambda.invoke(InvokeRequest.of("echo", "[1]")).coldStart()).isTrue();

            assertThat(lambda.prewarm("echo", Optional.empty()).get(HANG_GUARD_S, TimeUnit.SECONDS)).isEmpty();
            assertThat(lambda.workerCount("echo")).isEqualTo(1);
            assertThat(lambda.invoke(InvokeRequest.of("echo", "[2]")).coldStart()).isFalse();
        }
    }

    @Test
    void prewarmingAnAlias_warmsTheVersionItPointsAt() throws Exception {
        try (LambdaService lambda = build()) {
            create(lambda, "echo", "Echo");
            lambda.publishVersion("echo", new PublishVersionRequest(null, null, null));
            lambda.createAlias("echo", new CreateAliasRequest("live", "1", null, null));

            assertThat(lambda.prewarm("echo", Optional.of("live")).get(HANG_GUARD_S, TimeUnit.SECONDS)).isPresent();
            InvokeResponse r = lambda.invoke(InvokeRequest.of("echo", "[1]").withQualifier("live"));
            assertThat(r.executedVersion()).isEqualTo("1");
            assertThat(r.coldStart()).isFalse();
            // $LATEST is another version: its first invocation is a cold start
            assertThat(lambda.invoke(InvokeRequest.of("echo", "[2]")).coldStart()).isTrue();
        }
    }

    @Test
    void aPrewarmWhoseInitFails_completesExceptionally_andTheInvocationStillGetsTheInitError() throws Exception {
        try (LambdaService lambda = build()) {
            create(lambda, "broken", "BrokenInit");

            assertThatThrownBy(() -> lambda.prewarm("broken", Optional.empty()).get(HANG_GUARD_S, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasMessageContaining("the worker exited before it was ready");
            InvokeResponse r = lambda.invoke(InvokeRequest.of("broken", "{}"));
            assertThat(r.functionError()).contains("Unhandled");
            assertThat(Json.parse(r.payload()).get("errorMessage").asText())
                    .isEqualTo("Error loading class dev.slipway.lambda.testfn.BrokenInit");
        }
    }

    @Test
    void prewarmingAFunctionThatDoesNotExist_failsLikeInvoke() {
        try (LambdaService lambda = build()) {
            assertThatThrownBy(() -> lambda.prewarm("nope", Optional.empty()))
                    .isInstanceOf(ResourceNotFoundException.class)
                    .hasMessageContaining("Function not found: arn:aws:lambda:us-east-1:");
        }
    }

    @Test
    void aConfigurationChangeDuringThePrewarm_stopsThatWorker_andTheNextInvocationRunsTheNewConfiguration()
            throws Exception {
        try (LambdaService lambda = build()) {
            lambda.createFunction(CreateFunctionRequest.of("inspect", "java21", "dev.slipway.lambda.testfn.Inspect::describe",
                    FunctionCode.zip(TestFunctions.zip(false))).withMemoryAndTimeout(256, 20));
            CompletableFuture<OptionalDouble> warming = lambda.prewarm("inspect", Optional.empty());
            lambda.updateFunctionConfiguration("inspect", new UpdateFunctionConfigurationRequest(null, null, null, null,
                    null, new Environment(Map.of("GREETING", "v2")), null, null, null));

            InvokeResponse r = lambda.invoke(InvokeRequest.of("inspect", "{}"));
            assertThat(Json.parse(r.payload()).get("GREETING").asText()).isEqualTo("v2");
            // the retired worker is stopped, during its init or right after it: its future still completes
            warming.handle((v, e) -> v).get(HANG_GUARD_S, TimeUnit.SECONDS);
        }
    }
}
