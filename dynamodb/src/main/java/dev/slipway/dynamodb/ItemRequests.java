package dev.slipway.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.dynamodb.error.ConditionalCheckFailedException;
import dev.slipway.dynamodb.model.AttributeValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** What the single-item actions share: common constraints, ReturnValues, item collection metrics. */
final class ItemRequests {
    private ItemRequests() {}

    /** The constraints shared by PutItem, UpdateItem and DeleteItem. */
    static void writeConstraints(Constraints c) {
        c.enumValue("ReturnConsumedCapacity", "INDEXES", "TOTAL", "NONE");
        c.enumValue("ReturnItemCollectionMetrics", "SIZE", "NONE");
        c.enumValue("ConditionalOperator", "AND", "OR");
        c.enumValue("ReturnValuesOnConditionCheckFailure", "ALL_OLD", "NONE");
        c.enumValue("ReturnValues", "NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW");
    }

    /** PutItem's and DeleteItem's ReturnValues: only NONE and ALL_OLD are allowed there. */
    static String putDeleteReturnValues(JsonNode in) {
        String returnValues = Constraints.text(in, "ReturnValues");
        if (returnValues != null && !returnValues.equals("NONE") && !returnValues.equals("ALL_OLD")) {
            throw dev.slipway.dynamodb.error.ValidationException.returnValuesPutDelete();
        }
        return returnValues;
    }

    /** The failure for a condition that did not hold, with the old item if the request asked for it. */
    static ConditionalCheckFailedException conditionFailed(JsonNode in, Map<String, AttributeValue> old) {
        if (old != null && "ALL_OLD".equals(Constraints.text(in, "ReturnValuesOnConditionCheckFailure"))) {
            return ConditionalCheckFailedException.withItem(old);
        }
        return ConditionalCheckFailedException.conditionFailed();
    }

    /** The Attributes member for ReturnValues; null when nothing is returned. */
    static Map<String, AttributeValue> returned(String returnValues, Map<String, AttributeValue> old,
            Map<String, AttributeValue> updated) {
        if (returnValues == null) {
            return null;
        }
        switch (returnValues) {
            case "ALL_OLD":
                return old == null || old.isEmpty() ? null : old;
            case "ALL_NEW":
                return updated;
            case "UPDATED_OLD": {
                Map<String, AttributeValue> r = new LinkedHashMap<>();
                if (old != null) {
                    old.forEach((k, v) -> {
                        if (!Objects.equals(v, updated == null ? null : updated.get(k))) {
                            r.put(k, v);
                        }
                    });
                }
                return r.isEmpty() ? null : r;
            }
            case "UPDATED_NEW": {
                Map<String, AttributeValue> r = new LinkedHashMap<>();
                if (updated != null) {
                    updated.forEach((k, v) -> {
                        if (!Objects.equals(v, old == null ? null : old.get(k))) {
                            r.put(k, v);
                        }
                    });
                }
                return r.isEmpty() ? null : r;
            }
            default:
                return null;
        }
    }

    /** Adds ItemCollectionMetrics when asked for and the table has local secondary indexes. */
    static void itemCollectionMetrics(JsonNode in, ObjectNode out, Table table, ItemKey key) {
        if (!"SIZE".equals(Constraints.text(in, "ReturnItemCollectionMetrics")) || table.def.localIndexes.isEmpty()) {
            return;
        }
        out.set("ItemCollectionMetrics", metrics(table, key));
    }

    static ObjectNode metrics(Table table, ItemKey key) {
        ObjectNode m = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        Map<String, AttributeValue> collectionKey = new LinkedHashMap<>();
        collectionKey.put(table.def.keys.hashName(), key.hash());
        m.set("ItemCollectionKey", AttributeJson.encodeItem(collectionKey));
        double gb = table.itemCollectionBytes(key.hash()) / (1024.0 * 1024 * 1024);
        m.putArray("SizeEstimateRangeGB").add(Math.floor(gb)).add(Math.floor(gb) + 1);
        return m;
    }
}
