package dev.slipway.logs;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Log groups, streams and events of one account and region. Retention is enforced against the
 * injected clock whenever a group is read or written, so a test can advance time and see events expire.
 */
final class LogStore {
    private static final Pattern GROUP_NAME = Pattern.compile("[\\.\\-_/#A-Za-z0-9]+");
    private static final Pattern STREAM_NAME = Pattern.compile("[^:*]*");
    private static final long DAY_MILLIS = 24L * 3600 * 1000;

    private final Optional<Journal> journal;
    private final Clock clock;
    private final int maxEventsPerStream;
    final String region;
    final String account;
    private final ConcurrentSkipListMap<String, LogGroup> groups = new ConcurrentSkipListMap<>();
    private final AtomicLong seq = new AtomicLong();

    LogStore(Optional<Journal> journal, Clock clock, int maxEventsPerStream, String region, String account) {
        this.journal = journal;
        this.clock = clock;
        this.maxEventsPerStream = maxEventsPerStream;
        this.region = region;
        this.account = account;
        journal.ifPresent(this::load);
    }

    private void load(Journal j) {
        for (Journal.LoadedGroup lg : j.load()) {
            LogGroup g = new LogGroup(lg.name(), lg.creationTime());
            g.retentionInDays = lg.retention();
            lg.tags().fields().forEachRemaining(e -> g.tags.put(e.getKey(), e.getValue().asText()));
            for (Journal.LoadedStream ls : lg.streams()) {
                LogStream s = new LogStream(ls.name(), ls.creationTime(), maxEventsPerStream);
                List<LogEvent> events = new ArrayList<>(ls.messages().size());
                for (int i = 0; i < ls.messages().size(); i++) {
                    long[] t = ls.times().get(i);
                    events.add(new LogEvent(t[0], t[1], seq.incrementAndGet(), ls.messages().get(i)));
                }
                s.add(events);
                g.streams.put(s.name, s);
            }
            groups.put(g.name, g);
        }
    }

    void close() {
        journal.ifPresent(Journal::close);
    }

    long now() {
        return clock.millis();
    }

    long nextSeq() {
        return seq.incrementAndGet();
    }

    static void validateGroupName(String field, String name, List<String> violations) {
        if (name == null) {
            violations.add("Value null at '" + field + "' failed to satisfy constraint: Member must not be null");
        } else if (name.isEmpty() || name.length() > Limits.MAX_NAME_LENGTH) {
            violations.add("Value '" + name + "' at '" + field + "' failed to satisfy constraint: Member must have length "
                    + (name.isEmpty() ? "greater than or equal to 1" : "less than or equal to 512"));
        } else if (!GROUP_NAME.matcher(name).matches()) {
            violations.add("Value '" + name + "' at '" + field + "' failed to satisfy constraint: Member must satisfy "
                    + "regular expression pattern: [\\.\\-_/#A-Za-z0-9]+");
        }
    }

    static void validateStreamName(String field, String name, List<String> violations) {
        if (name == null) {
            violations.add("Value null at '" + field + "' failed to satisfy constraint: Member must not be null");
        } else if (name.isEmpty() || name.length() > Limits.MAX_NAME_LENGTH) {
            violations.add("Value '" + name + "' at '" + field + "' failed to satisfy constraint: Member must have length "
                    + (name.isEmpty() ? "greater than or equal to 1" : "less than or equal to 512"));
        } else if (!STREAM_NAME.matcher(name).matches()) {
            violations.add("Value '" + name + "' at '" + field + "' failed to satisfy constraint: Member must satisfy "
                    + "regular expression pattern: [^:*]*");
        }
    }

    static void check(List<String> violations) {
        if (!violations.isEmpty()) {
            throw LogsException.validation(violations);
        }
    }

