package dev.slipway.logs;

/**
 * An event as GetLogEvents and FilterLogEvents return it.
 *
 * @param logStreamName the stream (FilterLogEvents spans streams)
 * @param eventId a unique id (FilterLogEvents)
 */
public record OutputLogEvent(String logStreamName, long timestamp, String message, long ingestionTime, String eventId) {}
