package dev.slipway.dynamodb;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.dynamodb.model.AttributeValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Capacity unit arithmetic (ReturnConsumedCapacity): a write costs one unit per started KB of the
 * larger of the old and new item, in the table and in each index it touches; a read one unit
 * per started 4 KB (of the summed item sizes for Query and Scan), half for eventually consistent
 * reads. Source: "Read/write capacity mode", DynamoDB developer guide.
 */
final class Capacity {
    private final String tableName;
    private double table;
    private final Map<String, Double> globalIndexes = new LinkedHashMap<>();
    private final Map<String, Double> localIndexes = new LinkedHashMap<>();

    Capacity(String tableName) {
        this.tableName = tableName;
    }

    static double readUnits(long bytes, boolean consistent) {
        double units = Math.max(1, (bytes + Limits.READ_UNIT_BYTES - 1) / Limits.READ_UNIT_BYTES);
        return consistent ? units : units / 2;
    }

    static double writeUnits(long bytes) {
        return Math.max(1, (bytes + Limits.WRITE_UNIT_BYTES - 1) / Limits.WRITE_UNIT_BYTES);
    }

    Capacity addTable(double units) {
        table += units;
        return this;
    }

    Capacity addIndex(IndexDef index, double units) {
        (index.global() ? globalIndexes : localIndexes).merge(index.name(), units, Double::sum);
        return this;
    }

    /** Adds the units of writing {@code newItem} over {@code oldItem} (either may be null). */
    Capacity addWrite(TableDef def, ItemKey key, Map<String, AttributeValue> oldItem, Map<String, AttributeValue> newItem) {
        long size = Math.max(oldItem == null ? 0 : Values.itemSize(oldItem), newItem == null ? 0 : Values.itemSize(newItem));
        addTable(writeUnits(size));
        for (IndexDef index : def.allIndexes()) {
            ItemKey before = oldItem == null ? null : Table.indexKey(index, key, oldItem);
            ItemKey after = newItem == null ? null : Table.indexKey(index, key, newItem);
            if (before == null && after == null) {
                continue;
            }
            double units = 0;
            if (before != null) {
                units += writeUnits(Values.itemSize(index.project(oldItem, def.keys)));
            }
            if (after != null && (before == null || !before.equals(after))) {
                units += writeUnits(Values.itemSize(index.project(newItem, def.keys)));
            }
            addIndex(index, units);
        }
        return this;
    }

    double total() {
        double sum = table;
        for (double d : globalIndexes.values()) {
            sum += d;
        }
        for (double d : localIndexes.values()) {
            sum += d;
        }
        return sum;
    }

    /** The ConsumedCapacity structure for ReturnConsumedCapacity TOTAL or INDEXES; null for NONE. */
    ObjectNode toJson(String mode) {
        if (mode == null || mode.equals("NONE")) {
            return null;
        }
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("TableName", tableName).put("CapacityUnits", total());
        if (mode.equals("INDEXES")) {
            o.putObject("Table").put("CapacityUnits", table);
            if (!globalIndexes.isEmpty()) {
                ObjectNode g = o.putObject("GlobalSecondaryIndexes");
                globalIndexes.forEach((k, v) -> g.putObject(k).put("CapacityUnits", v));
            }
            if (!localIndexes.isEmpty()) {
                ObjectNode l = o.putObject("LocalSecondaryIndexes");
                localIndexes.forEach((k, v) -> l.putObject(k).put("CapacityUnits", v));
            }
        }
        return o;
    }
}
