package dev.slipway.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.dynamodb.error.ResourceInUseException;
import dev.slipway.dynamodb.error.ResourceNotFoundException;
import dev.slipway.dynamodb.error.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * UpdateTable: billing mode and throughput, streams, deletion protection, and GSI create
 * (backfilled at once), update and delete. All checks run before the first change.
 */
final class UpdateTableAction implements Action {
    private final Tables tables;

    UpdateTableAction(Tables tables) {
        this.tables = tables;
    }

    @Override
    public ObjectNode handle(JsonNode in) {
        Constraints c = new Constraints(in);
        String name = c.tableName("TableName");
        String billing = c.enumValue("BillingMode", "PROVISIONED", "PAY_PER_REQUEST");
        JsonNode throughput = Constraints.object(in, "ProvisionedThroughput");
        CreateTableAction.throughputConstraints(c, throughput, "provisionedThroughput");
        JsonNode stream = Constraints.object(in, "StreamSpecification");
        JsonNode updates = Constraints.array(in, "GlobalSecondaryIndexUpdates");
        JsonNode defs = Constraints.array(in, "AttributeDefinitions");
        Boolean protection = Constraints.bool(in, "DeletionProtectionEnabled");
        if (updates != null) {
            int n = 1;
            for (JsonNode u : updates) {
                String p = "globalSecondaryIndexUpdates." + n++ + ".member";
                JsonNode create = Constraints.object(u, "Create");
                if (create != null) {
                    CreateTableAction.indexConstraint(c, create, p + ".create");
                }
                for (String kind : new String[] {"Delete", "Update"}) {
                    JsonNode o = Constraints.object(u, kind);
                    if (o != null) {
                        c.notNull(o, "IndexName", p + "." + kind.toLowerCase(java.util.Locale.ROOT) + ".indexName");
                    }
                }
            }
        }
        c.check();
        if (billing == null && throughput == null && stream == null && updates == null && protection == null
                && !in.hasNonNull("TableClass")) {
            throw ValidationException.of("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, "
                    + "GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required");
        }
        synchronized (tables.ddl) {
            Table table = tables.named(name);
            if (tables.status(table).equals("CREATING")) {
                throw ResourceInUseException.tableBeingCreated(name);
            }
            table.lock.writeLock().lock();
            try {
                TableDef def = table.def;
                String newBilling = billing != null ? billing : def.billingMode;
                boolean payPerRequest = newBilling.equals("PAY_PER_REQUEST");
                if (payPerRequest && throughput != null) {
                    throw ValidationException.invalidParameter("Neither ReadCapacityUnits nor WriteCapacityUnits can be "
                            + "specified when BillingMode is PAY_PER_REQUEST");
                }
                if (!payPerRequest && def.billingMode.equals("PAY_PER_REQUEST") && throughput == null) {
                    throw ValidationException.invalidParameter(
                            "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
                }
                if (throughput != null) {
                    CreateTableAction.checkThroughputBounds(throughput.path("ReadCapacityUnits").asLong(),
                            throughput.path("WriteCapacityUnits").asLong());
                    if (billing == null && throughput.path("ReadCapacityUnits").asLong() == def.readUnits
                            && throughput.path("WriteCapacityUnits").asLong() == def.writeUnits && updates == null
                            && stream == null) {
                        throw ValidationException.of("The provisioned throughput for the table will not change. The "
                                + "requested value equals the current value. Current ReadCapacityUnits provisioned for "
                                + "the table: " + def.readUnits + ". Requested ReadCapacityUnits: " + def.readUnits
                                + ". Current WriteCapacityUnits provisioned for the table: " + def.writeUnits
                                + ". Requested WriteCapacityUnits: " + def.writeUnits + ". Refer to the Amazon DynamoDB "
                                + "Developer Guide for current limits and how to request higher limits.");
                    }
                }
                Boolean streamEnabled = stream == null ? null : Constraints.bool(stream, "StreamEnabled");
                if (stream != null) {
                    if (streamEnabled == null) {
                        throw ValidationException.of("1 validation error detected: Value null at "
                                + "'streamSpecification.streamEnabled' failed to satisfy constraint: Member must not be null");
                    }
                    if (streamEnabled && def.streamEnabled) {
                        throw ValidationException.of("Table already has an enabled stream: " + def.streamArn());
                    }
                    if (!streamEnabled && !def.streamEnabled) {
                        throw ValidationException.of("Table already has no enabled stream");
                    }
                    if (streamEnabled && Constraints.text(stream, "StreamViewType") == null) {
                        throw ValidationException.of(
                                "StreamSpecification: StreamViewType must be specified when StreamEnabled is true");
                    }
                }
                Map<String, String> attributes = new LinkedHashMap<>(def.attributeDefinitions);
                if (defs != null) {
                    defs.forEach(d -> attributes.put(Constraints.text(d, "AttributeName"), Constraints.text(d, "AttributeType")));
                }
                // Plan the index changes completely before applying any of them.
                List<Runnable> changes = new java.util.ArrayList<>();
                if (updates != null) {
                    for (JsonNode u : updates) {
                        if (u.hasNonNull("Create")) {
                            JsonNode create = u.get("Create");
                            IndexDef index = CreateTableAction.index(create, true, attributes, payPerRequest);
                            if (def.index(index.name()).isPresent()) {
                                throw ValidationException.invalidParameter("Index already exists: " + index.name());
                            }
                            if (def.globalIndexes.size() + 1 > Limits.MAX_GSIS) {
                                throw ValidationException.invalidParameter(
                                        "GlobalSecondaryIndex count exceeds the per-table limit of " + Limits.MAX_GSIS);
                            }
                            changes.add(() -> table.addIndex(index));
                        } else if (u.hasNonNull("Delete")) {
                            String indexName = Constraints.text(u.get("Delete"), "IndexName");
                            if (def.globalIndexes.stream().noneMatch(i -> i.name().equals(indexName))) {
                                throw ResourceNotFoundException.requestedResource();
                            }
                            changes.add(() -> table.removeIndex(indexName));
                        } else if (u.hasNonNull("Update")) {
                            String indexName = Constraints.text(u.get("Update"), "IndexName");
                            JsonNode pt = u.get("Update").get("ProvisionedThroughput");
                            IndexDef index = def.globalIndexes.stream().filter(i -> i.name().equals(indexName))
                                    .findFirst().orElseThrow(ResourceNotFoundException::requestedResource);
                            long read = pt == null ? index.readUnits() : pt.path("ReadCapacityUnits").asLong();
                            long write = pt == null ? index.writeUnits() : pt.path("WriteCapacityUnits").asLong();
                            changes.add(() -> def.globalIndexes.replaceAll(
                                    i -> i.name().equals(indexName) ? i.withThroughput(read, write) : i));
                        }
                    }
                }
                changes.forEach(Runnable::run);
                def.attributeDefinitions = attributes;
                def.billingMode = newBilling;
                if (payPerRequest) {
                    def.readUnits = 0;
                    def.writeUnits = 0;
                } else if (throughput != null) {
                    def.readUnits = throughput.path("ReadCapacityUnits").asLong();
                    def.writeUnits = throughput.path("WriteCapacityUnits").asLong();
                }
                if (streamEnabled != null) {
                    def.streamEnabled = streamEnabled;
                    if (streamEnabled) {
                        def.streamViewType = Constraints.text(stream, "StreamViewType");
                        def.streamLabel = StreamLabels.next(tables.clock);
                        tables.streams.open(def);
                    } else {
                        tables.streams.disable(def.streamArn());
                    }
                }
                if (protection != null) {
                    def.deletionProtection = protection;
                }
                tables.saveDefinition(table);
                ObjectNode out = JsonNodeFactory.instance.objectNode();
                out.set("TableDescription", TableDescriptions.describe(table, "ACTIVE"));
                return out;
            } finally {
                table.lock.writeLock().unlock();
            }
        }
    }
}
