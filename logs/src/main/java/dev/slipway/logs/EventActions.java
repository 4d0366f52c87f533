package dev.slipway.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Event actions: PutLogEvents, GetLogEvents (forward/backward tokens), FilterLogEvents (interleaved, patterns). */
final class EventActions {
    private static final long DAY_MILLIS = 24L * 3600 * 1000;
    private final LogStore store;

    EventActions(LogStore store) {
        this.store = store;
    }

    ObjectNode putLogEvents(Params p) {
        String groupName = GroupActions.required(p, "logGroupName");
        String streamName = GroupActions.required(p, "logStreamName");
        JsonNode list = p.node("logEvents");
        if (list.isMissingNode() || list.isNull()) {
            p.violations.add("Value null at 'logEvents' failed to satisfy constraint: Member must not be null");
        } else if (!list.isArray()) {
            throw LogsException.serialization("Unexpected value for field 'logEvents': expected a list");
        } else if (list.size() < 1 || list.size() > Limits.MAX_BATCH_EVENTS) {
            p.violations.add("Value '" + list + "' at 'logEvents' failed to satisfy constraint: Member must have length "
                    + (list.size() < 1 ? "greater than or equal to 1" : "less than or equal to 10000"));
        }
        p.check();
        List<InputLogEvent> events = new ArrayList<>(list.size());
        long bytes = 0;
        for (int i = 0; i < list.size(); i++) {
            Params e = new Params(list.get(i));
            Optional<Long> ts = e.longValue("timestamp");
            Optional<String> message = e.string("message");
            if (ts.isEmpty()) {
                p.violations.add("Value null at 'logEvents." + (i + 1) + ".member.timestamp' failed to satisfy constraint: "
                        + "Member must not be null");
            }
            if (message.isEmpty()) {
                p.violations.add("Value null at 'logEvents." + (i + 1) + ".member.message' failed to satisfy constraint: "
                        + "Member must not be null");
            } else if (message.get().isEmpty()) {
                p.violations.add("Value '' at 'logEvents." + (i + 1) + ".member.message' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 1");
            }
            if (ts.isPresent() && message.isPresent()) {
                events.add(new InputLogEvent(ts.get(), message.get()));
                bytes += message.get().getBytes(StandardCharsets.UTF_8).length + Limits.EVENT_OVERHEAD_BYTES;
            }
        }
        p.check();
        if (bytes > Limits.MAX_BATCH_BYTES) {
            throw LogsException.invalidParameter("Upload too large: " + bytes + " bytes exceeds limit of "
                    + Limits.MAX_BATCH_BYTES);
        }
        for (int i = 1; i < events.size(); i++) {
            if (events.get(i).timestamp() < events.get(i - 1).timestamp()) {
                throw LogsException.invalidParameter(
                        "Log events in a single PutLogEvents request must be in chronological order.");
            }
        }
        if (events.get(events.size() - 1).timestamp() - events.get(0).timestamp() > Limits.MAX_BATCH_SPAN_MILLIS) {
            throw LogsException.invalidParameter(
                    "The batch of log events in a single PutLogEvents request cannot span more than 24 hours.");
        }
        LogGroup g = store.group(groupName);
        LogStream s = store.stream(g, streamName);
        long now = store.now();
        int tooOldEnd = -1;
        int expiredEnd = -1;
        int tooNewStart = events.size();
        long retentionCutoff = g.retentionInDays.map(d -> now - d * DAY_MILLIS).orElse(Long.MIN_VALUE);
        for (int i = 0; i < events.size(); i++) {
            long ts = events.get(i).timestamp();
            if (ts < now - Limits.MAX_AGE_MILLIS) {
                tooOldEnd = i;
            } else if (ts < retentionCutoff) {
                expiredEnd = i;
            }
            if (ts > now + Limits.MAX_FUTURE_MILLIS && tooNewStart == events.size()) {
                tooNewStart = i;
            }
        }
        int firstAccepted = Math.max(tooOldEnd, expiredEnd) + 1;
        List<LogEvent> accepted = new ArrayList<>();
        for (int i = firstAccepted; i < tooNewStart; i++) {
            accepted.add(new LogEvent(events.get(i).timestamp(), now, store.nextSeq(), events.get(i).message()));
        }
        store.append(g, s, accepted);
        ObjectNode out = Json.object().put("nextSequenceToken", String.format("%056d", store.nextSeq()));
        if (tooOldEnd >= 0 || expiredEnd >= 0 || tooNewStart < events.size()) {
            ObjectNode rejected = out.putObject("rejectedLogEventsInfo");
            if (tooNewStart < events.size()) {
                rejected.put("tooNewLogEventStartIndex", tooNewStart);
            }
            if (tooOldEnd >= 0) {
                rejected.put("tooOldLogEventEndIndex", tooOldEnd);
            }
            if (expiredEnd >= 0) {
                rejected.put("expiredLogEventEndIndex", expiredEnd);
            }
        }
        return out;
    }

