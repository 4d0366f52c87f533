package dev.slipway.dynamodb;

import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.slipway.dynamodb.model.AttributeValue;
import java.util.LinkedHashMap;

/**
 * A secondary index definition.
 *
 * @param projectionType ALL, KEYS_ONLY or INCLUDE
 * @param nonKeyAttributes for INCLUDE
 * @param readUnits provisioned read units (GSIs of PROVISIONED tables), else 0
 */
record IndexDef(String name, boolean global, KeySchema keys, String projectionType, List<String> nonKeyAttributes,
        long readUnits, long writeUnits) {

    /** The projection of an item into this index, given the table's key schema. */
    Map<String, AttributeValue> project(Map<String, AttributeValue> item, KeySchema tableKeys) {
        if (projectionType.equals("ALL")) {
            return item;
        }
        Map<String, AttributeValue> projected = new LinkedHashMap<>();
        item.forEach((k, v) -> {
            if (tableKeys.isKeyAttribute(k) || keys.isKeyAttribute(k)
                    || (projectionType.equals("INCLUDE") && nonKeyAttributes.contains(k))) {
                projected.put(k, v);
            }
        });
        return projected;
    }

    /** Whether all of {@code attributes} are projected into this index. */
    boolean projects(Set<String> attributes, KeySchema tableKeys) {
        if (projectionType.equals("ALL")) {
            return true;
        }
        for (String a : attributes) {
            if (!tableKeys.isKeyAttribute(a) && !keys.isKeyAttribute(a)
                    && !(projectionType.equals("INCLUDE") && nonKeyAttributes.contains(a))) {
                return false;
            }
        }
        return true;
    }

    IndexDef withThroughput(long read, long write) {
        return new IndexDef(name, global, keys, projectionType, nonKeyAttributes, read, write);
    }
}
