package dev.slipway.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.protocol.AwsDefaults;
import dev.slipway.protocol.Json;
import dev.slipway.protocol.spi.LogSink;
import dev.slipway.protocol.spi.ResourceProvider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogSinkAndStorageTest {
    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));

    @Test
    void logSink_createsGroupAndStream_onFirstLine() {
        LogsService logs = LogsService.builder().clock(clock).build();
        LogSink sink = logs.asLogSink();
        sink.append("/aws/lambda/fn", "2026/11/26/[$LATEST]abc", clock.millis(), "START RequestId: 1");
        sink.append("/aws/lambda/fn", "2026/11/26/[$LATEST]abc", clock.millis(), "hello");
        assertThat(logs.describeLogGroups("/aws/lambda/")).containsExactly("/aws/lambda/fn");
        assertThat(logs.getLogEvents("/aws/lambda/fn", "2026/11/26/[$LATEST]abc", true, 100))
                .extracting(OutputLogEvent::message).containsExactly("START RequestId: 1", "hello");
    }

    @Test
    void logSink_fromManyThreads_keepsEveryLine() throws Exception {
        LogsService logs = LogsService.builder().clock(clock).build();
        LogSink sink = logs.asLogSink();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            int thread = t;
            pool.execute(() -> {
                for (int i = 0; i < 250; i++) {
                    sink.append("/aws/lambda/busy", "s" + (i % 3), clock.millis() + i, "t" + thread + "-" + i);
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(logs.filterLogEvents("/aws/lambda/busy", Optional.empty(), Optional.empty(), Optional.empty()))
                .hasSize(1000);
    }

    @Test
    void eachStream_keepsAtMostTheConfiguredEvents_newestWin() {
        LogsService logs = LogsService.builder().clock(clock).maxEventsPerStream(3).build();
        for (int i = 0; i < 10; i++) {
            logs.asLogSink().append("g", "s", clock.millis() + i, "m" + i);
        }
        assertThat(logs.getLogEvents("g", "s", true, 100)).extracting(OutputLogEvent::message)
                .containsExactly("m7", "m8", "m9");
    }

    @Test
    void groupsStreamsEventsRetentionAndTags_surviveARestart() throws Exception {
        LogsService first = LogsService.builder().dataDir(Optional.of(dir)).clock(clock).build();
        first.createLogGroup("/aws/lambda/keep", Map.of("team", "a"));
        first.putRetentionPolicy("/aws/lambda/keep", Optional.of(7));
        first.createLogStream("/aws/lambda/keep", "s1");
        first.putLogEvents("/aws/lambda/keep", "s1", List.of(new InputLogEvent(clock.millis(), "one"),
                new InputLogEvent(clock.millis() + 1, "two \"quoted\"\nnext line")));
        first.asLogSink().append("/aws/lambda/other", "s", clock.millis(), "auto");
        first.createLogGroup("gone");
        first.deleteLogGroup("gone");

        LogsService second = LogsService.builder().dataDir(Optional.of(dir)).clock(clock).build();
        assertThat(second.describeLogGroups("")).containsExactly("/aws/lambda/keep", "/aws/lambda/other");
        assertThat(second.getLogEvents("/aws/lambda/keep", "s1", true, 10)).extracting(OutputLogEvent::message)
                .containsExactly("one", "two \"quoted\"\nnext line");
        LogsFixture f = new LogsFixture(second);
        try {
            assertThat(f.logs.describeLogGroups(b -> b.logGroupNamePrefix("/aws/lambda/keep")).logGroups().get(0)
                    .retentionInDays()).isEqualTo(7);
            assertThat(f.logs.listTagsLogGroup(b -> b.logGroupName("/aws/lambda/keep")).tags()).containsEntry("team", "a");
        } finally {
            f.close();
        }
    }

    @Test
    void tornLastLine_leftByACrash_isSkipped() throws Exception {
        LogsService first = LogsService.builder().dataDir(Optional.of(dir)).clock(clock).build();
        first.asLogSink().append("g", "s", clock.millis(), "complete");
        Path file;
        try (Stream<Path> files = Files.walk(dir)) {
            file = files.filter(p -> p.toString().endsWith(".jsonl")).findFirst().orElseThrow();
        }
        Files.writeString(file, "{\"t\":1,\"m\":\"tor", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        LogsService second = LogsService.builder().dataDir(Optional.of(dir)).clock(clock).build();
        assertThat(second.getLogEvents("g", "s", true, 10)).extracting(OutputLogEvent::message).containsExactly("complete");
    }

    @Test
    void logGroupProvider_createsWithRetention_returnsArn_andDeletes() throws Exception {
        LogsService logs = LogsService.builder().clock(clock).build();
        ResourceProvider p = logs.asCloudService().resourceProviders().get(0);
        assertThat(p.type()).isEqualTo("AWS::Logs::LogGroup");
        ObjectNode props = Json.object().put("LogGroupName", "/aws/lambda/api").put("RetentionInDays", 14);
        ResourceProvider.Result r = p.create(request(Optional.empty(), props));
        assertThat(r.physicalId()).isEqualTo("/aws/lambda/api");
        assertThat(r.attributes().get("Arn").asText())
                .isEqualTo("arn:aws:logs:us-east-1:000000000000:log-group:/aws/lambda/api:*");
        assertThatThrownBy(() -> p.create(request(Optional.empty(), props)))
                .hasMessage("Resource of type 'AWS::Logs::LogGroup' with identifier '/aws/lambda/api' already exists.");
        p.update(request(Optional.of("/aws/lambda/api"), Json.object().put("LogGroupName", "/aws/lambda/api")));
        p.delete(request(Optional.of("/aws/lambda/api"), props));
        assertThat(logs.logGroupExists("/aws/lambda/api")).isFalse();
        p.delete(request(Optional.of("/aws/lambda/api"), props));
        ResourceProvider.Result generated = p.create(request(Optional.empty(), Json.object()));
        assertThat(generated.physicalId()).matches("my-stack-Logs-[A-Z0-9]{12}");
    }

    @Test
    void logGroupProvider_invalidRetention_failsWithTheApiMessage() {
        LogsService logs = LogsService.builder().clock(clock).build();
        ResourceProvider p = logs.resourceProviders().get(0);
        assertThatThrownBy(() -> p.create(request(Optional.empty(),
                Json.object().put("LogGroupName", "x").put("RetentionInDays", 4))))
                .hasMessageContaining("Member must satisfy enum value set");
        assertThat(logs.logGroupExists("x")).as("rolled back").isFalse();
    }

    private static ResourceProvider.Request request(Optional<String> physicalId, ObjectNode props) {
        return new ResourceProvider.Request("my-stack", "arn:aws:cloudformation:us-east-1:000000000000:stack/my-stack/1",
                "Logs", physicalId, props, Optional.empty(), Map.of(), AwsDefaults.REGION, AwsDefaults.ACCOUNT_ID);
    }
}
