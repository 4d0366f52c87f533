package dev.slipway.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.protocol.AwsDefaults;
import dev.slipway.protocol.Json;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AWS CLI against the local Lambda: `aws lambda create-function`, `invoke`, errors. */
class AwsCliTest {
    @TempDir
    static Path cache;
    @TempDir
    static Path scratch;

    static LambdaFixture fx;

    record Run(int exit, String out, String err) {}

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(onPath("aws"), "the AWS CLI is not installed");
        fx = new LambdaFixture(cache, b -> b.appCds(false));
        Path zip = scratch.resolve("fn.zip");
        Files.write(zip, TestFunctions.zip());
        Run created = aws("lambda", "create-function", "--function-name", "cli-fn", "--runtime", "java21",
                "--role", "arn:aws:iam::000000000000:role/lambda", "--handler", "dev.slipway.lambda.testfn.Echo",
                "--memory-size", "256", "--zip-file", "fileb://" + zip);
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(Json.parse(created.out()).get("FunctionArn").asText())
                .isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:cli-fn");
    }

    @AfterAll
    static void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void invoke_writesThePayloadAndReportsStatusVersionAndLog() throws Exception {
        Path out = scratch.resolve("out.json");
        Run r = aws("lambda", "invoke", "--function-name", "cli-fn", "--payload", "{\"hello\":\"cli\"}",
                "--log-type", "Tail", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode meta = Json.parse(r.out());
        assertThat(meta.get("StatusCode").asInt()).isEqualTo(200);
        assertThat(meta.get("ExecutedVersion").asText()).isEqualTo("$LATEST");
        assertThat(new String(Base64.getDecoder().decode(meta.get("LogResult").asText()), StandardCharsets.UTF_8))
                .contains("START RequestId:").contains("REPORT RequestId:");
        assertThat(Files.readString(out)).isEqualTo("{\"hello\":\"cli\"}");
    }

    @Test
    void invoke_ofAFailingFunction_reportsFunctionErrorUnhandled() throws Exception {
        Path out = scratch.resolve("err.json");
        Run r = aws("lambda", "invoke", "--function-name", "cli-fn", "--payload", "{\"fail\":1}", out.toString());
        assertThat(r.exit()).isZero();
        assertThat(Json.parse(r.out()).get("FunctionError").asText()).isEqualTo("Unhandled");
        assertThat(Json.parse(Files.readString(out)).get("errorType").asText()).isEqualTo("java.lang.IllegalArgumentException");
    }

    @Test
    void invoke_ofAMissingFunction_printsLambdasError() throws Exception {
        Run r = aws("lambda", "invoke", "--function-name", "missing", "--payload", "{}", scratch.resolve("x").toString());
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("An error occurred (ResourceNotFoundException) when calling the Invoke operation: "
                + "Function not found: arn:aws:lambda:us-east-1:000000000000:function:missing");
    }

    @Test
    void getFunctionConfiguration_showsWhatWasCreated() throws Exception {
        Run r = aws("lambda", "get-function-configuration", "--function-name", "cli-fn");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Json.parse(r.out()).get("Handler").asText()).isEqualTo("dev.slipway.lambda.testfn.Echo");
    }

    static Run aws(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", fx.server.url(), "--region", "us-east-1",
                "--output", "json"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.put("AWS_ACCESS_KEY_ID", AwsDefaults.ACCESS_KEY_ID);
        env.put("AWS_SECRET_ACCESS_KEY", AwsDefaults.SECRET_ACCESS_KEY);
        env.put("AWS_SESSION_TOKEN", AwsDefaults.SESSION_TOKEN);
        env.put("AWS_CONFIG_FILE", "/dev/null");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        env.put("AWS_MAX_ATTEMPTS", "1");
        Path err = Files.createTempFile(scratch, "err", ".txt");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        return new Run(exit, out, Files.readString(err));
    }

    static boolean onPath(String exe) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, exe))) {
                return true;
            }
        }
        return false;
    }
}