    synchronized LogGroup createGroup(String name, Map<String, String> tags) {
        List<String> v = new ArrayList<>();
        validateGroupName("logGroupName", name, v);
        check(v);
        if (groups.containsKey(name)) {
            throw LogsException.groupExists();
        }
        LogGroup g = new LogGroup(name, now());
        g.tags.putAll(tags);
        journal.ifPresent(j -> j.writeGroup(g));
        groups.put(name, g);
        return g;
    }

    /** The group, its retention enforced; ResourceNotFoundException when missing. */
    LogGroup group(String name) {
        LogGroup g = groups.get(name);
        if (g == null) {
            throw LogsException.groupNotFound();
        }
        enforceRetention(g);
        return g;
    }

    Optional<LogGroup> find(String name) {
        return Optional.ofNullable(groups.get(name));
    }

    Collection<LogGroup> groups() {
        groups.values().forEach(this::enforceRetention);
        return groups.values();
    }

    synchronized void deleteGroup(String name) {
        group(name);
        journal.ifPresent(j -> j.deleteGroup(name));
        groups.remove(name);
    }

    LogStream createStream(LogGroup g, String name) {
        List<String> v = new ArrayList<>();
        validateStreamName("logStreamName", name, v);
        check(v);
        synchronized (g) {
            if (g.streams.containsKey(name)) {
                throw LogsException.streamExists();
            }
            LogStream s = new LogStream(name, now(), maxEventsPerStream);
            journal.ifPresent(j -> j.createStream(g.name, s));
            g.streams.put(name, s);
            return s;
        }
    }

    LogStream stream(LogGroup g, String name) {
        LogStream s = g.streams.get(name);
        if (s == null) {
            throw LogsException.streamNotFound();
        }
        return s;
    }

    void deleteStream(LogGroup g, String name) {
        synchronized (g) {
            stream(g, name);
            journal.ifPresent(j -> j.deleteStream(g.name, name));
            g.streams.remove(name);
        }
    }

    void append(LogGroup g, LogStream s, List<LogEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        synchronized (s) {
            if (groups.get(g.name) != g || g.streams.get(s.name) != s) {
                throw LogsException.streamNotFound();
            }
            journal.ifPresent(j -> j.append(g.name, s.name, events));
            s.add(events);
        }
    }

    /** What the LogSink does: creates the group and stream when missing, then appends. */
    void appendCreating(String group, String stream, long timestamp, String message) {
        for (int attempt = 0; ; attempt++) {
            LogGroup g = groups.get(group);
            if (g == null) {
                try {
                    g = createGroup(group, Map.of());
                } catch (LogsException e) {
                    if (!e.errorCode().equals("ResourceAlreadyExistsException")) {
                        throw e;
                    }
                    continue;
                }
            }
            LogStream s = g.streams.get(stream);
            if (s == null) {
                try {
                    s = createStream(g, stream);
                } catch (LogsException e) {
                    if (!e.errorCode().equals("ResourceAlreadyExistsException")) {
                        throw e;
                    }
                    continue;
                }
            }
            try {
                append(g, s, List.of(new LogEvent(timestamp, now(), nextSeq(), message)));
                return;
            } catch (LogsException deletedMeanwhile) {
                if (attempt > 2) {
                    throw deletedMeanwhile;
                }
            }
        }
    }

    void setRetention(LogGroup g, Optional<Integer> days) {
        synchronized (g) {
            g.retentionInDays = days;
            journal.ifPresent(j -> j.writeGroup(g));
        }
        enforceRetention(g);
    }

    void tag(LogGroup g, Map<String, String> add, List<String> remove) {
        synchronized (g) {
            g.tags.putAll(add);
            remove.forEach(g.tags::remove);
            journal.ifPresent(j -> j.writeGroup(g));
        }
    }

    private void enforceRetention(LogGroup g) {
        Optional<Integer> days = g.retentionInDays;
        if (days.isEmpty()) {
            return;
        }
        long cutoff = now() - days.get() * DAY_MILLIS;
        for (Iterator<LogStream> it = g.streams.values().iterator(); it.hasNext();) {
            it.next().purgeBefore(cutoff);
        }
    }
}
