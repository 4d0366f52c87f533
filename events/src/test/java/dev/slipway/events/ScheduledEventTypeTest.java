package dev.slipway.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A Java handler taking {@code ScheduledEvent} gets every field, through the runtime's own serializer. */
class ScheduledEventTypeTest {
    @Test
    void scheduledEvent_deserializesIntoTheJavaEventType() {
        RecordingInvoker invoker = new RecordingInvoker();
        Rules rules = new Rules(invoker, new ManualClock("2026-11-26T12:00:00Z"), "us-east-1", "000000000000",
                () -> "6a7e8feb-b491-4cf7-a9f1-bf3703467718", m -> {}, java.util.Optional.empty());
        String json = rules.scheduledEvent("arn:aws:events:us-east-1:000000000000:rule/r",
                Instant.parse("2026-11-26T12:00:00Z")).toString();
        ScheduledEvent e = LambdaEventSerializers.serializerFor(ScheduledEvent.class, getClass().getClassLoader())
                .fromJson(json);
        assertThat(e.getId()).isEqualTo("6a7e8feb-b491-4cf7-a9f1-bf3703467718");
        assertThat(e.getDetailType()).isEqualTo("Scheduled Event");
        assertThat(e.getSource()).isEqualTo("aws.events");
        assertThat(e.getAccount()).isEqualTo("000000000000");
        assertThat(e.getRegion()).isEqualTo("us-east-1");
        assertThat(e.getResources()).containsExactly("arn:aws:events:us-east-1:000000000000:rule/r");
        assertThat(e.getTime().getMillis()).isEqualTo(Instant.parse("2026-11-26T12:00:00Z").toEpochMilli());
        assertThat(e.getDetail()).isEmpty();
    }
}
