package dev.slipway.deploy.release;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One entry of a service's deployment history (also a rollback, whose strategy is
 * {@link #ROLLBACK}).
 *
 * @param id         sortable by time: {@code 20261126-153145-123-4f2a} (UTC, then a random suffix)
 * @param startedAt  when it started
 * @param finishedAt when it reached its outcome; empty while in progress
 * @param stage      the service's stage
 * @param strategy   CodeDeploy's name of how traffic moved: {@code AllAtOnce},
 *                   {@code Canary10Percent5Minutes}, … or {@code Rollback}
 * @param changes    the functions whose alias moved (none for a failed stack update)
 * @param outcome    where it stands
 * @param reason     why it failed or was rolled back, or what a rollback undid; "" when nothing to say
 */
public record Deployment(String id, Instant startedAt, Optional<Instant> finishedAt, String stage, String strategy,
        List<Change> changes, Outcome outcome, String reason) {
    public static final String ROLLBACK = "Rollback";

    public Deployment {
        finishedAt = finishedAt == null ? Optional.empty() : finishedAt;
        changes = List.copyOf(changes);
        reason = reason == null ? "" : reason;
    }

    public boolean isRollback() {
        return ROLLBACK.equals(strategy);
    }

    Deployment finished(Instant at, Outcome newOutcome, String newReason) {
        return new Deployment(id, startedAt, Optional.of(at), stage, strategy, changes, newOutcome, newReason);
    }

    Deployment withOutcome(Outcome newOutcome, String newReason) {
        return new Deployment(id, startedAt, finishedAt, stage, strategy, changes, newOutcome, newReason);
    }
}
