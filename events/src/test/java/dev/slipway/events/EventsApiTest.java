package dev.slipway.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.protocol.AwsDefaults;
import dev.slipway.protocol.Json;
import dev.slipway.protocol.http.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The EventBridge API through the AWS CLI (`aws events …`) against the service's wire handler. */
class EventsApiTest {
    final ManualClock clock = new ManualClock("2026-11-26T11:59:30Z");
    final RecordingInvoker invoker = new RecordingInvoker();
    EventsService events;
    HttpServer server;

    @BeforeEach
    void setUp() {
        events = EventsService.builder().invoker(invoker).clock(clock).scheduler(Scheduler.manual()).build();
        server = HttpServer.start("events", 0, events.asCloudService().handler());
    }

    @AfterEach
    void tearDown() {
        server.close();
        events.close();
    }

    @Test
    void rulesAndTargets_roundTripThroughTheAwsCli() throws Exception {
        JsonNode put = aws("put-rule", "--name", "nightly", "--schedule-expression", "cron(0 2 * * ? *)",
                "--description", "night job");
        assertThat(put.get("RuleArn").asText()).isEqualTo("arn:aws:events:us-east-1:000000000000:rule/nightly");
        JsonNode targets = aws("put-targets", "--rule", "nightly", "--targets",
                "[{\"Id\":\"t1\",\"Arn\":\"arn:aws:lambda:us-east-1:000000000000:function:svc-dev-job\","
                        + "\"Input\":\"{\\\"a\\\":1}\"}]");
        assertThat(targets.get("FailedEntryCount").asInt()).isZero();
        JsonNode list = aws("list-rules");
        assertThat(list.at("/Rules/0/Name").asText()).isEqualTo("nightly");
        assertThat(list.at("/Rules/0/ScheduleExpression").asText()).isEqualTo("cron(0 2 * * ? *)");
        assertThat(list.at("/Rules/0/State").asText()).isEqualTo("ENABLED");
        assertThat(list.at("/Rules/0/EventBusName").asText()).isEqualTo("default");
        assertThat(aws("describe-rule", "--name", "nightly").get("Description").asText()).isEqualTo("night job");
        assertThat(aws("list-targets-by-rule", "--rule", "nightly").at("/Targets/0/Input").asText())
                .isEqualTo("{\"a\":1}");
        aws("disable-rule", "--name", "nightly");
        assertThat(aws("describe-rule", "--name", "nightly").get("State").asText()).isEqualTo("DISABLED");
        aws("enable-rule", "--name", "nightly");
        assertThat(events.listRules().get(0).nextFire()).hasValue(java.time.Instant.parse("2026-11-27T02:00:00Z"));
        assertThat(aws("remove-targets", "--rule", "nightly", "--ids", "t1").get("FailedEntryCount").asInt()).isZero();
        aws("delete-rule", "--name", "nightly");
        assertThat(aws("list-rules").get("Rules")).isEmpty();
    }

    @Test
    void errors_areAwsErrors() throws Exception {
        assertThat(awsFailure("describe-rule", "--name", "missing"))
                .contains("ResourceNotFoundException").contains("Rule missing does not exist on EventBus default.");
        assertThat(awsFailure("put-rule", "--name", "bad", "--schedule-expression", "rate(1 minutes)"))
                .contains("ValidationException").contains("Parameter ScheduleExpression is not valid.");
        aws("put-rule", "--name", "busy", "--schedule-expression", "rate(1 hour)");
        aws("put-targets", "--rule", "busy", "--targets", "Id=t,Arn=arn:aws:lambda:us-east-1:000000000000:function:f");
        assertThat(awsFailure("delete-rule", "--name", "busy")).contains("Rule can't be deleted since it has targets.");
    }

