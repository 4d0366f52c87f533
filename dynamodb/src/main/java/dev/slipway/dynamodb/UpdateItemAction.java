package dev.slipway.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.dynamodb.error.ValidationException;
import dev.slipway.dynamodb.model.AttributeValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * UpdateItem: edit an item's attributes (creating it when missing), if its condition holds.
 * The new item is computed and checked completely before it replaces the old one.
 */
final class UpdateItemAction implements Action {
    private final Tables tables;

    UpdateItemAction(Tables tables) {
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
        String returnValues = Constraints.text(in, "ReturnValues");
        Expressions.Compiled expressions = tables.expressions.compile(in, null);
        Table table = tables.forItems(name);
        ItemKey key = Keys.key(table.def, keyAttributes);
        Map<String, AttributeValue> old;
        Map<String, AttributeValue> updated;
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        Capacity capacity = new Capacity(name);
        table.lock.writeLock().lock();
        try {
            old = table.get(key);
            if (!expressions.condition(old == null ? Map.of() : old)) {
                throw ItemRequests.conditionFailed(in, old);
            }
            updated = apply(table.def, expressions, keyAttributes, old);
            table.put(updated);
            capacity.addWrite(table.def, key, old, updated);
            ItemRequests.itemCollectionMetrics(in, out, table, key);
        } finally {
            table.lock.writeLock().unlock();
        }
        tables.storage.commit();
        Map<String, AttributeValue> attributes;
        if ("UPDATED_OLD".equals(returnValues)) {
            attributes = old == null ? null : nonEmpty(expressions.updatedParts(old));
        } else if ("UPDATED_NEW".equals(returnValues)) {
            attributes = nonEmpty(expressions.updatedParts(updated));
        } else {
            attributes = ItemRequests.returned(returnValues, old, updated);
        }
        if (attributes != null) {
            out.set("Attributes", AttributeJson.encodeItem(attributes));
        }
        ObjectNode consumed = capacity.toJson(Constraints.text(in, "ReturnConsumedCapacity"));
        if (consumed != null) {
            out.set("ConsumedCapacity", consumed);
        }
        return out;
    }

    /** The item after the update, checked against the schema; key attributes may not change. */
    static Map<String, AttributeValue> apply(TableDef def, Expressions.Compiled expressions,
            Map<String, AttributeValue> key, Map<String, AttributeValue> old) {
        Map<String, AttributeValue> base = old != null ? old : new LinkedHashMap<>(key);
        for (String attribute : expressions.updatedTopLevelAttributes()) {
            if (key.containsKey(attribute)) {
                throw ValidationException.invalidParameter("Cannot update attribute " + attribute
                        + ". This attribute is part of the key");
            }
        }
        Map<String, AttributeValue> updated = expressions.hasUpdate() ? expressions.update(base) : base;
        Keys.item(def, updated);
        return updated;
    }

    private static Map<String, AttributeValue> nonEmpty(Map<String, AttributeValue> m) {
        return m == null || m.isEmpty() ? null : m;
    }
}
