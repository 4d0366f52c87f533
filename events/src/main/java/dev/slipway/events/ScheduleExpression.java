package dev.slipway.events;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule's ScheduleExpression: {@code rate(value unit)} or {@code cron(six fields)}. Rates follow
 * AWS's unit rules (a value of 1 takes minute/hour/day, larger values minutes/hours/days) and fire
 * every period from the rule's creation; crons fire at their UTC minute.
 */
abstract sealed class ScheduleExpression permits ScheduleExpression.Rate, ScheduleExpression.Cron {
    private static final Pattern RATE = Pattern.compile("^rate\\((\\d+)\\s+([a-zA-Z]+)\\)$");
    private static final Pattern CRON = Pattern.compile("^cron\\((.*)\\)$");

    /** The next fire time strictly after {@code after}, or null if it never fires again. */
    abstract Instant next(Instant after);

    /** Parses an expression; throws {@link EventsException} (ValidationException) as PutRule does. */
    static ScheduleExpression parse(String text) {
        String s = text == null ? "" : text.trim();
        Matcher r = RATE.matcher(s);
        if (r.matches()) {
            long value;
            try {
                value = Long.parseLong(r.group(1));
            } catch (NumberFormatException e) {
                throw EventsException.invalidScheduleExpression();
            }
            String unit = r.group(2).toLowerCase(Locale.ROOT);
            if (value < 1) {
                throw EventsException.invalidScheduleExpression();
            }
            boolean singular = unit.equals("minute") || unit.equals("hour") || unit.equals("day");
            boolean plural = unit.equals("minutes") || unit.equals("hours") || unit.equals("days");
            if (!(singular || plural) || (value == 1 && !singular) || (value > 1 && !plural)) {
                throw EventsException.invalidScheduleExpression();
            }
            Duration period = switch (unit.charAt(0)) {
                case 'm' -> Duration.ofMinutes(value);
                case 'h' -> Duration.ofHours(value);
                default -> Duration.ofDays(value);
            };
            return new Rate(period, s);
        }
        Matcher c = CRON.matcher(s);
        if (c.matches()) {
            try {
                return new Cron(CronExpression.parse(c.group(1)), s);
            } catch (IllegalArgumentException e) {
                throw EventsException.invalidScheduleExpression();
            }
        }
        throw EventsException.invalidScheduleExpression();
    }

    /** Why a cron body is invalid, for messages that help (AWS only says "not valid"). */
    static String problem(String text) {
        Matcher c = CRON.matcher(text == null ? "" : text.trim());
        if (!c.matches()) {
            return null;
        }
        try {
            CronExpression.parse(c.group(1));
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    static final class Rate extends ScheduleExpression {
        final Duration period;
        private final String text;
        private Instant anchor = Instant.EPOCH;

        Rate(Duration period, String text) {
            this.period = period;
            this.text = text;
        }

        /** Rates count from the moment the rule was created (or enabled). */
        Rate anchoredAt(Instant t) {
            Rate r = new Rate(period, text);
            r.anchor = t;
            return r;
        }

        @Override
        Instant next(Instant after) {
            long p = period.toMillis();
            long since = after.toEpochMilli() - anchor.toEpochMilli();
            long n = since < 0 ? 1 : since / p + 1;
            return anchor.plusMillis(n * p);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    static final class Cron extends ScheduleExpression {
        final CronExpression cron;
        private final String text;

        Cron(CronExpression cron, String text) {
            this.cron = cron;
            this.text = text;
        }

        @Override
        Instant next(Instant after) {
            return cron.nextInstant(after);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
