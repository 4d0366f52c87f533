package dev.slipway.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** rate() unit rules from "Schedule expressions for rules" (EventBridge user guide, read 2026-11-26). */
class ScheduleExpressionTest {
    @ParameterizedTest
    @ValueSource(strings = {"rate(1 minute)", "rate(5 minutes)", "rate(1 hour)", "rate(12 hours)", "rate(1 day)",
        "rate(7 days)", "cron(0 12 * * ? *)"})
    void validExpressions_parse(String s) {
        assertThat(ScheduleExpression.parse(s).toString()).isEqualTo(s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rate(1 minutes)", "rate(5 minute)", "rate(0 minutes)", "rate(1 week)",
        "rate(-1 minutes)", "rate(minutes)", "every 5 minutes", "cron(0 12 * * *)", "", "rate(1.5 hours)"})
    void invalidExpressions_failWithAwsValidationMessage(String s) {
        assertThatThrownBy(() -> ScheduleExpression.parse(s)).isInstanceOf(EventsException.class)
                .hasMessage("Parameter ScheduleExpression is not valid.")
                .extracting(e -> ((EventsException) e).errorCode()).isEqualTo("ValidationException");
    }

    @Test
    void rate_firesEveryPeriodFromItsAnchor() {
        var rate = ((ScheduleExpression.Rate) ScheduleExpression.parse("rate(5 minutes)"))
                .anchoredAt(Instant.parse("2026-11-26T12:00:30Z"));
        assertThat(rate.next(Instant.parse("2026-11-26T12:00:30Z"))).isEqualTo(Instant.parse("2026-11-26T12:05:30Z"));
        assertThat(rate.next(Instant.parse("2026-11-26T12:05:30Z"))).isEqualTo(Instant.parse("2026-11-26T12:10:30Z"));
        assertThat(rate.next(Instant.parse("2026-11-26T12:07:00Z"))).isEqualTo(Instant.parse("2026-11-26T12:10:30Z"));
    }
}
