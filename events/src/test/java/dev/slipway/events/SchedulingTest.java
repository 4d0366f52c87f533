package dev.slipway.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.protocol.AwsServiceException;
import dev.slipway.protocol.Json;
import dev.slipway.protocol.spi.ResourceProvider;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rules created as CloudFormation creates them from the Serverless Framework's {@code schedule}
 * events, firing under a controllable clock. The scheduled event's shape is EventBridge's documented
 * example ("Scheduled Event", EventBridge user guide, read 2026-11-26).
 */
class SchedulingTest {
    static final String FN = "arn:aws:lambda:us-east-1:000000000000:function:svc-dev-report";
    final ManualClock clock = new ManualClock("2026-11-26T11:59:30Z");
    final RecordingInvoker invoker = new RecordingInvoker();
    final AtomicInteger ids = new AtomicInteger();
    EventsService events;
    ResourceProvider provider;

    @BeforeEach
    void setUp() {
        events = EventsService.builder().invoker(invoker).clock(clock).scheduler(Scheduler.manual())
                .eventIds(() -> "00000000-0000-0000-0000-00000000000" + ids.incrementAndGet()).build();
        provider = events.resourceProvider();
    }

    ResourceProvider.Result rule(String logicalId, String json) throws Exception {
        ObjectNode props = (ObjectNode) Json.parse(json);
        return provider.create(new ResourceProvider.Request("svc-dev", "arn:aws:cloudformation:us-east-1:000000000000:"
                + "stack/svc-dev/1", logicalId, Optional.empty(), props, Optional.empty(), Map.of(), "us-east-1",
                "000000000000"));
    }

    @Test
    void cronRule_firesAtItsMinute_withTheExactScheduledEvent() throws Exception {
        var r = rule("ReportEventsRuleSchedule1", """
                {"ScheduleExpression":"cron(0 12 * * ? *)","State":"ENABLED",
                 "Targets":[{"Arn":"%s","Id":"reportSchedule"}]}""".formatted(FN));
        assertThat(r.physicalId()).matches("svc-dev-ReportEventsRuleSchedule1-[A-Z0-9]{12}");
        events.runDue();
        assertThat(invoker.calls).isEmpty();
        clock.set("2026-11-26T12:00:00Z");
        events.runDue();
        events.runDue();
        assertThat(invoker.calls).hasSize(1);
        JsonNode e = invoker.payloadsFor(FN).get(0);
        assertThat(e.toString()).isEqualTo("{\"version\":\"0\",\"id\":\"00000000-0000-0000-0000-000000000001\","
                + "\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\",\"account\":\"000000000000\","
                + "\"time\":\"2026-11-26T12:00:00Z\",\"region\":\"us-east-1\",\"resources\":["
                + "\"arn:aws:events:us-east-1:000000000000:rule/" + r.physicalId() + "\"],\"detail\":{}}");
        assertThat(r.attributes().get("Arn").asText()).isEqualTo("arn:aws:events:us-east-1:000000000000:rule/"
                + r.physicalId());
    }

    @Test
    void rateRule_firesOncePerPeriod_evenWhenTheClockJumps() throws Exception {
        rule("R", """
                {"Name":"every-5","ScheduleExpression":"rate(5 minutes)",
                 "Targets":[{"Arn":"%s","Id":"t"}]}""".formatted(FN));
        clock.advance(Duration.ofMinutes(4));
        events.runDue();
        assertThat(invoker.calls).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        events.runDue();
        assertThat(invoker.calls).hasSize(1);
        clock.advance(Duration.ofMinutes(20));
        events.runDue();
        assertThat(invoker.calls).hasSize(5);
        assertThat(invoker.calls.stream().map(c -> c.payload().get("time").asText()).toList()).containsExactly(
                "2026-11-26T12:04:30Z", "2026-11-26T12:09:30Z", "2026-11-26T12:14:30Z", "2026-11-26T12:19:30Z",
                "2026-11-26T12:24:30Z");
    }

