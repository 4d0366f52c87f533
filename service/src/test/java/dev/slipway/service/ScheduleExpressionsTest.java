package dev.slipway.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Valid and invalid forms from EventBridge's "Schedule expressions for rules" (checked 2026-11-26). */
class ScheduleExpressionsTest {
    @ParameterizedTest
    @ValueSource(strings = {"rate(1 minute)", "rate(5 minutes)", "rate(1 hour)", "rate(12 hours)", "rate(1 day)",
        "rate(7 days)", "cron(0 10 * * ? *)", "cron(15 12 * * ? *)", "cron(0 18 ? * MON-FRI *)",
        "cron(0 8 1 * ? *)", "cron(0/15 * * * ? *)", "cron(0/10 * ? * MON-FRI *)", "cron(0/5 8-17 ? * MON-FRI *)",
        "cron(0 9 ? * 2#1 *)", "cron(0 0 L * ? *)", "cron(0 0 ? * 6L 2030)", "cron(0 12 15W * ? *)",
        "cron(0 8 1 JAN,JUL ? 2027)"})
    void acceptsWhatAwsAccepts(String expression) {
        assertThat(ScheduleExpressions.check(expression)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"rate(1 minutes)", "rate(2 minute)", "rate(0 days)", "rate(-1 days)", "rate(1 week)",
        "rate(minutes)", "cron(0 12 * * ?)", "cron(0 12 * * * *)", "cron(0 12 ? * ? *)", "cron(60 12 * * ? *)",
        "cron(0 24 * * ? *)", "cron(0 12 32 * ? *)", "cron(0 12 ? 13 * *)", "cron(0 12 ? * 8 *)",
        "cron(0 12 * * ? 1969)", "cron(0/0 * * * ? *)", "every day", "rate(5 minutes"})
    void rejectsWhatAwsRejects(String expression) {
        assertThat(ScheduleExpressions.check(expression)).isPresent();
    }
}
