package dev.slipway.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.dynamodb.model.AttributeValue;
import java.util.Map;

/** GetItem: one item by key, optionally projected. */
final class GetItemAction implements Action {
    private final Tables tables;

    GetItemAction(Tables tables) {
        this.tables = tables;
    }

    @Override
    public ObjectNode handle(JsonNode in) {
        Constraints c = new Constraints(in);
        String name = c.tableName("TableName");
        c.notNull(in, "Key", "key");
        c.enumValue("ReturnConsumedCapacity", "INDEXES", "TOTAL", "NONE");
        c.length(Constraints.array(in, "AttributesToGet"), () -> CreateTableAction.render(in.get("AttributesToGet")),
                "attributesToGet", 1, Integer.MAX_VALUE);
        c.check();
        Map<String, AttributeValue> keyAttributes = AttributeJson.item(Constraints.object(in, "Key"));
        boolean consistent = Boolean.TRUE.equals(Constraints.bool(in, "ConsistentRead"));
        Expressions.Compiled expressions = tables.expressions.compile(in, null);
        Table table = tables.forItems(name);
        ItemKey key = Keys.key(table.def, keyAttributes);
        Map<String, AttributeValue> item;
        table.lock.readLock().lock();
        try {
            item = table.get(key);
        } finally {
            table.lock.readLock().unlock();
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (item != null) {
            out.set("Item", JsonCodec.item(expressions.project(item)));
        }
        ObjectNode consumed = new Capacity(name)
                .addTable(Capacity.readUnits(item == null ? 0 : Values.itemSize(item), consistent))
                .toJson(Constraints.text(in, "ReturnConsumedCapacity"));
        if (consumed != null) {
            out.set("ConsumedCapacity", consumed);
        }
        return out;
    }
}
