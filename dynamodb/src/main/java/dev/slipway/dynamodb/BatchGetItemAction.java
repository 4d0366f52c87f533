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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** BatchGetItem: up to 100 keys over several tables; what does not fit in 16 MB is UnprocessedKeys. */
final class BatchGetItemAction implements Action {
    private final Tables tables;

    BatchGetItemAction(Tables tables) {
        this.tables = tables;
    }

    private record TableRequest(String name, JsonNode spec, Table table, List<ItemKey> keys, Expressions.Compiled expressions,
            boolean consistent) {}

    @Override
    public ObjectNode handle(JsonNode in) {
        Constraints c = new Constraints(in);
        JsonNode requestItems = Constraints.object(in, "RequestItems");
        c.notNull(in, "RequestItems", "requestItems");
        c.enumValue("ReturnConsumedCapacity", "INDEXES", "TOTAL", "NONE");
        if (requestItems != null) {
            c.length(requestItems, () -> "'" + requestItems + "'", "requestItems", 1, 100);
            for (Iterator<Map.Entry<String, JsonNode>> it = requestItems.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                c.tableNameKey(e.getKey(), "requestItems." + e.getKey() + ".member");
                JsonNode keys = Constraints.array(e.getValue(), "Keys");
                if (keys == null) {
                    c.notNull(e.getValue(), "Keys", "requestItems." + e.getKey() + ".member.keys");
                } else {
                    c.length(keys, () -> "'" + keys + "'", "requestItems." + e.getKey() + ".member.keys", 1, 100);
                }
            }
        }
        c.check();
        int total = 0;
        for (JsonNode spec : requestItems) {
            total += spec.get("Keys").size();
        }
        if (total > Limits.MAX_BATCH_GET_KEYS) {
            throw ValidationException.of("Too many items requested for the BatchGetItem call");
        }
        List<TableRequest> requests = new ArrayList<>();
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        requestItems.fields().forEachRemaining(entries::add);
        for (Map.Entry<String, JsonNode> e : entries) {
            JsonNode spec = e.getValue();
            Expressions.Compiled expressions = tables.expressions.compile(spec, null);
            Table table = tables.forItems(e.getKey());
            List<ItemKey> keys = new ArrayList<>();
            Set<ItemKey> seen = new HashSet<>();
            for (JsonNode k : spec.get("Keys")) {
                ItemKey key = Keys.key(table.def, AttributeJson.item(k));
                if (!seen.add(key)) {
                    throw ValidationException.of("Provided list of item keys contains duplicates");
                }
                keys.add(key);
            }
            requests.add(new TableRequest(e.getKey(), spec, table, keys, expressions,
                    Boolean.TRUE.equals(Constraints.bool(spec, "ConsistentRead"))));
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ObjectNode responses = out.putObject("Responses");
        ObjectNode unprocessed = out.putObject("UnprocessedKeys");
        ArrayNode consumed = JsonNodeFactory.instance.arrayNode();
        long bytes = 0;
        for (TableRequest r : requests) {
            ArrayNode items = responses.putArray(r.name());
            List<Map<String, AttributeValue>> left = new ArrayList<>();
            double units = 0;
            r.table().lock.readLock().lock();
            try {
                for (ItemKey key : r.keys()) {
                    Map<String, AttributeValue> item = r.table().get(key);
                    if (bytes >= Limits.MAX_BATCH_GET_BYTES) {
                        left.add(keyMap(r.table().def.keys, key));
                        continue;
                    }
                    int size = item == null ? 0 : Values.itemSize(item);
                    units += Capacity.readUnits(size, r.consistent());
                    if (item != null) {
                        bytes += size;
                        items.add(AttributeJson.encodeItem(r.expressions().project(item)));
                    }
                }
            } finally {
                r.table().lock.readLock().unlock();
            }
            if (!left.isEmpty()) {
                ObjectNode spec = r.spec().deepCopy();
                ArrayNode keys = spec.putArray("Keys");
                left.forEach(k -> keys.add(AttributeJson.encodeItem(k)));
                unprocessed.set(r.name(), spec);
            }
            ObjectNode cc = new Capacity(r.name()).addTable(units).toJson(Constraints.text(in, "ReturnConsumedCapacity"));
            if (cc != null) {
                consumed.add(cc);
            }
        }
        if (!consumed.isEmpty()) {
            out.set("ConsumedCapacity", consumed);
        }
        return out;
    }

    static Map<String, AttributeValue> keyMap(KeySchema k, ItemKey key) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        m.put(k.hashName(), key.hash());
        k.rangeName().ifPresent(r -> m.put(r, key.range()));
        return m;
    }
}
