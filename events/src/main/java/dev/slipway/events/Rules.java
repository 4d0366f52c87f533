package dev.slipway.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.protocol.Json;
import dev.slipway.protocol.spi.FunctionInvoker;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The rules of the default event bus and what happens when a schedule fires: the scheduled event
 * EventBridge sends ("Amazon EventBridge events" → scheduled events, EventBridge user guide), shaped
 * per target and delivered to Lambda targets asynchronously through the {@link FunctionInvoker}.
 */
final class Rules {
    /** Fires at most this many missed times per rule per tick (a clock advanced by years). */
    private static final int MAX_CATCH_UP = 10_000;

    private final Map<String, Rule> rules = new ConcurrentHashMap<>();
    private final FunctionInvoker invoker;
    private final Clock clock;
    private final String region;
    private final String accountId;
    private final Supplier<String> eventIds;
    private final Consumer<String> notices;
    private final Optional<RuleFile> file;

    Rules(FunctionInvoker invoker, Clock clock, String region, String accountId, Supplier<String> eventIds,
            Consumer<String> notices, Optional<RuleFile> file) {
        this.invoker = invoker;
        this.clock = clock;
        this.region = region;
        this.accountId = accountId;
        this.eventIds = eventIds == null ? () -> UUID.randomUUID().toString() : eventIds;
        this.notices = notices;
        this.file = file;
        file.ifPresent(this::load);
    }

    private void load(RuleFile f) {
        Instant now = clock.instant();
        for (var n : f.load()) {
            String name = n.path("Name").asText();
            try {
                Rule r = new Rule(name, arn(name), RuleFile.createdAt(n, now));
                String expr = n.hasNonNull("ScheduleExpression") ? n.get("ScheduleExpression").asText() : null;
                r.scheduleExpression = expr;
                r.schedule = expr == null ? null : ScheduleExpression.parse(expr);
                r.eventPattern = n.hasNonNull("EventPattern") ? n.get("EventPattern").asText() : null;
                r.state = n.path("State").asText("ENABLED");
                r.description = n.hasNonNull("Description") ? n.get("Description").asText() : null;
                Targets.read(n.path("Targets")).forEach(t -> r.targets.put(t.id(), t));
                r.reschedule(now);
                rules.put(name, r);
            } catch (RuntimeException e) {
                notices.accept("events: could not restore rule " + name + ": " + e.getMessage());
            }
        }
    }

    /** Writes the rules to the data directory, if there is one. */
    private void saved() {
        file.ifPresent(f -> f.save(rules.values()));
    }

    String arn(String name) {
        return "arn:aws:events:" + region + ":" + accountId + ":rule/" + name;
    }

    /** PutRule: creates or updates; targets are kept. Returns the rule ARN. */
    String put(String name, String scheduleExpression, String eventPattern, String state, String description) {
        if (name == null || name.isEmpty()) {
            throw EventsException.missingParameter("name");
        }
        if (!name.matches("[.\\-_A-Za-z0-9]{1,64}")) {
            throw EventsException.invalidName(name);
        }
        if ((scheduleExpression == null || scheduleExpression.isEmpty()) && (eventPattern == null
                || eventPattern.isEmpty())) {
            throw EventsException.patternOrSchedule();
        }
        ScheduleExpression schedule = scheduleExpression == null || scheduleExpression.isEmpty() ? null
                : ScheduleExpression.parse(scheduleExpression);
        String st = state == null || state.isEmpty() ? "ENABLED" : state.toUpperCase(Locale.ROOT);
        if (!st.equals("ENABLED") && !st.equals("DISABLED") && !st.equals("ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS")) {
            throw EventsException.invalidState(state);
        }
        Instant now = clock.instant();
        Rule rule = rules.computeIfAbsent(name, n -> new Rule(n, arn(n), now));
        synchronized (rule) {
            boolean changed = !java.util.Objects.equals(rule.scheduleExpression, scheduleExpression)
                    || !rule.state.equals(st) || rule.nextFire == null;
            rule.scheduleExpression = schedule == null ? null : scheduleExpression.trim();
            rule.schedule = schedule;
            rule.eventPattern = eventPattern;
            rule.state = st;
            rule.description = description;
            if (changed) {
                rule.reschedule(now);
            }
        }
        saved();
        return rule.arn;
    }

    Rule get(String name) {
        Rule r = name == null ? null : rules.get(name);
        if (r == null) {
            throw EventsException.ruleNotFound(name);
        }
        return r;
    }

