package dev.slipway.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.dynamodb.model.AttributeValue;
import java.util.Map;

/** DeleteItem: remove an item, if its condition holds; deleting a missing item is not an error. */
final class DeleteItemAction implements Action {
    private final Tables tables;

    DeleteItemAction(Tables tables) {
        this.tables = tables;
    }

    @Override
    public ObjectNode handle(JsonNode in) {
        Constraints c = new Constraints(in);
        String name = c.tableName("TableName");
        c.notNull(in, "Key", "key");
        ItemRequests.writeConstraints(c);
        c.check();
        Map<String, AttributeValue> keyAttributes = AttributeJson.item(Constraints.object(in, "Key"));
        String returnValues = ItemRequests.putDeleteReturnValues(in);
        Expressions.Compiled expressions = tables.expressions.compile(in, null);
        Table table = tables.forItems(name);
        ItemKey key = Keys.key(table.def, keyAttributes);
        Map<String, AttributeValue> old;
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        Capacity capacity = new Capacity(name);
        table.lock.writeLock().lock();
        try {
            old = table.get(key);
            if (!expressions.condition(old == null ? Map.of() : old)) {
                throw ItemRequests.conditionFailed(in, old);
            }
            if (old != null) {
                table.delete(key);
            }
            capacity.addWrite(table.def, key, old, null);
            ItemRequests.itemCollectionMetrics(in, out, table, key);
        } finally {
            table.lock.writeLock().unlock();
        }
        if (old != null) {
            tables.storage.commit();
        }
        Map<String, AttributeValue> attributes = ItemRequests.returned(returnValues, old, null);
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
