package dev.slipway.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.dynamodb.error.ValidationException;
import dev.slipway.dynamodb.model.AttributeValue;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What Query and Scan share: the target (table or index), Select rules, ExclusiveStartKey, and
 * the page loop (Limit counts items read before the filter; a page stops after 1 MB read).
 */
final class Reads {
    private Reads() {}

    /** The table or index a read goes to, and how to build keys for it. */
    record Target(Table table, IndexDef index, KeySchema keys, ItemStore data) {
        boolean isIndex() {
            return index != null;
        }

        /** The position of an ExclusiveStartKey, checked against the schema. */
        ItemKey startKey(Map<String, AttributeValue> start) {
            KeySchema tk = table.def.keys;
            int expected = keyNames().size();
            if (start.size() != expected) {
                throw ValidationException.invalidStartKey("The provided key element does not match the schema");
            }
            for (String n : keyNames()) {
                if (!start.containsKey(n)) {
                    throw ValidationException.invalidStartKey("The provided key element does not match the schema");
                }
            }
            Map<String, AttributeValue> tableKey = new LinkedHashMap<>();
            tableKey.put(tk.hashName(), start.get(tk.hashName()));
            tk.rangeName().ifPresent(r -> tableKey.put(r, start.get(r)));
            ItemKey tableItemKey;
            try {
                tableItemKey = Keys.key(table.def, tableKey);
            } catch (ValidationException e) {
                throw ValidationException.invalidStartKey(e.getMessage());
            }
            if (index == null) {
                return tableItemKey;
            }
            ItemKey k = Table.indexKey(index, tableItemKey, start);
            if (k == null) {
                throw ValidationException.invalidStartKey("The provided key element does not match the schema");
            }
            return k;
        }

        java.util.Set<String> keyNames() {
            java.util.Set<String> names = new java.util.LinkedHashSet<>();
            names.add(table.def.keys.hashName());
            table.def.keys.rangeName().ifPresent(names::add);
            if (index != null) {
                names.add(index.keys().hashName());
                index.keys().rangeName().ifPresent(names::add);
            }
            return names;
        }

        Map<String, AttributeValue> lastEvaluatedKey(Map<String, AttributeValue> item) {
            Map<String, AttributeValue> key = new LinkedHashMap<>();
            for (String n : keyNames()) {
                key.put(n, item.get(n));
            }
            return key;
        }
    }

    static Target target(Table table, String indexName) {
        if (indexName == null) {
            return new Target(table, null, table.def.keys, table.items);
        }
        IndexDef index = table.def.index(indexName).orElseThrow(() -> ValidationException.noSuchIndex(indexName));
        return new Target(table, index, index.keys(), table.indexes.get(indexName));
    }

    /** Applies DynamoDB's Select rules; returns the effective Select. */
    static String select(JsonNode in, Target target, Expressions.Compiled expressions, boolean consistent) {
        String select = Constraints.text(in, "Select");
        boolean projection = in.hasNonNull("ProjectionExpression");
        boolean attributesToGet = in.hasNonNull("AttributesToGet");
        if (target.isIndex() && target.index().global() && consistent) {
            throw ValidationException.of("Consistent reads are not supported on global secondary indexes");
        }
        if (select == null) {
            select = projection || attributesToGet ? "SPECIFIC_ATTRIBUTES"
                    : target.isIndex() ? "ALL_PROJECTED_ATTRIBUTES" : "ALL_ATTRIBUTES";
        } else if (!select.equals("SPECIFIC_ATTRIBUTES") && (projection || attributesToGet)) {
            if (attributesToGet) {
                throw ValidationException.of("Cannot specify the AttributesToGet when choosing to get " + select);
            }
            throw ValidationException.of("Cannot specify the ProjectionExpression when choosing to get " + select);
        } else if (select.equals("SPECIFIC_ATTRIBUTES") && !projection && !attributesToGet) {
            throw ValidationException.of("Must specify the AttributesToGet when choosing to get SPECIFIC_ATTRIBUTES");
        }
        if (select.equals("ALL_PROJECTED_ATTRIBUTES") && !target.isIndex()) {
            throw ValidationException.of("One or more parameter values were invalid: Select type ALL_PROJECTED_ATTRIBUTES "
                    + "is not supported for the table");
        }
        if (target.isIndex() && target.index().global() && !target.index().projectionType().equals("ALL")) {
            if (select.equals("ALL_ATTRIBUTES")) {
                throw ValidationException.invalidParameter("Select type ALL_ATTRIBUTES is not supported for global "
                        + "secondary index " + target.index().name() + " because its projection type is not ALL");
            }
        }
        return select;
    }

