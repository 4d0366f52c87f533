package dev.slipway.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.dynamodb.error.ValidationException;
import dev.slipway.dynamodb.model.AttributeValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** TransactGetItems: up to 100 Gets read together under the tables' read locks (a consistent snapshot). */
final class TransactGetItemsAction implements Action {
    private final Tables tables;

    TransactGetItemsAction(Tables tables) {
        this.tables = tables;
    }

    private record Get(Table table, ItemKey key, Expressions.Compiled expressions) {}

    @Override
    public ObjectNode handle(JsonNode in) {
        Constraints c = new Constraints(in);
        JsonNode items = Constraints.array(in, "TransactItems");
        c.notNull(in, "TransactItems", "transactItems");
        c.length(items, () -> CreateTableAction.render(items), "transactItems", 1, Limits.MAX_TRANSACT_ITEMS);
        c.enumValue("ReturnConsumedCapacity", "INDEXES", "TOTAL", "NONE");
        c.check();
        List<Get> gets = new ArrayList<>();
        for (JsonNode entry : items) {
            JsonNode spec = Constraints.object(entry, "Get");
            if (spec == null) {
                throw ValidationException.constraints(List.of("Value null at 'transactItems.1.member.get' failed to "
                        + "satisfy constraint: Member must not be null"));
            }
            Constraints sc = new Constraints(spec);
            String name = sc.tableName(spec, "TableName", "transactItems.1.member.get.tableName", true);
            sc.check();
            Expressions.Compiled expressions = tables.expressions.compile(spec, null);
            Table table = tables.forItems(name);
            gets.add(new Get(table, Keys.key(table.def, AttributeJson.item(Constraints.object(spec, "Key"))), expressions));
        }
        TreeSet<Table> locked = new TreeSet<>(Comparator.comparing(t -> t.def.name));
        gets.forEach(g -> locked.add(g.table()));
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode responses = out.putArray("Responses");
        Map<String, Capacity> capacity = new LinkedHashMap<>();
        locked.forEach(t -> t.lock.readLock().lock());
        try {
            for (Get g : gets) {
                Map<String, AttributeValue> item = g.table().get(g.key());
                ObjectNode r = responses.addObject();
                if (item != null) {
                    r.set("Item", AttributeJson.encodeItem(g.expressions().project(item)));
                }
                capacity.computeIfAbsent(g.table().def.name, Capacity::new)
                        .addTable(2 * Capacity.readUnits(item == null ? 0 : Values.itemSize(item), true));
            }
        } finally {
            locked.descendingSet().forEach(t -> t.lock.readLock().unlock());
        }
        String mode = Constraints.text(in, "ReturnConsumedCapacity");
        if (mode != null && !mode.equals("NONE")) {
            ArrayNode consumed = out.putArray("ConsumedCapacity");
            capacity.values().forEach(cc -> consumed.add(cc.toJson(mode)));
        }
        return out;
    }
}
