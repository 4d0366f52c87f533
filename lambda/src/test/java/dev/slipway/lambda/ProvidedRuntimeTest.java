package dev.slipway.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** provided.al2023: any executable bootstrap that speaks the Runtime API (here: a shell script with curl). */
class ProvidedRuntimeTest {
    @TempDir
    Path cache;
    @TempDir
    Path task;

    @Test
    void shellBootstrap_answersThroughTheRuntimeApi() throws Exception {
        assumeTrue(AwsCliTest.onPath("curl") && AwsCliTest.onPath("bash"), "needs bash and curl");
        Path bootstrap = task.resolve("bootstrap");
        Files.writeString(bootstrap, """
                #!/bin/bash
                set -euo pipefail
                API="http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime"
                while true; do
                  HEADERS=$(mktemp)
                  EVENT=$(curl -sS -D "$HEADERS" "$API/invocation/next")
                  ID=$(grep -i Lambda-Runtime-Aws-Request-Id "$HEADERS" | tr -d '[:space:]' | cut -d: -f2)
                  echo "bash handled $ID"
                  curl -sS -X POST "$API/invocation/$ID/response" -d "{\\"echo\\":$EVENT,\\"fn\\":\\"$AWS_LAMBDA_FUNCTION_NAME\\"}" > /dev/null
                done
                """);
        bootstrap.toFile().setExecutable(true);
        try (LambdaService lambda = LambdaService.builder().cacheDir(cache).build()) {
            lambda.createFunction(CreateFunctionRequest.of("sh", "provided.al2023", "ignored", FunctionCode.path(task)));
            InvokeResponse r = lambda.invoke(InvokeRequest.of("sh", "{\"a\":1}").withLogType("Tail"));
            assertThat(r.functionError()).isEmpty();
            assertThat(r.payloadAsString()).isEqualTo("{\"echo\":{\"a\":1},\"fn\":\"sh\"}");
            assertThat(InvokeTest.decode(r.logResult().orElseThrow())).contains("bash handled ");
        }
    }

    @Test
    void missingBootstrap_isRuntimeInvalidEntrypoint() throws Exception {
        Files.writeString(task.resolve("README"), "no bootstrap here");
        try (LambdaService lambda = LambdaService.builder().cacheDir(cache).build()) {
            lambda.createFunction(CreateFunctionRequest.of("none", "provided.al2023", "x", FunctionCode.path(task)));
            InvokeResponse r = lambda.invoke(InvokeRequest.of("none", "{}"));
            assertThat(r.functionError()).contains("Unhandled");
            assertThat(r.payloadAsString()).contains("\"errorType\":\"Runtime.InvalidEntrypoint\"")
                    .contains("Couldn't find valid bootstrap(s)");
        }
    }
}
