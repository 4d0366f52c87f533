package dev.slipway.protocol.spi;

/**
 * Where function logs go (the worker's stdout and stderr and Lambda's START/END/REPORT lines).
 * The logs module stores them and serves them through the CloudWatch Logs API.
 */
public interface LogSink {
    /** Creates the group and stream if missing, then appends one event. */
    void append(String logGroup, String logStream, long timestampMillis, String message);

    LogSink NONE = (g, s, t, m) -> {};
}
