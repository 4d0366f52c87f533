package dev.slipway.dynamodb;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The TableDescription structure of CreateTable, DescribeTable, UpdateTable and DeleteTable. */
final class TableDescriptions {
    private TableDescriptions() {}

    /** Call with the table's read lock held (live figures). */
    static ObjectNode describe(Table table, String status) {
        TableDef d = table.def;
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        ArrayNode defs = o.putArray("AttributeDefinitions");
        d.attributeDefinitions.forEach((n, t) -> defs.addObject().put("AttributeName", n).put("AttributeType", t));
        o.put("TableName", d.name);
        o.set("KeySchema", keySchema(d.keys));
        o.put("TableStatus", status);
        o.put("CreationDateTime", d.createdAt.toEpochMilli() / 1000.0);
        ObjectNode pt = o.putObject("ProvisionedThroughput");
        pt.put("NumberOfDecreasesToday", 0).put("ReadCapacityUnits", d.readUnits).put("WriteCapacityUnits", d.writeUnits);
        o.put("TableSizeBytes", table.sizeBytes());
        o.put("ItemCount", table.itemCount());
        o.put("TableArn", d.arn);
        o.put("TableId", d.tableId);
        if (d.billingMode.equals("PAY_PER_REQUEST")) {
            o.putObject("BillingModeSummary").put("BillingMode", "PAY_PER_REQUEST")
                    .put("LastUpdateToPayPerRequestDateTime", d.createdAt.toEpochMilli() / 1000.0);
        }
        if (!d.localIndexes.isEmpty()) {
            ArrayNode a = o.putArray("LocalSecondaryIndexes");
            for (IndexDef i : d.localIndexes) {
                index(a.addObject(), table, i);
            }
        }
        if (!d.globalIndexes.isEmpty()) {
            ArrayNode a = o.putArray("GlobalSecondaryIndexes");
            for (IndexDef i : d.globalIndexes) {
                ObjectNode g = a.addObject();
                index(g, table, i);
                g.put("IndexStatus", status.equals("CREATING") ? "CREATING" : "ACTIVE");
                g.putObject("ProvisionedThroughput").put("NumberOfDecreasesToday", 0)
                        .put("ReadCapacityUnits", i.readUnits()).put("WriteCapacityUnits", i.writeUnits());
            }
        }
        if (d.streamLabel != null) {
            if (d.streamEnabled) {
                o.putObject("StreamSpecification").put("StreamEnabled", true).put("StreamViewType", d.streamViewType);
            }
            o.put("LatestStreamLabel", d.streamLabel);
            o.put("LatestStreamArn", d.streamArn());
        }
        o.put("DeletionProtectionEnabled", d.deletionProtection);
        return o;
    }

    private static void index(ObjectNode o, Table table, IndexDef i) {
        o.put("IndexName", i.name());
        o.set("KeySchema", keySchema(i.keys()));
        ObjectNode p = o.putObject("Projection");
        p.put("ProjectionType", i.projectionType());
        if (!i.nonKeyAttributes().isEmpty()) {
            ArrayNode nk = p.putArray("NonKeyAttributes");
            i.nonKeyAttributes().forEach(nk::add);
        }
        o.put("IndexSizeBytes", table.indexSizeBytes(i.name()));
        o.put("ItemCount", table.indexItemCount(i.name()));
        o.put("IndexArn", table.def.arn + "/index/" + i.name());
    }

    static ArrayNode keySchema(KeySchema k) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        a.addObject().put("AttributeName", k.hashName()).put("KeyType", "HASH");
        k.rangeName().ifPresent(r -> a.addObject().put("AttributeName", r).put("KeyType", "RANGE"));
        return a;
    }
}
