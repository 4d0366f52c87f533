package dev.slipway.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Next fire times of EventBridge's cron; syntax from "Schedule expressions for rules" (EventBridge user guide, read 2026-11-26). */
class CronExpressionTest {
    static LocalDateTime next(String cron, String after) {
        return CronExpression.parse(cron).next(LocalDateTime.parse(after)).orElseThrow();
    }

    @ParameterizedTest(name = "cron({0}) after {1} → {2}")
    @CsvSource(delimiter = '|', value = {
        "0 12 * * ? *          | 2026-11-26T12:00 | 2026-11-27T12:00",
        "0 12 * * ? *          | 2026-11-26T11:59 | 2026-11-26T12:00",
        "0/15 * * * ? *        | 2026-11-26T12:07 | 2026-11-26T12:15",
        "5,35 14 * * ? *       | 2026-11-26T14:05 | 2026-11-26T14:35",
        "0 18 ? * MON-FRI *    | 2026-11-27T18:00 | 2026-11-30T18:00",
        "0 10 L * ? *          | 2026-02-01T00:00 | 2026-02-28T10:00",
        "0 10 L * ? *          | 2028-02-01T00:00 | 2028-02-29T10:00",
        "0 10 L-2 * ? *        | 2026-02-01T00:00 | 2026-02-26T10:00",
        "0 9 15W * ? *         | 2026-11-01T00:00 | 2026-11-16T09:00",
        "0 9 1W * ? *          | 2026-07-02T00:00 | 2026-08-03T09:00",
        "0 9 LW * ? *          | 2026-05-01T00:00 | 2026-05-29T09:00",
        "0 8 ? * 6#3 *         | 2026-11-26T00:00 | 2026-12-18T08:00",
        "0 8 ? * FRI#3 *       | 2026-11-26T00:00 | 2026-12-18T08:00",
        "0 8 ? * 2L *          | 2026-11-26T00:00 | 2026-11-30T08:00",
        "0 8 ? * L *           | 2026-11-26T00:00 | 2026-11-28T08:00",
        "0 0 29 2 ? *          | 2026-03-01T00:00 | 2028-02-29T00:00",
        "0 0 1 1 ? 2030        | 2026-11-26T00:00 | 2030-01-01T00:00",
        "0 0 1 JAN,JUL ? 2027/2| 2026-11-26T00:00 | 2027-01-01T00:00",
        "0 0 1 JAN,JUL ? 2027/2| 2027-01-01T00:00 | 2027-07-01T00:00",
        "0 0 1 JAN,JUL ? 2027/2| 2027-07-01T00:00 | 2029-01-01T00:00",
        "0 22-2 * * ? *        | 2026-11-26T23:30 | 2026-11-27T00:00",
        "0 22-2 * * ? *        | 2026-11-27T02:00 | 2026-11-27T22:00",
        "*/20 * * * ? *        | 2026-12-31T23:59 | 2027-01-01T00:00",
        "0 0 31 * ? *          | 2026-11-26T00:00 | 2026-12-31T00:00",
    })
    void nextFireTime(String cron, String after, String expected) {
        assertThat(next(cron, after)).isEqualTo(LocalDateTime.parse(expected));
    }

    @Test
    void yearFieldInThePast_neverFiresAgain() {
        assertThat(CronExpression.parse("0 0 1 1 ? 2025").next(LocalDateTime.parse("2026-11-26T00:00")))
                .isEqualTo(Optional.empty());
    }

    @Test
    void fifthWeekdayThatAMonthLacks_isSkipped() {
        // Mondays of December 2026: 7, 14, 21, 28 — no fifth; the next fifth Monday is in March 2027 (29th).
        assertThat(next("0 0 ? * MON#5 *", "2026-12-01T00:00")).isEqualTo(LocalDateTime.parse("2027-03-29T00:00"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 12 * * * *", "0 12 ? * ? *", "0 12 * *", "60 12 * * ? *", "0 24 * * ? *",
        "0 0 32 * ? *", "0 0 ? * 8 *", "0 0 ? * 2#6 *", "0 0 1 13 ? *", "0 0 1 1 ? 2200", "0 0 1 1 ? 1969",
        "0/0 * * * ? *", "a * * * ? *", "0 0 1,,2 * ? *"})
    void invalidExpressions_areRejected(String cron) {
        assertThatThrownBy(() -> CronExpression.parse(cron)).isInstanceOf(IllegalArgumentException.class);
    }
}
