package dev.slipway.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One rule on the default event bus; guarded by its own monitor. */
final class Rule {
    final String name;
    final String arn;
    final Instant createdAt;
    String description;
    String scheduleExpression;
    ScheduleExpression schedule;
    String eventPattern;
    String state = "ENABLED";
    final Map<String, Target> targets = new LinkedHashMap<>();
    /** When the schedule fires next, or null (disabled, no schedule, or never again). */
    Instant nextFire;
    Instant lastFired;

    Rule(String name, String arn, Instant createdAt) {
        this.name = name;
        this.arn = arn;
        this.createdAt = createdAt;
    }

    /**
     * @param inputPathsMap InputTransformer's InputPathsMap, or null without a transformer
     */
    record Target(String id, String arn, String input, String inputPath, Map<String, String> inputPathsMap,
            String inputTemplate) {}

    boolean enabled() {
        return state.startsWith("ENABLED");
    }

    /** Recomputes the next fire time from {@code now}; rates restart their period from now. */
    void reschedule(Instant now) {
        if (schedule == null || !enabled()) {
            nextFire = null;
            return;
        }
        if (schedule instanceof ScheduleExpression.Rate r) {
            schedule = r.anchoredAt(now);
        }
        nextFire = schedule.next(now);
    }

    List<Target> targetList() {
        return new ArrayList<>(targets.values());
    }
}