    @Test
    void disabledRule_doesNotFire_butFireNowStillDelivers() throws Exception {
        rule("R", """
                {"Name":"off","ScheduleExpression":"rate(1 minute)","State":"DISABLED",
                 "Targets":[{"Arn":"%s","Id":"t"}]}""".formatted(FN));
        clock.advance(Duration.ofHours(1));
        events.runDue();
        assertThat(invoker.calls).isEmpty();
        String id = events.fire("off");
        assertThat(invoker.calls).hasSize(1);
        assertThat(invoker.calls.get(0).payload().get("id").asText()).isEqualTo(id);
        assertThat(events.listRules()).singleElement().satisfies(info -> {
            assertThat(info.state()).isEqualTo("DISABLED");
            assertThat(info.nextFire()).isEmpty();
            assertThat(info.lastFired()).isPresent();
        });
    }

    @Test
    void targetInputs_constantPathAndTransformer() throws Exception {
        rule("R", """
                {"Name":"shaped","ScheduleExpression":"rate(1 day)","Targets":[
                  {"Arn":"%1$s","Id":"constant","Input":"{\\"mode\\":\\"full\\"}"},
                  {"Arn":"%1$s:live","Id":"path","InputPath":"$.resources[0]"},
                  {"Arn":"%1$s","Id":"transformed","InputTransformer":{
                     "InputPathsMap":{"t":"$.time","src":"$.source"},
                     "InputTemplate":"{\\"at\\": <t>, \\"text\\": \\"from <src> at <t>\\", \\"rule\\": \\"<aws.events.rule-name>\\"}"}}]}
                """.formatted(FN));
        events.fire("shaped");
        assertThat(invoker.calls).hasSize(3);
        assertThat(invoker.calls.get(0).payload().toString()).isEqualTo("{\"mode\":\"full\"}");
        assertThat(invoker.calls.get(1).function()).isEqualTo(FN + ":live");
        assertThat(invoker.calls.get(1).payload().asText()).isEqualTo("arn:aws:events:us-east-1:000000000000:rule/shaped");
        assertThat(invoker.calls.get(2).payload().toString()).isEqualTo("{\"at\":\"2026-11-26T11:59:30Z\","
                + "\"text\":\"from aws.events at 2026-11-26T11:59:30Z\",\"rule\":\"shaped\"}");
    }

    @Test
    void update_replacesTargetsAndReschedules_delete_removesTheRule() throws Exception {
        var r = rule("R", """
                {"Name":"u","ScheduleExpression":"rate(1 hour)","Targets":[{"Arn":"%s","Id":"a"}]}""".formatted(FN));
        ObjectNode updated = (ObjectNode) Json.parse("""
                {"Name":"u","ScheduleExpression":"cron(0 12 * * ? *)","Targets":[{"Arn":"%s","Id":"b"}]}"""
                .formatted(FN));
        provider.update(new ResourceProvider.Request("svc-dev", "s", "R", Optional.of(r.physicalId()), updated,
                Optional.empty(), Map.of(), "us-east-1", "000000000000"));
        assertThat(events.listRules().get(0).scheduleExpression()).isEqualTo("cron(0 12 * * ? *)");
        assertThat(events.listRules().get(0).nextFire()).hasValue(java.time.Instant.parse("2026-11-26T12:00:00Z"));
        provider.delete(new ResourceProvider.Request("svc-dev", "s", "R", Optional.of(r.physicalId()), updated,
                Optional.empty(), Map.of(), "us-east-1", "000000000000"));
        assertThat(events.listRules()).isEmpty();
    }

    @Test
    void invalidSchedule_failsTheResourceWithAwsMessageAndAHint() {
        assertThatThrownBy(() -> rule("R", "{\"ScheduleExpression\":\"cron(0 12 * * * *)\"}"))
                .isInstanceOf(ResourceProvider.ResourceFailure.class)
                .hasMessageContaining("Parameter ScheduleExpression is not valid.")
                .hasMessageContaining("exactly one of day-of-month and day-of-week must be '?'");
    }

    @Test
    void firingAnUnknownRule_isResourceNotFound() {
        assertThatThrownBy(() -> events.fire("nope")).isInstanceOf(AwsServiceException.class)
                .hasMessage("Rule nope does not exist on EventBus default.");
    }
}