    ObjectNode getLogEvents(Params p) {
        String groupName = p.groupName();
        String streamName = GroupActions.required(p, "logStreamName");
        long start = p.longValue("startTime").orElse(Long.MIN_VALUE);
        long end = p.longValue("endTime").orElse(Long.MAX_VALUE);
        int limit = p.integer("limit", 1, Limits.MAX_EVENTS_PAGE).orElse(Limits.MAX_EVENTS_PAGE);
        boolean fromHead = p.bool("startFromHead", false);
        Optional<String> token = p.string("nextToken");
        p.check();
        LogStream s = store.stream(store.group(groupName), streamName);
        List<LogEvent> inRange = s.between(start, end);
        boolean forward = fromHead;
        int from = 0;
        int to = inRange.size();
        if (token.isPresent()) {
            String t = token.get();
            LogEvent boundary;
            try {
                boundary = LogEvent.atPosition(t.substring(2));
            } catch (RuntimeException e) {
                throw LogsException.invalidParameter("The specified nextToken is invalid.");
            }
            if (!t.startsWith("f/") && !t.startsWith("b/")) {
                throw LogsException.invalidParameter("The specified nextToken is invalid.");
            }
            forward = t.startsWith("f/");
            int at = Collections.binarySearch(inRange, boundary);
            int index = at >= 0 ? at : -at - 1;
            if (forward) {
                from = at >= 0 ? index + 1 : index;
            } else {
                to = index;
            }
        }
        List<LogEvent> page = forward ? pageForward(inRange, from, to, limit) : pageBackward(inRange, from, to, limit);
        ArrayNode events = Json.MAPPER.createArrayNode();
        page.forEach(e -> events.addObject().put("timestamp", e.timestamp()).put("message", e.message())
                .put("ingestionTime", e.ingestionTime()));
        ObjectNode out = Json.object();
        out.set("events", events);
        if (page.isEmpty()) {
            String same = token.map(t -> t.substring(2)).orElse(new LogEvent(0, 0, 0, "").position());
            out.put("nextForwardToken", "f/" + same).put("nextBackwardToken", "b/" + same);
        } else {
            out.put("nextForwardToken", "f/" + page.get(page.size() - 1).position())
                    .put("nextBackwardToken", "b/" + page.get(0).position());
        }
        return out;
    }

    private static List<LogEvent> pageForward(List<LogEvent> events, int from, int to, int limit) {
        List<LogEvent> page = new ArrayList<>();
        long bytes = 0;
        for (int i = from; i < to && page.size() < limit; i++) {
            bytes += events.get(i).message().length() + Limits.EVENT_OVERHEAD_BYTES;
            if (bytes > Limits.MAX_BATCH_BYTES && !page.isEmpty()) {
                break;
            }
            page.add(events.get(i));
        }
        return page;
    }

    private static List<LogEvent> pageBackward(List<LogEvent> events, int from, int to, int limit) {
        List<LogEvent> page = new ArrayList<>();
        long bytes = 0;
        for (int i = to - 1; i >= from && page.size() < limit; i--) {
            bytes += events.get(i).message().length() + Limits.EVENT_OVERHEAD_BYTES;
            if (bytes > Limits.MAX_BATCH_BYTES && !page.isEmpty()) {
                break;
            }
            page.add(events.get(i));
        }
        Collections.reverse(page);
        return page;
    }

    ObjectNode filterLogEvents(Params p) {
        String groupName = p.groupName();
        List<String> names = p.strings("logStreamNames");
        Optional<String> prefix = p.string("logStreamNamePrefix");
        long start = p.longValue("startTime").orElse(Long.MIN_VALUE);
        long end = p.longValue("endTime").orElse(Long.MAX_VALUE);
        int limit = p.integer("limit", 1, Limits.MAX_EVENTS_PAGE).orElse(Limits.MAX_EVENTS_PAGE);
        Optional<String> token = p.string("nextToken");
        if (names.size() > 100) {
            p.violations.add("Value '" + names + "' at 'logStreamNames' failed to satisfy constraint: Member must have "
                    + "length less than or equal to 100");
        }
        p.check();
        if (!names.isEmpty() && prefix.isPresent()) {
            throw LogsException.invalidParameter("logStreamNames and logStreamNamePrefix are mutually exclusive");
        }
        Predicate<String> pattern = FilterPattern.compile(p.string("filterPattern").orElse(""));
        LogGroup g = store.group(groupName);
        List<LogStream> streams = new ArrayList<>();
        for (LogStream s : g.streams.values()) {
            if ((names.isEmpty() || names.contains(s.name)) && (prefix.isEmpty() || s.name.startsWith(prefix.get()))) {
                streams.add(s);
            }
        }
        if (!names.isEmpty() && streams.isEmpty()) {
            throw LogsException.streamNotFound();
        }
        LogEvent after = null;
        if (token.isPresent()) {
            try {
                after = LogEvent.atPosition(Params.untoken(token.get()));
            } catch (IllegalArgumentException e) {
                throw LogsException.invalidParameter("The specified nextToken is invalid.");
            }
        }
        record Hit(String stream, LogEvent event) {}
        List<Hit> hits = new ArrayList<>();
        for (LogStream s : streams) {
            // endTime is inclusive for FilterLogEvents ("later than this time are not returned").
            for (LogEvent e : s.between(start, end == Long.MAX_VALUE ? end : end + 1)) {
                if ((after == null || e.compareTo(after) > 0) && pattern.test(e.message())) {
                    hits.add(new Hit(s.name, e));
                }
            }
        }
        hits.sort((a, b) -> a.event().compareTo(b.event()));
        ArrayNode events = Json.MAPPER.createArrayNode();
        int n = Math.min(limit, hits.size());
        for (Hit h : hits.subList(0, n)) {
            events.addObject().put("logStreamName", h.stream()).put("timestamp", h.event().timestamp())
                    .put("message", h.event().message()).put("ingestionTime", h.event().ingestionTime())
                    .put("eventId", h.event().position());
        }
        ObjectNode out = Json.object();
        out.set("events", events);
        ArrayNode searched = out.putArray("searchedLogStreams");
        streams.forEach(s -> searched.addObject().put("logStreamName", s.name).put("searchedCompletely", true));
        if (hits.size() > n) {
            out.put("nextToken", Params.token(hits.get(n - 1).event().position()));
        }
        return out;
    }
}