    @Test
    void slipwayFireRule_firesNow() throws Exception {
        aws("put-rule", "--name", "manual", "--schedule-expression", "rate(1 day)", "--state", "DISABLED");
        aws("put-targets", "--rule", "manual", "--targets", "Id=t,Arn=arn:aws:lambda:us-east-1:000000000000:function:f");
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url()))
                .header("X-Amz-Target", "AWSEvents.SlipwayFireRule")
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"Name\":\"manual\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Json.parse(r.body()).get("EventId").asText()).isEqualTo(invoker.calls.get(0).payload().get("id").asText());
    }

    @Test
    void productionScheduler_ticksOnItsOwn() throws Exception {
        CountDownLatch fired = new CountDownLatch(1);
        var invoker2 = new RecordingInvoker() {
            @Override
            public void invokeAsync(String function, java.util.Optional<String> q, byte[] payload) {
                fired.countDown();
            }
        };
        try (EventsService live = EventsService.builder().invoker(invoker2).clock(clock)
                .scheduler(Scheduler.every(java.time.Duration.ofMillis(20))).build()) {
            live.start();
            var provider = live.resourceProvider();
            provider.create(new dev.slipway.protocol.spi.ResourceProvider.Request("s", "s", "R",
                    java.util.Optional.empty(), (com.fasterxml.jackson.databind.node.ObjectNode) Json.parse(
                            "{\"Name\":\"tick\",\"ScheduleExpression\":\"rate(1 minute)\",\"Targets\":[{\"Id\":\"t\","
                                    + "\"Arn\":\"arn:aws:lambda:us-east-1:000000000000:function:f\"}]}"),
                    java.util.Optional.empty(), java.util.Map.of(), "us-east-1", "000000000000"));
            clock.advance(java.time.Duration.ofMinutes(1));
            assertThat(fired.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void schedulerTicks_skipTimesMissedLongAgo_withANotice() throws Exception {
        List<String> notices = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch noticed = new CountDownLatch(1);
        try (EventsService live = EventsService.builder().invoker(invoker).clock(clock)
                .notices(n -> {
                    notices.add(n);
                    noticed.countDown();
                })
                .scheduler(Scheduler.every(java.time.Duration.ofMillis(20))).build()) {
            live.resourceProvider().create(new dev.slipway.protocol.spi.ResourceProvider.Request("s", "s", "R",
                    java.util.Optional.empty(), (com.fasterxml.jackson.databind.node.ObjectNode) Json.parse(
                            "{\"Name\":\"minutely\",\"ScheduleExpression\":\"rate(1 minute)\",\"Targets\":[{\"Id\":\"t\","
                                    + "\"Arn\":\"arn:aws:lambda:us-east-1:000000000000:function:f\"}]}"),
                    java.util.Optional.empty(), java.util.Map.of(), "us-east-1", "000000000000"));
            clock.advance(java.time.Duration.ofHours(8)); // the laptop slept
            live.start();
            assertThat(noticed.await(10, TimeUnit.SECONDS)).isTrue();
        }
        // 480 times in 8 hours; the two within the last minute (now - 60 s and now) still fire.
        assertThat(notices.get(0)).startsWith("rule minutely: skipped 478 scheduled time(s)");
        assertThat(invoker.calls).hasSize(2);
    }

    private JsonNode aws(String... args) throws Exception {
        Process p = cli(args);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(err).isZero();
        return out.isBlank() ? Json.object() : Json.parse(out);
    }

    private String awsFailure(String... args) throws Exception {
        Process p = cli(args);
        p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isNotZero();
        return err;
    }

    private Process cli(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("aws", "--endpoint-url", server.url(), "--region", "us-east-1",
                "--output", "json", "events"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("AWS_ACCESS_KEY_ID", AwsDefaults.ACCESS_KEY_ID);
        pb.environment().put("AWS_SECRET_ACCESS_KEY", AwsDefaults.SECRET_ACCESS_KEY);
        pb.environment().put("AWS_PAGER", "");
        return pb.start();
    }
}
