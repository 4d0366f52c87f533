package dev.slipway.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.dynamodb.error.ResourceInUseException;
import dev.slipway.dynamodb.error.ValidationException;

/** DeleteTable: answers with the table as DELETING; the data is gone at once. */
final class DeleteTableAction implements Action {
    private final Tables tables;

    DeleteTableAction(Tables tables) {
        this.tables = tables;
    }

    @Override
    public ObjectNode handle(JsonNode in) {
        Constraints c = new Constraints(in);
        String name = c.tableName("TableName");
        c.check();
        synchronized (tables.ddl) {
            Table table = tables.named(name);
            if (tables.status(table).equals("CREATING")) {
                throw ResourceInUseException.tableBeingCreated(name);
            }
            if (table.def.deletionProtection) {
                throw ValidationException.of("Resource cannot be deleted as it is currently protected against deletion. "
                        + "Disable deletion protection first.");
            }
            table.lock.writeLock().lock();
            try {
                ObjectNode description = TableDescriptions.describe(table, "DELETING");
                tables.remove(name);
                if (table.def.streamEnabled) {
                    tables.streams.disable(table.def.streamArn());
                }
                ObjectNode out = JsonNodeFactory.instance.objectNode();
                out.set("TableDescription", description);
                return out;
            } finally {
                table.lock.writeLock().unlock();
            }
        }
    }
}
