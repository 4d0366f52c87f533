package dev.slipway.logs;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** One log group: its streams, retention and tags. */
final class LogGroup {
    final String name;
    final long creationTime;
    final ConcurrentSkipListMap<String, LogStream> streams = new ConcurrentSkipListMap<>();
    volatile Optional<Integer> retentionInDays = Optional.empty();
    /** Guarded by the group's monitor. */
    final Map<String, String> tags = new TreeMap<>();

    LogGroup(String name, long creationTime) {
        this.name = name;
        this.creationTime = creationTime;
    }

    String arn(String region, String account) {
        return "arn:aws:logs:" + region + ":" + account + ":log-group:" + name;
    }

    long storedBytes() {
        return streams.values().stream().mapToLong(LogStream::storedBytes).sum();
    }
}
