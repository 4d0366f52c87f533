package dev.slipway.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.protocol.AwsDefaults;
import dev.slipway.protocol.Json;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The AWS CLI ({@code aws dynamodb … --endpoint-url}) against the server, as users run it. */
class AwsCliTest extends ServerFixture {

    record Result(int exit, String out, String err) {}

    private Result aws(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("aws", "dynamodb"));
        command.addAll(List.of(args));
        command.addAll(List.of("--endpoint-url", server.url(), "--output", "json"));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.put("AWS_ACCESS_KEY_ID", AwsDefaults.ACCESS_KEY_ID);
        env.put("AWS_SECRET_ACCESS_KEY", AwsDefaults.SECRET_ACCESS_KEY);
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_PAGER", "");
        env.put("AWS_CONFIG_FILE", "/nonexistent");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent");
        File err = File.createTempFile("aws", ".err");
        pb.redirectError(err);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String stderr = java.nio.file.Files.readString(err.toPath());
        err.delete();
        return new Result(p.exitValue(), out, stderr.strip());
    }

    private static boolean awsInstalled() {
        try {
            return new ProcessBuilder("aws", "--version").start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void createPutGetAndAnError_throughTheAwsCli() throws Exception {
        assumeTrue(awsInstalled(), "aws CLI not installed");
        String t = uniqueName("cli");
        Result created = aws("create-table", "--table-name", t, "--billing-mode", "PAY_PER_REQUEST",
                "--attribute-definitions", "AttributeName=pk,AttributeType=S", "--key-schema", "AttributeName=pk,KeyType=HASH");
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(aws("put-item", "--table-name", t, "--item", "{\"pk\":{\"S\":\"a\"},\"n\":{\"N\":\"1.50\"}}").exit()).isZero();
        Result got = aws("get-item", "--table-name", t, "--key", "{\"pk\":{\"S\":\"a\"}}");
        JsonNode item = Json.MAPPER.readTree(got.out()).path("Item");
        assertThat(item.path("n").path("N").asText()).isEqualTo("1.5");
        Result missing = aws("describe-table", "--table-name", "no-such-table");
        assertThat(missing.exit()).isNotZero();
        assertThat(missing.err()).isEqualTo("An error occurred (ResourceNotFoundException) when calling the DescribeTable "
                + "operation: Requested resource not found: Table: no-such-table not found");
        Result invalid = aws("put-item", "--table-name", t, "--item", "{\"pk\":{\"N\":\"1\"}}");
        assertThat(invalid.err()).isEqualTo("An error occurred (ValidationException) when calling the PutItem operation: "
                + "One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N");
    }
}
