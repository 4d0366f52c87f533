package dev.slipway.logs;

import java.util.List;

/**
 * CloudWatch Logs limits, in one place.
 *
 * @see <a href="https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/cloudwatch_limits_cwl.html">CloudWatch Logs quotas</a>
 * @see <a href="https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutLogEvents.html">PutLogEvents</a>
 */
final class Limits {
    /** Log group and stream names: 1 to 512 characters. */
    static final int MAX_NAME_LENGTH = 512;
    /** PutLogEvents: at most 10,000 events and 1,048,576 bytes (message UTF-8 bytes + 26 per event). */
    static final int MAX_BATCH_EVENTS = 10_000;
    static final int MAX_BATCH_BYTES = 1_048_576;
    static final int EVENT_OVERHEAD_BYTES = 26;
    /** One event: at most 1 MB; longer messages are truncated by the service (here: rejected by the batch limit). */
    static final int MAX_EVENT_BYTES = 1_048_576 - EVENT_OVERHEAD_BYTES;
    /** A batch may not span more than 24 hours. */
    static final long MAX_BATCH_SPAN_MILLIS = 24L * 3600 * 1000;
    /** Events more than 2 hours in the future are rejected (tooNewLogEventStartIndex). */
    static final long MAX_FUTURE_MILLIS = 2L * 3600 * 1000;
    /** Events older than 14 days are rejected (tooOldLogEventEndIndex). */
    static final long MAX_AGE_MILLIS = 14L * 24 * 3600 * 1000;
    /** GetLogEvents / FilterLogEvents: at most 10,000 events a page (the default too). */
    static final int MAX_EVENTS_PAGE = 10_000;
    /** DescribeLogGroups / DescribeLogStreams: at most 50 a page (the default too). */
    static final int MAX_DESCRIBE_PAGE = 50;
    /** Retention periods PutRetentionPolicy accepts, in days. */
    static final List<Integer> RETENTION_DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545,
            731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);
    /** Slipway's own bound, not AWS's: events kept per stream in memory (oldest dropped first). */
    static final int DEFAULT_MAX_EVENTS_PER_STREAM = 10_000;

    private Limits() {}
}
