package dev.slipway.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * A resource of a stack as last recorded: its resolved properties and what its provider returned.
 *
 * @param physicalId "" until created
 * @param timestamp epoch millis of the last status change
 */
record ResourceState(String logicalId, String type, String physicalId, String status, String reason,
        ObjectNode properties, Map<String, JsonNode> attributes, long timestamp, boolean retainOnDelete,
        boolean retainOnReplace) {

    ResourceState with(String newStatus, String newReason, long now) {
        return new ResourceState(logicalId, type, physicalId, newStatus, newReason, properties, attributes, now,
                retainOnDelete, retainOnReplace);
    }

    boolean exists() {
        return !physicalId.isEmpty();
    }
}
