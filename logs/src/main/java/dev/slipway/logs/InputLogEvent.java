package dev.slipway.logs;

/** An event to put: milliseconds since the epoch and the message. */
public record InputLogEvent(long timestamp, String message) {}
