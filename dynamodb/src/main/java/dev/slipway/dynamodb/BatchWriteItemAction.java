package dev.slipway.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.dynamodb.error.ValidationException;
import dev.slipway.dynamodb.model.AttributeValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BatchWriteItem: up to 25 puts and deletes over several tables. Every request is checked before
 * the first write; each table's writes then happen under its write lock (not atomic across
 * tables, as on AWS). UnprocessedItems is always empty: nothing is throttled.
 */
final class BatchWriteItemAction implements Action {
    private final Tables tables;

    BatchWriteItemAction(Tables tables) {
        this.tables = tables;
    }

    private record Write(ItemKey key, Map<String, AttributeValue> item) {}

    @Override
    public ObjectNode handle(JsonNode in) {
        Constraints c = new Constraints(in);
        JsonNode requestItems = Constraints.object(in, "RequestItems");
        c.notNull(in, "RequestItems", "requestItems");
        c.enumValue("ReturnConsumedCapacity", "INDEXES", "TOTAL", "NONE");
        c.enumValue("ReturnItemCollectionMetrics", "SIZE", "NONE");
        if (requestItems != null) {
            c.length(requestItems, () -> "'" + requestItems + "'", "requestItems", 1, Integer.MAX_VALUE);
            for (Iterator<Map.Entry<String, JsonNode>> it = requestItems.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                c.tableNameKey(e.getKey(), "requestItems." + e.getKey() + ".member");
                AttributeJson.requireArray(e.getValue());
                if (e.getValue().isEmpty() || e.getValue().size() > Limits.MAX_BATCH_WRITE_REQUESTS) {
                    c.violation("'" + requestItems + "'", "requestItems", "Map value must satisfy constraint: [Member must "
                            + "have length less than or equal to 25, Member must have length greater than or equal to 1]");
                }
            }
        }
        c.check();
        int total = 0;
        for (JsonNode list : requestItems) {
            total += list.size();
        }
        if (total > Limits.MAX_BATCH_WRITE_REQUESTS) {
            throw ValidationException.of("Too many items requested for the BatchWriteItem call");
        }
        Map<Table, List<Write>> plan = new java.util.LinkedHashMap<>();
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        requestItems.fields().forEachRemaining(entries::add);
        for (Map.Entry<String, JsonNode> e : entries) {
            Table table = tables.forItems(e.getKey());
            List<Write> writes = new ArrayList<>();
            Set<ItemKey> seen = new HashSet<>();
            for (JsonNode request : e.getValue()) {
                JsonNode put = Constraints.object(request, "PutRequest");
                JsonNode delete = Constraints.object(request, "DeleteRequest");
                if ((put == null) == (delete == null)) {
                    throw ValidationException.of("Supplied AttributeValue has more than one datatypes set, must contain "
                            + "exactly one of the supported datatypes");
                }
                Write w;
                if (put != null) {
                    Map<String, AttributeValue> item = AttributeJson.item(Constraints.object(put, "Item"));
                    if (item == null) {
                        throw ValidationException.constraints(List.of("Value null at 'requestItems." + e.getKey()
                                + ".member.1.member.putRequest.item' failed to satisfy constraint: Member must not be null"));
                    }
                    Keys.item(table.def, item);
                    w = new Write(table.keyOf(item), item);
                } else {
                    w = new Write(Keys.key(table.def, AttributeJson.item(Constraints.object(delete, "Key"))), null);
                }
                if (!seen.add(w.key())) {
                    throw ValidationException.of("Provided list of item keys contains duplicates");
                }
                writes.add(w);
            }
            plan.put(table, writes);
        }
        ArrayNode consumed = JsonNodeFactory.instance.arrayNode();
        ObjectNode metrics = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<Table, List<Write>> e : plan.entrySet()) {
            Table table = e.getKey();
            Capacity capacity = new Capacity(table.def.name);
            table.lock.writeLock().lock();
            try {
                for (Write w : e.getValue()) {
                    Map<String, AttributeValue> old = w.item() != null ? table.put(w.item()) : table.delete(w.key());
                    capacity.addWrite(table.def, w.key(), old, w.item());
                }
                if ("SIZE".equals(Constraints.text(in, "ReturnItemCollectionMetrics")) && !table.def.localIndexes.isEmpty()) {
                    ArrayNode m = metrics.putArray(table.def.name);
                    e.getValue().forEach(w -> m.add(ItemRequests.metrics(table, w.key())));
                }
            } finally {
                table.lock.writeLock().unlock();
            }
            ObjectNode cc = capacity.toJson(Constraints.text(in, "ReturnConsumedCapacity"));
            if (cc != null) {
                consumed.add(cc);
            }
        }
        tables.storage.commit();
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.putObject("UnprocessedItems");
        if (!consumed.isEmpty()) {
            out.set("ConsumedCapacity", consumed);
        }
        if (!metrics.isEmpty()) {
            out.set("ItemCollectionMetrics", metrics);
        }
        return out;
    }
}
