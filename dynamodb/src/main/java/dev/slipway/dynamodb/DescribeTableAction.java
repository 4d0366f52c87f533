package dev.slipway.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** DescribeTable: definition plus live ItemCount, TableSizeBytes and index figures. */
final class DescribeTableAction implements Action {
    private final Tables tables;

    DescribeTableAction(Tables tables) {
        this.tables = tables;
    }

    @Override
    public ObjectNode handle(JsonNode in) {
        Constraints c = new Constraints(in);
        String name = c.tableName("TableName");
        c.check();
        Table table = tables.named(name);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        table.lock.readLock().lock();
        try {
            out.set("Table", TableDescriptions.describe(table, tables.status(table)));
        } finally {
            table.lock.readLock().unlock();
        }
        return out;
    }
}
