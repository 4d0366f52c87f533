package dev.slipway.cloudformation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything recorded about one stack (persisted as JSON when a data directory is set). Mutated
 * only by the engine and the facade while holding the stack's monitor.
 */
final class StackState {
    String stackId = "";
    String stackName = "";
    String status = "";
    String statusReason = "";
    String templateBody = "";
    String description = "";
    Map<String, Parameters.Value> parameters = new LinkedHashMap<>();
    List<String> capabilities = new ArrayList<>();
    Map<String, String> tags = new LinkedHashMap<>();
    List<String> notificationArns = new ArrayList<>();
    boolean disableRollback;
    long creationTime;
    long lastUpdatedTime;
    long deletionTime;
    String changeSetId = "";
    Map<String, ResourceState> resources = new LinkedHashMap<>();
    List<StackEventRecord> events = new ArrayList<>();
    List<OutputRecord> outputs = new ArrayList<>();
    /** Export names this stack's template imports (Fn::ImportValue), for "in use by" checks. */
    Set<String> imports = java.util.concurrent.ConcurrentHashMap.newKeySet();
    Map<String, ChangeSetState> changeSets = new LinkedHashMap<>();
    /** Set by CancelUpdateStack while an update runs; not persisted (a restart ends the update anyway). */
    transient volatile boolean cancelRequested;

    record StackEventRecord(String eventId, String logicalId, String physicalId, String type, long timestamp,
            String status, String reason, String properties) {}

    record OutputRecord(String key, String value, String description, String exportName) {}

    boolean deleted() {
        return status.equals("DELETE_COMPLETE");
    }

    boolean inProgress() {
        return status.endsWith("_IN_PROGRESS") && !status.equals("REVIEW_IN_PROGRESS");
    }
}
