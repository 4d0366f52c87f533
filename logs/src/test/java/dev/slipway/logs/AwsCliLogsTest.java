package dev.slipway.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.protocol.AwsDefaults;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aws logs ...} against the server. */
class AwsCliLogsTest {
    final LogsFixture f = new LogsFixture(LogsService.builder().build());
    @TempDir
    Path tmp;

    record Result(int exit, String out, String err) {}

    @AfterEach
    void close() {
        f.close();
    }

    private Result aws(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("aws", "--endpoint-url", f.server.url(), "logs"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        env.put("AWS_ACCESS_KEY_ID", AwsDefaults.ACCESS_KEY_ID);
        env.put("AWS_SECRET_ACCESS_KEY", AwsDefaults.SECRET_ACCESS_KEY);
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_CONFIG_FILE", tmp.resolve("none").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", tmp.resolve("none").toString());
        env.put("AWS_PAGER", "");
        Path out = tmp.resolve("out");
        Path err = tmp.resolve("err");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("aws did not finish");
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void createPutGetFilterDescribe_andErrors() throws Exception {
        assumeTrue(Arrays.stream(System.getenv("PATH").split(File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, "aws"))), "aws CLI not installed");
        assertThat(aws("create-log-group", "--log-group-name", "/aws/lambda/cli").exit()).isZero();
        long now = System.currentTimeMillis();
        f.service.asLogSink().append("/aws/lambda/cli", "s1", now, "ERROR boom");
        f.service.asLogSink().append("/aws/lambda/cli", "s1", now + 1, "INFO fine");
        Result put = aws("put-log-events", "--log-group-name", "/aws/lambda/cli", "--log-stream-name", "s1",
                "--log-events", "timestamp=" + (now + 2) + ",message=from-cli");
        assertThat(put.exit()).as(put.err()).isZero();
        Result get = aws("get-log-events", "--log-group-name", "/aws/lambda/cli", "--log-stream-name", "s1",
                "--start-from-head", "--output", "text", "--query", "events[].message");
        assertThat(get.out().trim().split("\\s+")).containsExactly("ERROR", "boom", "INFO", "fine", "from-cli");
        Result filter = aws("filter-log-events", "--log-group-name", "/aws/lambda/cli", "--filter-pattern", "ERROR",
                "--output", "text", "--query", "events[].message");
        assertThat(filter.out().trim()).isEqualTo("ERROR boom");
        Result streams = aws("describe-log-streams", "--log-group-name", "/aws/lambda/cli", "--order-by", "LastEventTime",
                "--descending", "--output", "text", "--query", "logStreams[].logStreamName");
        assertThat(streams.out().trim()).isEqualTo("s1");
        Result dup = aws("create-log-group", "--log-group-name", "/aws/lambda/cli");
        assertThat(dup.err()).contains("An error occurred (ResourceAlreadyExistsException) when calling the "
                + "CreateLogGroup operation: The specified log group already exists");
        Result missing = aws("get-log-events", "--log-group-name", "/nope", "--log-stream-name", "s");
        assertThat(missing.err()).contains("An error occurred (ResourceNotFoundException) when calling the "
                + "GetLogEvents operation: The specified log group does not exist.");
        assertThat(aws("delete-log-group", "--log-group-name", "/aws/lambda/cli").exit()).isZero();
        assertThat(aws("describe-log-groups", "--output", "text", "--query", "length(logGroups)").out().trim()).isEqualTo("0");
    }
}
