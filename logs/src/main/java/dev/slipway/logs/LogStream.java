package dev.slipway.logs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One log stream: its events sorted by (timestamp, seq), at most {@code maxEvents} of them
 * (the oldest go first). All access is under the stream's monitor.
 */
final class LogStream {
    final String name;
    final long creationTime;
    private final int maxEvents;
    private final ArrayList<LogEvent> events = new ArrayList<>();
    private long lastIngestionTime;
    private long storedBytes;

    LogStream(String name, long creationTime, int maxEvents) {
        this.name = name;
        this.creationTime = creationTime;
        this.maxEvents = maxEvents;
    }

    synchronized void add(List<LogEvent> batch) {
        for (LogEvent e : batch) {
            if (events.isEmpty() || events.get(events.size() - 1).compareTo(e) < 0) {
                events.add(e);
            } else {
                int at = Collections.binarySearch(events, e);
                events.add(at < 0 ? -at - 1 : at, e);
            }
            storedBytes += e.storedBytes();
            lastIngestionTime = Math.max(lastIngestionTime, e.ingestionTime());
        }
        int excess = events.size() - maxEvents;
        if (excess > 0) {
            dropFirst(excess);
        }
    }

    /** Drops events older than {@code cutoff} (retention); returns how many. */
    synchronized int purgeBefore(long cutoff) {
        int n = 0;
        while (n < events.size() && events.get(n).timestamp() < cutoff) {
            n++;
        }
        if (n > 0) {
            dropFirst(n);
        }
        return n;
    }

    private void dropFirst(int n) {
        List<LogEvent> head = events.subList(0, n);
        for (LogEvent e : head) {
            storedBytes -= e.storedBytes();
        }
        head.clear();
    }

    /** Events with startTime <= timestamp < endTime, in order. */
    synchronized List<LogEvent> between(long startTime, long endTime) {
        List<LogEvent> result = new ArrayList<>();
        for (LogEvent e : events) {
            if (e.timestamp() >= endTime) {
                break;
            }
            if (e.timestamp() >= startTime) {
                result.add(e);
            }
        }
        return result;
    }

    synchronized List<LogEvent> all() {
        return new ArrayList<>(events);
    }

    synchronized Long firstEventTimestamp() {
        return events.isEmpty() ? null : events.get(0).timestamp();
    }

    synchronized Long lastEventTimestamp() {
        return events.isEmpty() ? null : events.get(events.size() - 1).timestamp();
    }

    synchronized Long lastIngestionTime() {
        return lastIngestionTime == 0 ? null : lastIngestionTime;
    }

    synchronized long storedBytes() {
        return storedBytes;
    }
}