    /**
     * Reads one page from {@code entries} (already positioned after the start key) and renders
     * Items, Count, ScannedCount, LastEvaluatedKey and ConsumedCapacity.
     *
     * @param stop returns true when an entry is past the end of the range (Query's sort key bounds)
     * @param accept returns false for entries that are skipped without being read (other Scan segments)
     */
    static ObjectNode page(JsonNode in, Target target, Iterator<Map.Entry<ItemKey, Map<String, AttributeValue>>> entries,
            java.util.function.Predicate<ItemKey> stop, java.util.function.Predicate<ItemKey> accept,
            Expressions.Compiled expressions, String select, Integer limit, boolean consistent) {
        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        int count = 0;
        int scanned = 0;
        long bytes = 0;
        Map<String, AttributeValue> last = null;
        boolean more = false;
        boolean fetchFromTable = target.isIndex() && !target.index().global()
                && !target.index().projectionType().equals("ALL")
                && (select.equals("ALL_ATTRIBUTES") || (select.equals("SPECIFIC_ATTRIBUTES")
                        && !target.index().projects(expressions.projectedAttributes(), target.table().def.keys)));
        while (entries.hasNext()) {
            Map.Entry<ItemKey, Map<String, AttributeValue>> e = entries.next();
            if (stop.test(e.getKey())) {
                break;
            }
            if (!accept.test(e.getKey())) {
                continue;
            }
            if ((limit != null && scanned >= limit) || bytes >= Limits.MAX_PAGE_BYTES) {
                more = true;
                break;
            }
            Map<String, AttributeValue> item = e.getValue();
            if (fetchFromTable) {
                item = target.table().get(e.getKey().tableKey());
            }
            scanned++;
            bytes += Values.itemSize(item);
            last = item;
            if (expressions.filter(item)) {
                count++;
                if (!select.equals("COUNT")) {
                    items.add(JsonCodec.item(expressions.project(item)));
                }
            }
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (!select.equals("COUNT")) {
            out.set("Items", items);
        }
        out.put("Count", count);
        out.put("ScannedCount", scanned);
        // DynamoDB returns LastEvaluatedKey whenever the page stopped at Limit or 1 MB, even if
        // nothing is left to read.
        if (last != null && (more || (limit != null && scanned >= limit))) {
            out.set("LastEvaluatedKey", AttributeJson.encodeItem(target.lastEvaluatedKey(last)));
        }
        Capacity capacity = new Capacity(target.table().def.name);
        double units = Capacity.readUnits(bytes, consistent);
        if (target.isIndex()) {
            capacity.addIndex(target.index(), units);
        } else {
            capacity.addTable(units);
        }
        ObjectNode consumed = capacity.toJson(Constraints.text(in, "ReturnConsumedCapacity"));
        if (consumed != null) {
            out.set("ConsumedCapacity", consumed);
        }
        return out;
    }

    static void constraints(Constraints c) {
        c.indexName(c.input(), "IndexName", "indexName");
        c.enumValue("Select", "SPECIFIC_ATTRIBUTES", "COUNT", "ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES");
        c.enumValue("ReturnConsumedCapacity", "INDEXES", "TOTAL", "NONE");
        c.enumValue("ConditionalOperator", "AND", "OR");
        c.integer("Limit", 1, null);
    }
}