    List<Rule> list(String prefix) {
        List<Rule> out = new ArrayList<>();
        for (Rule r : rules.values()) {
            if (prefix == null || r.name.startsWith(prefix)) {
                out.add(r);
            }
        }
        out.sort(Comparator.comparing(r -> r.name));
        return out;
    }

    void setState(String name, String state) {
        Rule r = get(name);
        synchronized (r) {
            if (!r.state.equals(state)) {
                r.state = state;
                r.reschedule(clock.instant());
            }
        }
        saved();
    }

    void delete(String name, boolean force) {
        Rule r = rules.get(name);
        if (r == null) {
            return; // DeleteRule of a missing rule succeeds on AWS
        }
        synchronized (r) {
            if (!r.targets.isEmpty() && !force) {
                throw EventsException.ruleHasTargets();
            }
            rules.remove(name);
        }
        saved();
    }

    void putTargets(String name, List<Rule.Target> targets) {
        Rule r = get(name);
        synchronized (r) {
            for (Rule.Target t : targets) {
                r.targets.put(t.id(), t);
            }
        }
        saved();
    }

    /** Removes targets by id; returns the ids that did not exist. */
    List<String> removeTargets(String name, List<String> ids) {
        Rule r = get(name);
        List<String> missing = new ArrayList<>();
        synchronized (r) {
            for (String id : ids) {
                if (r.targets.remove(id) == null) {
                    missing.add(id);
                }
            }
        }
        saved();
        return missing;
    }

    void replaceTargets(String name, List<Rule.Target> targets) {
        Rule r = get(name);
        synchronized (r) {
            r.targets.clear();
            targets.forEach(t -> r.targets.put(t.id(), t));
        }
        saved();
    }

    /**
     * Fires every enabled schedule whose time has come, once per missed time, in time order per rule.
     *
     * @param maxLateness times older than this are skipped rather than fired (null: fire them all)
     */
    synchronized void runDue(java.time.Duration maxLateness) {
        Instant now = clock.instant();
        Instant oldest = maxLateness == null ? Instant.MIN : now.minus(maxLateness);
        for (Rule r : rules.values()) {
            int fired = 0;
            int skipped = 0;
            while (true) {
                Instant at;
                synchronized (r) {
                    at = r.nextFire;
                    if (at == null || at.isAfter(now) || !r.enabled() || fired + skipped >= MAX_CATCH_UP) {
                        break;
                    }
                    r.nextFire = r.schedule.next(at);
                }
                if (at.isBefore(oldest)) {
                    skipped++;
                    continue;
                }
                deliver(r, at);
                fired++;
            }
            if (skipped > 0) {
                notices.accept("rule " + r.name + ": skipped " + skipped + " scheduled time(s) missed while the "
                        + "clock jumped ahead (more than " + maxLateness.toSeconds() + " s late)");
            }
            fired += skipped;
            if (fired >= MAX_CATCH_UP) {
                synchronized (r) {
                    r.nextFire = r.schedule == null ? null : r.schedule.next(now);
                }
            }
        }
    }

    /** Fires a rule now, also when disabled; returns the event id. */
    String fire(String name) {
        return deliver(get(name), clock.instant());
    }

    private String deliver(Rule r, Instant at) {
        ObjectNode event = scheduledEvent(r.arn, at);
        List<Rule.Target> targets;
        synchronized (r) {
            r.lastFired = at;
            targets = r.targetList();
        }
        for (Rule.Target t : targets) {
            byte[] payload = TargetInput.payload(t, event, r.name, r.arn);
            if (!t.arn().contains(":lambda:") || !t.arn().contains(":function:")) {
                notices.accept("rule " + r.name + ": target " + t.id() + " (" + t.arn()
                        + ") is not a Lambda function; Slipway delivers schedules to Lambda targets only");
                continue;
            }
            try {
                invoker.invokeAsync(t.arn(), Optional.empty(), payload);
            } catch (RuntimeException e) {
                notices.accept("rule " + r.name + ": target " + t.id() + " failed: " + e.getMessage());
            }
        }
        return event.get("id").asText();
    }

    /** The event EventBridge sends for a schedule: time in whole seconds, detail {}. */
    ObjectNode scheduledEvent(String ruleArn, Instant at) {
        ObjectNode e = Json.object().put("version", "0").put("id", eventIds.get())
                .put("detail-type", "Scheduled Event").put("source", "aws.events").put("account", accountId)
                .put("time", at.truncatedTo(ChronoUnit.SECONDS).toString()).put("region", region);
        e.putArray("resources").add(ruleArn);
        e.putObject("detail");
        return e;
    }
}
