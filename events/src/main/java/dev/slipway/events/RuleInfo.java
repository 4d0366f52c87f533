package dev.slipway.events;

import java.time.Instant;
import java.util.Optional;

/**
 * A rule as {@code slipway schedule list} shows it.
 *
 * @param scheduleExpression empty for a rule with only an event pattern
 * @param nextFire when the schedule fires next; empty when disabled or without schedule
 * @param targets the target ARNs
 */
public record RuleInfo(String name, String arn, String scheduleExpression, String state, Optional<Instant> nextFire,
        Optional<Instant> lastFired, java.util.List<String> targets) {}
