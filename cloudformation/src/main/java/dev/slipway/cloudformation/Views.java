package dev.slipway.cloudformation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Public records from recorded state. Call while holding the stack's monitor. */
final class Views {
    private Views() {}

    static StackDescription stack(StackState s) {
        return new StackDescription(s.stackId, s.stackName, s.description, parameters(s.parameters),
                Instant.ofEpochMilli(s.creationTime), time(s.lastUpdatedTime), time(s.deletionTime), s.status,
                s.statusReason, s.disableRollback, List.copyOf(s.notificationArns), List.copyOf(s.capabilities),
                s.outputs.stream().map(o -> new Output(o.key(), o.value(), o.description(), o.exportName())).toList(),
                Map.copyOf(s.tags), s.changeSetId);
    }

    static List<Parameter> parameters(Map<String, Parameters.Value> values) {
        List<Parameter> result = new ArrayList<>();
        values.values().forEach(v -> result.add(Parameter.of(v.name(), v.noEcho() ? "****" : v.value())));
        return result;
    }

    static StackEvent event(StackState s, StackState.StackEventRecord e) {
        return new StackEvent(s.stackId, e.eventId(), s.stackName, e.logicalId(), e.physicalId(), e.type(),
                Instant.ofEpochMilli(e.timestamp()), e.status(), e.reason(), e.properties());
    }

    static StackResourceDescription resource(StackState s, ResourceState r, String metadata) {
        return new StackResourceDescription(s.stackName, s.stackId, r.logicalId(), r.physicalId(), r.type(),
                Instant.ofEpochMilli(r.timestamp()), r.status(), r.reason(), metadata);
    }

    static ChangeSetDescription changeSet(StackState s, ChangeSetState c) {
        String execution = c.executionStatus;
        if (execution.equals("EXECUTE_COMPLETE") && c.id.equals(s.changeSetId)) {
            // the stack operation it started decides: still running, or failed and rolled back
            if (s.inProgress()) {
                execution = "EXECUTE_IN_PROGRESS";
            } else if (s.status.contains("ROLLBACK") || s.status.endsWith("_FAILED")) {
                execution = "EXECUTE_FAILED";
            }
        }
        return new ChangeSetDescription(c.id, c.name, s.stackId, s.stackName, c.description,
                parameters(c.parameters), Instant.ofEpochMilli(c.creationTime), execution, c.status,
                c.statusReason, List.copyOf(c.capabilities), Map.copyOf(c.tags), List.copyOf(c.changes));
    }

    private static Optional<Instant> time(long millis) {
        return millis == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }
}
