package dev.slipway.dynamodb;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

/** Stream labels are ISO-8601 timestamps, as DynamoDB's are (e.g. 2026-11-26T12:00:00.000). */
final class StreamLabels {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");
    private static final AtomicLong LAST = new AtomicLong();

    private StreamLabels() {}

    /** A label unique within the process even when the clock stands still (tests). */
    static String next(Clock clock) {
        long millis = LAST.updateAndGet(last -> Math.max(last + 1, clock.millis()));
        return LocalDateTime.ofEpochSecond(millis / 1000, (int) (millis % 1000) * 1_000_000, ZoneOffset.UTC).format(FORMAT);
    }
}
