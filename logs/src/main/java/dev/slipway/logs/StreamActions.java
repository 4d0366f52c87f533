package dev.slipway.logs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.protocol.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Log stream actions: Create/Delete/DescribeLogStreams. */
final class StreamActions {
    private final LogStore store;

    StreamActions(LogStore store) {
        this.store = store;
    }

    ObjectNode createLogStream(Params p) {
        String group = GroupActions.required(p, "logGroupName");
        String stream = GroupActions.required(p, "logStreamName");
        store.createStream(store.group(group), stream);
        return Json.object();
    }

    ObjectNode deleteLogStream(Params p) {
        String group = GroupActions.required(p, "logGroupName");
        String stream = GroupActions.required(p, "logStreamName");
        store.deleteStream(store.group(group), stream);
        return Json.object();
    }

    ObjectNode describeLogStreams(Params p) {
        String groupName = p.groupName();
        Optional<String> prefix = p.string("logStreamNamePrefix");
        String orderBy = p.string("orderBy").orElse("LogStreamName");
        boolean descending = p.bool("descending", false);
        int limit = p.integer("limit", 1, Limits.MAX_DESCRIBE_PAGE).orElse(Limits.MAX_DESCRIBE_PAGE);
        if (!orderBy.equals("LogStreamName") && !orderBy.equals("LastEventTime")) {
            p.violations.add("Value '" + orderBy + "' at 'orderBy' failed to satisfy constraint: Member must satisfy "
                    + "enum value set: [LogStreamName, LastEventTime]");
        }
        p.check();
        if (orderBy.equals("LastEventTime") && prefix.isPresent()) {
            throw LogsException.invalidParameter("Cannot order by LastEventTime with a logStreamNamePrefix.");
        }
        LogGroup g = store.group(groupName);
        List<LogStream> streams = new ArrayList<>(g.streams.values());
        prefix.ifPresent(pre -> streams.removeIf(s -> !s.name.startsWith(pre)));
        Comparator<LogStream> order = orderBy.equals("LastEventTime")
                ? Comparator.comparingLong((LogStream s) -> s.lastEventTimestamp() == null ? 0 : s.lastEventTimestamp())
                        .thenComparing(s -> s.name)
                : Comparator.comparing((LogStream s) -> s.name);
        streams.sort(descending ? order.reversed() : order);
        int start = 0;
        Optional<String> token = p.string("nextToken");
        if (token.isPresent()) {
            try {
                start = Integer.parseInt(Params.untoken(token.get()));
            } catch (NumberFormatException e) {
                throw LogsException.invalidParameter("The specified nextToken is invalid.");
            }
        }
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (int i = start; i < Math.min(streams.size(), start + limit); i++) {
            out.add(describe(g, streams.get(i)));
        }
        ObjectNode result = Json.object();
        result.set("logStreams", out);
        if (start + limit < streams.size()) {
            result.put("nextToken", Params.token(Integer.toString(start + limit)));
        }
        return result;
    }

    private ObjectNode describe(LogGroup g, LogStream s) {
        ObjectNode n = Json.object().put("logStreamName", s.name).put("creationTime", s.creationTime);
        Long first = s.firstEventTimestamp();
        if (first != null) {
            n.put("firstEventTimestamp", first).put("lastEventTimestamp", s.lastEventTimestamp());
        }
        Long ingestion = s.lastIngestionTime();
        if (ingestion != null) {
            n.put("lastIngestionTime", ingestion);
        }
        return n.put("arn", g.arn(store.region, store.account) + ":log-stream:" + s.name).put("storedBytes", 0);
    }
}
