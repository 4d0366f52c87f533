package dev.slipway.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.protocol.Json;
import dev.slipway.protocol.spi.ResourceProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a data directory, rules and their targets survive a restart and keep firing. */
class PersistenceTest {
    @Test
    void rulesSurviveARestart(@TempDir Path dir) throws Exception {
        ManualClock clock = new ManualClock("2026-11-26T11:59:30Z");
        RecordingInvoker invoker = new RecordingInvoker();
        try (EventsService first = EventsService.builder().invoker(invoker).clock(clock).scheduler(Scheduler.manual())
                .dataDir(Optional.of(dir)).build()) {
            ObjectNode props = (ObjectNode) Json.parse("""
                    {"Name":"noon","ScheduleExpression":"cron(0 12 * * ? *)","Description":"daily",
                     "Targets":[{"Id":"t","Arn":"arn:aws:lambda:us-east-1:000000000000:function:f","Input":"{\\"a\\":1}"}]}""");
            first.resourceProvider().create(new ResourceProvider.Request("s", "s", "R", Optional.empty(), props,
                    Optional.empty(), Map.of(), "us-east-1", "000000000000"));
        }
        try (EventsService second = EventsService.builder().invoker(invoker).clock(clock)
                .scheduler(Scheduler.manual()).dataDir(Optional.of(dir)).build()) {
            assertThat(second.listRules()).singleElement().satisfies(r -> {
                assertThat(r.name()).isEqualTo("noon");
                assertThat(r.nextFire()).hasValue(Instant.parse("2026-11-26T12:00:00Z"));
            });
            clock.advance(Duration.ofMinutes(1));
            second.runDue();
            assertThat(invoker.calls).singleElement().satisfies(c -> assertThat(c.payload().toString())
                    .isEqualTo("{\"a\":1}"));
        }
    }
}
