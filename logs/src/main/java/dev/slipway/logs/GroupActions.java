package dev.slipway.logs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.protocol.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Log group actions: Create/Delete/DescribeLogGroups, retention, tags (old and new tag APIs). */
final class GroupActions {
    private final LogStore store;

    GroupActions(LogStore store) {
        this.store = store;
    }

    ObjectNode createLogGroup(Params p) {
        Optional<String> name = p.string("logGroupName");
        Map<String, String> tags = p.stringMap("tags");
        store.createGroup(name.orElse(null), tags);
        return Json.object();
    }

    ObjectNode deleteLogGroup(Params p) {
        store.deleteGroup(required(p, "logGroupName"));
        return Json.object();
    }

    ObjectNode describeLogGroups(Params p) {
        Optional<String> prefix = p.string("logGroupNamePrefix");
        Optional<String> pattern = p.string("logGroupNamePattern");
        int limit = p.integer("limit", 1, Limits.MAX_DESCRIBE_PAGE).orElse(Limits.MAX_DESCRIBE_PAGE);
        List<String> identifiers = p.strings("logGroupIdentifiers");
        p.check();
        if (prefix.isPresent() && pattern.isPresent()) {
            throw LogsException.invalidParameter("LogGroup name prefix and LogGroup name pattern are mutually exclusive "
                    + "parameters.");
        }
        String after = p.string("nextToken").map(Params::untoken).orElse(null);
        ArrayNode groups = Json.MAPPER.createArrayNode();
        String last = null;
        boolean more = false;
        for (LogGroup g : store.groups()) {
            if (after != null && g.name.compareTo(after) <= 0
                    || prefix.isPresent() && !g.name.startsWith(prefix.get())
                    || pattern.isPresent() && !g.name.toLowerCase().contains(pattern.get().toLowerCase())
                    || !identifiers.isEmpty() && identifiers.stream().noneMatch(id -> id.equals(g.name)
                            || id.equals(g.arn(store.region, store.account)))) {
                continue;
            }
            if (groups.size() == limit) {
                more = true;
                break;
            }
            groups.add(describe(g));
            last = g.name;
        }
        ObjectNode out = Json.object();
        out.set("logGroups", groups);
        if (more) {
            out.put("nextToken", Params.token(last));
        }
        return out;
    }

    ObjectNode describe(LogGroup g) {
        String arn = g.arn(store.region, store.account);
        ObjectNode n = Json.object().put("logGroupName", g.name).put("creationTime", g.creationTime);
        g.retentionInDays.ifPresent(d -> n.put("retentionInDays", d));
        return n.put("metricFilterCount", 0).put("arn", arn + ":*").put("storedBytes", g.storedBytes())
                .put("logGroupClass", "STANDARD").put("logGroupArn", arn);
    }

    ObjectNode putRetentionPolicy(Params p) {
        String name = required(p, "logGroupName");
        Optional<Long> days = p.longValue("retentionInDays");
        if (days.isEmpty()) {
            p.violations.add("Value null at 'retentionInDays' failed to satisfy constraint: Member must not be null");
        } else if (!Limits.RETENTION_DAYS.contains(days.get().intValue()) || days.get() > Integer.MAX_VALUE) {
            p.violations.add("Value '" + days.get() + "' at 'retentionInDays' failed to satisfy constraint: Member must "
                    + "satisfy enum value set: " + Limits.RETENTION_DAYS);
        }
        p.check();
        store.setRetention(store.group(name), Optional.of(days.get().intValue()));
        return Json.object();
    }

    ObjectNode deleteRetentionPolicy(Params p) {
        store.setRetention(store.group(required(p, "logGroupName")), Optional.empty());
        return Json.object();
    }

    ObjectNode tagLogGroup(Params p) {
        store.tag(store.group(required(p, "logGroupName")), p.stringMap("tags"), List.of());
        return Json.object();
    }

    ObjectNode untagLogGroup(Params p) {
        store.tag(store.group(required(p, "logGroupName")), Map.of(), p.strings("tags"));
        return Json.object();
    }

    ObjectNode listTagsLogGroup(Params p) {
        LogGroup g = store.group(required(p, "logGroupName"));
        ObjectNode out = Json.object();
        synchronized (g) {
            out.set("tags", Json.MAPPER.valueToTree(g.tags));
        }
        return out;
    }

    ObjectNode tagResource(Params p) {
        store.tag(groupByArn(p), p.stringMap("tags"), List.of());
        return Json.object();
    }

    ObjectNode untagResource(Params p) {
        store.tag(groupByArn(p), Map.of(), p.strings("tagKeys"));
        return Json.object();
    }

    ObjectNode listTagsForResource(Params p) {
        LogGroup g = groupByArn(p);
        ObjectNode out = Json.object();
        synchronized (g) {
            out.set("tags", Json.MAPPER.valueToTree(g.tags));
        }
        return out;
    }

    private LogGroup groupByArn(Params p) {
        String arn = required(p, "resourceArn");
        int at = arn.indexOf(":log-group:");
        if (!arn.startsWith("arn:") || at < 0) {
            throw LogsException.invalidParameter("Invalid ARN: " + arn);
        }
        String name = arn.substring(at + ":log-group:".length());
        return store.group(name.endsWith(":*") ? name.substring(0, name.length() - 2) : name);
    }

    static String required(Params p, String field) {
        Optional<String> v = p.string(field);
        if (v.isEmpty()) {
            List<String> violations = new ArrayList<>(p.violations);
            violations.add("Value null at '" + field + "' failed to satisfy constraint: Member must not be null");
            LogStore.check(violations);
        }
        return v.get();
    }
}
