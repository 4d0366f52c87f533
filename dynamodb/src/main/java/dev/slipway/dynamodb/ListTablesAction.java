package dev.slipway.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** ListTables: names in order, pages of Limit (at most 100) from ExclusiveStartTableName. */
final class ListTablesAction implements Action {
    private final Tables tables;

    ListTablesAction(Tables tables) {
        this.tables = tables;
    }

    @Override
    public ObjectNode handle(JsonNode in) {
        Constraints c = new Constraints(in);
        String start = c.tableName(in, "ExclusiveStartTableName", "exclusiveStartTableName", false);
        Integer limit = c.integer("Limit", 1, Limits.MAX_LIST_TABLES);
        c.check();
        int max = limit == null ? Limits.MAX_LIST_TABLES : limit;
        List<String> names = new ArrayList<>(
                start == null ? tables.map().keySet() : tables.map().tailMap(start, false).keySet());
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode a = out.putArray("TableNames");
        for (int i = 0; i < names.size() && i < max; i++) {
            a.add(names.get(i));
        }
        if (names.size() > max) {
            out.put("LastEvaluatedTableName", names.get(max - 1));
        }
        return out;
    }
}
