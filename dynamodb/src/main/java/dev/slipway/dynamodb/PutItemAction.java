package dev.slipway.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.dynamodb.model.AttributeValue;
import java.util.Map;

/** PutItem: create or replace an item, if its condition holds. */
final class PutItemAction implements Action {
    private final Tables tables;

    PutItemAction(Tables tables) {
        this.tables = tables;
    }

    @Override
    public ObjectNode handle(JsonNode in) {
        Constraints c = new Constraints(in);
        String name = c.tableName("TableName");
        c.notNull(in, "Item", "item");
        ItemRequests.writeConstraints(c);
        c.check();
        Map<String, AttributeValue> item = AttributeJson.item(Constraints.object(in, "Item"));
        String returnValues = ItemRequests.putDeleteReturnValues(in);
        Expressions.Compiled expressions = tables.expressions.compile(in, null);
        Table table = tables.forItems(name);
        Keys.item(table.def, item);
        ItemKey key = table.keyOf(item);
        Map<String, AttributeValue> old;
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        Capacity capacity = new Capacity(name);
        table.lock.writeLock().lock();
        try {
            old = table.get(key);
            if (!expressions.condition(old == null ? Map.of() : old)) {
                throw ItemRequests.conditionFailed(in, old);
            }
            table.put(item);
            capacity.addWrite(table.def, key, old, item);
            ItemRequests.itemCollectionMetrics(in, out, table, key);
        } finally {
            table.lock.writeLock().unlock();
        }
        tables.storage.commit();
        Map<String, AttributeValue> attributes = ItemRequests.returned(returnValues, old, item);
        if (attributes != null) {
            out.set("Attributes", AttributeJson.encodeItem(attributes));
        }
        ObjectNode consumed = capacity.toJson(Constraints.text(in, "ReturnConsumedCapacity"));
        if (consumed != null) {
            out.set("ConsumedCapacity", consumed);
        }
        return out;
    }
}
