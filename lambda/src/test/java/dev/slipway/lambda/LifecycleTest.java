package dev.slipway.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.protocol.spi.FunctionInvoker;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Idle reaping, waiting beyond Slipway's worker cap, debugging, and the FunctionInvoker SPI. */
class LifecycleTest {
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
    void idleWorkers_areStoppedAfterTheIdleTimeout() throws Exception {
        try (LambdaService lambda = builder().idleTimeout(Duration.ofMillis(300)).build()) {
            create(lambda, "idle", "Greeter");
            lambda.invoke(InvokeRequest.of("idle", "{\"name\":\"a\"}"));
            while (lambda.workerCount("idle") > 0) {
                Thread.sleep(50);
            }
            assertThat(lambda.invoke(InvokeRequest.of("idle", "{\"name\":\"b\"}")).coldStart()).isTrue();
        }
    }

    @Test
    void beyondTheWorkerCap_invocationsWaitInsteadOfFailing() throws Exception {
        try (LambdaService lambda = builder().maxWorkersPerFunction(1).build()) {
            create(lambda, "capped", "Sleeper");
            List<CompletableFuture<InvokeResponse>> calls = List.of(
                    CompletableFuture.supplyAsync(() -> lambda.invoke(InvokeRequest.of("capped", "{\"millis\":300}"))),
                    CompletableFuture.supplyAsync(() -> lambda.invoke(InvokeRequest.of("capped", "{\"millis\":300}"))));
            for (CompletableFuture<InvokeResponse> c : calls) {
                assertThat(c.get().payloadAsString()).isEqualTo("\"slept\"");
            }
            assertThat(lambda.workerCount("capped")).isEqualTo(1);
        }
    }

    @Test
    void debugPort_keepsOneWorkerWithAJdwpAgentListening() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (LambdaService lambda = builder().debug("dbg", port, false).build()) {
            create(lambda, "dbg", "Greeter");
            assertThat(lambda.invoke(InvokeRequest.of("dbg", "{\"name\":\"d\"}")).payloadAsString())
                    .isEqualTo("{\"greeting\":\"Hello, d\"}");
            try (Socket jdwp = new Socket("127.0.0.1", port)) {
                jdwp.getOutputStream().write("JDWP-Handshake".getBytes(StandardCharsets.US_ASCII));
                byte[] answer = jdwp.getInputStream().readNBytes(14);
                assertThat(new String(answer, StandardCharsets.US_ASCII)).isEqualTo("JDWP-Handshake");
            }
            assertThat(lambda.workerCount("dbg")).isEqualTo(1);
        }
    }

    @Test
    void functionInvoker_reportsSuccessFunctionErrorAndNotFound() {
        try (LambdaService lambda = builder().build()) {
            create(lambda, "spi", "Echo");
            FunctionInvoker invoker = lambda.asFunctionInvoker();
            FunctionInvoker.Outcome ok = invoker.invoke("spi", Optional.empty(), "[1]".getBytes(StandardCharsets.UTF_8));
            assertThat(ok.kind()).isEqualTo(FunctionInvoker.Kind.SUCCESS);
            assertThat(new String(ok.payload(), StandardCharsets.UTF_8)).isEqualTo("[1]");
            assertThat(ok.executedVersion()).isEqualTo("$LATEST");
            assertThat(invoker.invoke("spi", Optional.empty(), "{\"fail\":1}".getBytes(StandardCharsets.UTF_8)).kind())
                    .isEqualTo(FunctionInvoker.Kind.FUNCTION_ERROR);
            assertThat(invoker.invoke("arn:aws:lambda:us-east-1:000000000000:function:nope", Optional.empty(),
                    new byte[0]).kind()).isEqualTo(FunctionInvoker.Kind.NOT_FOUND);
            assertThat(lambda.metrics("spi").invocations()).isEqualTo(2);
            assertThat(lambda.metrics("spi").errors()).isEqualTo(1);
        }
    }
}
