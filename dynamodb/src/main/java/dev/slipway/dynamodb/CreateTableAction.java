package dev.slipway.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.dynamodb.error.LimitExceededException;
import dev.slipway.dynamodb.error.ResourceInUseException;
import dev.slipway.dynamodb.error.ValidationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** CreateTable: validates the schema as DynamoDB does, then adds the table (CREATING for statusDelay). */
final class CreateTableAction implements Action {
    private final Tables tables;

    CreateTableAction(Tables tables) {
        this.tables = tables;
    }

    @Override
    public ObjectNode handle(JsonNode in) {
        Constraints c = new Constraints(in);
        JsonNode defs = Constraints.array(in, "AttributeDefinitions");
        c.notNull(in, "AttributeDefinitions", "attributeDefinitions");
        if (defs != null) {
            int n = 1;
            for (JsonNode d : defs) {
                String path = "attributeDefinitions." + n++ + ".member";
                c.notNull(d, "AttributeName", path + ".attributeName");
                if (Constraints.text(d, "AttributeType") == null) {
                    c.notNull(d, "AttributeType", path + ".attributeType");
                } else {
                    c.enumValue(d, "AttributeType", path + ".attributeType", "B", "N", "S");
                }
            }
        }
        String name = c.tableName("TableName");
        JsonNode keySchema = Constraints.array(in, "KeySchema");
        keySchemaConstraints(c, keySchema, "keySchema");
        JsonNode lsis = Constraints.array(in, "LocalSecondaryIndexes");
        JsonNode gsis = Constraints.array(in, "GlobalSecondaryIndexes");
        indexConstraints(c, lsis, "localSecondaryIndexes");
        indexConstraints(c, gsis, "globalSecondaryIndexes");
        String billing = c.enumValue("BillingMode", "PROVISIONED", "PAY_PER_REQUEST");
        JsonNode throughput = Constraints.object(in, "ProvisionedThroughput");
        throughputConstraints(c, throughput, "provisionedThroughput");
        JsonNode stream = Constraints.object(in, "StreamSpecification");
        if (stream != null) {
            c.notNull(stream, "StreamEnabled", "streamSpecification.streamEnabled");
            c.enumValue(stream, "StreamViewType", "streamSpecification.streamViewType",
                    "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY");
        }
        c.check();

        TableDef def = new TableDef();
        def.name = name;
        boolean payPerRequest = "PAY_PER_REQUEST".equals(billing);
        def.billingMode = payPerRequest ? "PAY_PER_REQUEST" : "PROVISIONED";
        if (payPerRequest) {
            if (throughput != null) {
                throw ValidationException.invalidParameter(
                        "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
            }
        } else {
            if (throughput == null) {
                throw ValidationException.invalidParameter(
                        "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
            }
            def.readUnits = throughput.path("ReadCapacityUnits").asLong();
            def.writeUnits = throughput.path("WriteCapacityUnits").asLong();
            checkThroughputBounds(def.readUnits, def.writeUnits);
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (JsonNode d : defs) {
            attributes.put(d.get("AttributeName").asText(), d.get("AttributeType").asText());
        }
        def.attributeDefinitions = attributes;
        def.keys = keySchema(keySchema, attributes, List.copyOf(attributes.keySet()));
        Set<String> used = new HashSet<>(keyNames(def.keys));
        Set<String> indexNames = new HashSet<>();
        if (lsis != null) {
            if (lsis.isEmpty()) {
                throw ValidationException.invalidParameter("List of LocalSecondaryIndexes is empty");
            }
            if (def.keys.rangeName().isEmpty()) {
                throw ValidationException.invalidParameter("Table KeySchema does not have a range key, which is required "
                        + "when specifying a LocalSecondaryIndex");
            }
            for (JsonNode l : lsis) {
                IndexDef index = index(l, false, attributes, payPerRequest);
                if (index.keys().rangeName().isEmpty()) {
                    throw ValidationException.invalidParameter("Index KeySchema does not have a range key for index: "
                            + index.name());
                }
                if (!index.keys().hashName().equals(def.keys.hashName())) {
                    throw ValidationException.invalidParameter("Index KeySchema does not have the same leading hash key as "
                            + "table KeySchema for index: " + index.name() + ". index hash key: " + index.keys().hashName()
                            + ", table hash key: " + def.keys.hashName());
                }
                if (!indexNames.add(index.name())) {
                    throw ValidationException.invalidParameter("Duplicate index name: " + index.name());
                }
                used.addAll(keyNames(index.keys()));
                def.localIndexes.add(index);
            }
            if (lsis.size() > Limits.MAX_LSIS) {
                throw ValidationException.invalidParameter(
                        "Number of LocalSecondaryIndexes exceeds per-table limit of " + Limits.MAX_LSIS);
            }
        }
        if (gsis != null) {
            if (gsis.isEmpty()) {
                throw ValidationException.invalidParameter("List of GlobalSecondaryIndexes is empty");
            }
            for (JsonNode g : gsis) {
                IndexDef index = index(g, true, attributes, payPerRequest);
                if (!indexNames.add(index.name())) {
                    throw ValidationException.invalidParameter("Duplicate index name: " + index.name());
                }
                used.addAll(keyNames(index.keys()));
                def.globalIndexes.add(index);
            }
            if (gsis.size() > Limits.MAX_GSIS) {
                throw ValidationException.invalidParameter(
                        "GlobalSecondaryIndex count exceeds the per-table limit of " + Limits.MAX_GSIS);
            }
        }
        if (!used.containsAll(attributes.keySet()) || used.size() != attributes.size()) {
            throw ValidationException.invalidParameter("Number of attributes in KeySchema does not exactly match number "
                    + "of attributes defined in AttributeDefinitions");
        }
        if (stream != null && Boolean.TRUE.equals(Constraints.bool(stream, "StreamEnabled"))) {
            String view = Constraints.text(stream, "StreamViewType");
            if (view == null) {
                throw ValidationException.of("StreamSpecification: StreamViewType must be specified when StreamEnabled is true");
            }
            def.streamEnabled = true;
            def.streamViewType = view;
        } else if (stream != null && Constraints.text(stream, "StreamViewType") != null) {
            throw ValidationException.of("StreamSpecification: StreamViewType is specified when StreamEnabled is false");
        }
        JsonNode tags = Constraints.array(in, "Tags");
        if (tags != null) {
            TagActions.checkTags(tags);
            tags.forEach(t -> def.tags.put(t.path("Key").asText(), t.path("Value").asText()));
        }
        def.deletionProtection = Boolean.TRUE.equals(Constraints.bool(in, "DeletionProtectionEnabled"));

        synchronized (tables.ddl) {
            if (tables.find(name).isPresent()) {
                throw ResourceInUseException.tableExists(name);
            }
            if (tables.all().size() >= Limits.MAX_TABLES) {
                throw LimitExceededException.subscriberLimit(Limits.MAX_TABLES);
            }
            def.createdAt = tables.clock.instant();
            def.activeAt = def.createdAt.plus(tables.statusDelay);
            def.tableId = UUID.randomUUID().toString();
            def.arn = "arn:aws:dynamodb:" + tables.region + ":" + tables.accountId + ":table/" + name;
            if (def.streamEnabled) {
                def.streamLabel = StreamLabels.next(tables.clock);
            }
            Table table = new Table(def);
            tables.add(table);
            if (def.streamEnabled) {
                tables.streams.open(def);
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            ObjectNode description = TableDescriptions.describe(table, "CREATING");
            out.set("TableDescription", description);
            return out;
        }
    }

    static void checkThroughputBounds(long read, long write) {
        if (read > 1_000_000_000_000L) {
            throw ValidationException.of("Given value " + read + " for ReadCapacityUnits is out of bounds");
        }
        if (write > 1_000_000_000_000L) {
            throw ValidationException.of("Given value " + write + " for WriteCapacityUnits is out of bounds");
        }
    }

    static void keySchemaConstraints(Constraints c, JsonNode keySchema, String path) {
        if (keySchema == null) {
            c.notNull(null, "KeySchema", path);
            return;
        }
        int n = 1;
        for (JsonNode k : keySchema) {
            String p = path + "." + n++ + ".member";
            String attr = Constraints.text(k, "AttributeName");
            if (attr == null) {
                c.notNull(k, "AttributeName", p + ".attributeName");
            } else if (attr.length() > 255) {
                c.violation(Constraints.quote(attr), p + ".attributeName", "Member must have length less than or equal to 255");
            }
            if (Constraints.text(k, "KeyType") == null) {
                c.notNull(k, "KeyType", p + ".keyType");
            } else {
                c.enumValue(k, "KeyType", p + ".keyType", "HASH", "RANGE");
            }
        }
        c.length(keySchema, () -> render(keySchema), path, 1, 2);
    }

    static void throughputConstraints(Constraints c, JsonNode throughput, String path) {
        if (throughput == null) {
            return;
        }
        for (String member : List.of("WriteCapacityUnits", "ReadCapacityUnits")) {
            JsonNode v = throughput.get(member);
            String p = path + "." + Constraints.path(member);
            if (v == null || v.isNull()) {
                c.violation("null", p, "Member must not be null");
            } else if (!v.isNumber()) {
                throw AttributeJson.typeError(v, "Long");
            } else if (v.asLong() < 1) {
                c.violation(Constraints.quote(Long.toString(v.asLong())), p, "Member must have value greater than or equal to 1");
            }
        }
    }

    private static void indexConstraints(Constraints c, JsonNode indexes, String path) {
        if (indexes == null) {
            return;
        }
        int n = 1;
        for (JsonNode i : indexes) {
            indexConstraint(c, i, path + "." + n++ + ".member");
        }
    }

    /** The constraints of one index definition (CreateTable's indexes, UpdateTable's Create). */
    static void indexConstraint(Constraints c, JsonNode i, String p) {
        if (Constraints.text(i, "IndexName") == null) {
            c.notNull(i, "IndexName", p + ".indexName");
        } else {
            c.indexName(i, "IndexName", p + ".indexName");
        }
        keySchemaConstraints(c, Constraints.array(i, "KeySchema"), p + ".keySchema");
        JsonNode projection = Constraints.object(i, "Projection");
        if (projection == null) {
            c.notNull(i, "Projection", p + ".projection");
        } else {
            c.enumValue(projection, "ProjectionType", p + ".projection.projectionType", "ALL", "INCLUDE", "KEYS_ONLY");
            JsonNode nonKey = Constraints.array(projection, "NonKeyAttributes");
            c.length(nonKey, () -> render(nonKey), p + ".projection.nonKeyAttributes", 1, 20);
        }
        throughputConstraints(c, Constraints.object(i, "ProvisionedThroughput"), p + ".provisionedThroughput");
    }

    static String render(JsonNode list) {
        if (list == null) {
            return "null";
        }
        List<String> parts = new ArrayList<>();
        list.forEach(x -> parts.add(x.isTextual() ? x.textValue() : x.toString()));
        return "'[" + String.join(", ", parts) + "]'";
    }

    /** Builds a key schema, checking it against the attribute definitions as DynamoDB does. */
    static KeySchema keySchema(JsonNode keySchema, Map<String, String> attributes, List<String> definedNames) {
        List<String> names = new ArrayList<>();
        keySchema.forEach(k -> names.add(k.get("AttributeName").asText()));
        for (String n : names) {
            if (!attributes.containsKey(n)) {
                throw ValidationException.invalidParameter("Some index key attributes are not defined in "
                        + "AttributeDefinitions. Keys: [" + String.join(", ", names) + "], AttributeDefinitions: ["
                        + String.join(", ", definedNames) + "]");
            }
        }
        if (names.size() == 2 && names.get(0).equals(names.get(1))) {
            throw ValidationException.of("Both the Hash Key and the Range Key element in the KeySchema have the same name");
        }
        if (!keySchema.get(0).get("KeyType").asText().equals("HASH")) {
            throw ValidationException.of("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        }
        if (names.size() == 2 && !keySchema.get(1).get("KeyType").asText().equals("RANGE")) {
            throw ValidationException.of("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
        }
        String hash = names.get(0);
        Optional<String> range = names.size() == 2 ? Optional.of(names.get(1)) : Optional.empty();
        return new KeySchema(hash, attributes.get(hash), range, range.map(attributes::get));
    }

    static IndexDef index(JsonNode i, boolean global, Map<String, String> attributes, boolean payPerRequest) {
        String name = i.get("IndexName").asText();
        KeySchema keys = keySchema(i.get("KeySchema"), attributes, List.copyOf(attributes.keySet()));
        JsonNode projection = i.get("Projection");
        String type = Constraints.text(projection, "ProjectionType");
        if (type == null) {
            throw ValidationException.invalidParameter("Unknown ProjectionType: null");
        }
        List<String> nonKey = new ArrayList<>();
        JsonNode nk = projection.get("NonKeyAttributes");
        if (nk != null && !nk.isNull()) {
            if (!type.equals("INCLUDE")) {
                throw ValidationException.invalidParameter("ProjectionType is " + type + ", but NonKeyAttributes is specified");
            }
            nk.forEach(x -> nonKey.add(x.asText()));
        }
        long read = 0;
        long write = 0;
        JsonNode pt = Constraints.object(i, "ProvisionedThroughput");
        if (global) {
            if (payPerRequest && pt != null) {
                throw ValidationException.invalidParameter("ProvisionedThroughput should not be specified for index: "
                        + name + " when BillingMode is PAY_PER_REQUEST");
            }
            if (!payPerRequest && pt == null) {
                throw ValidationException.invalidParameter("ProvisionedThroughput must be specified for index: " + name);
            }
            if (pt != null) {
                read = pt.path("ReadCapacityUnits").asLong();
                write = pt.path("WriteCapacityUnits").asLong();
                checkThroughputBounds(read, write);
            }
        }
        return new IndexDef(name, global, keys, type, List.copyOf(nonKey), read, write);
    }

    private static List<String> keyNames(KeySchema k) {
        List<String> names = new ArrayList<>();
        names.add(k.hashName());
        k.rangeName().ifPresent(names::add);
        return names;
    }
}
