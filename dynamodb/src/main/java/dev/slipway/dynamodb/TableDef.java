package dev.slipway.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table's definition and settings: everything DescribeTable reports except the live figures.
 * Mutated only under the table's write lock; {@link #toJson}/{@link #fromJson} is the persisted form.
 */
final class TableDef {
    String name;
    String tableId;
    String arn;
    Instant createdAt;
    Instant activeAt;
    Map<String, String> attributeDefinitions = new LinkedHashMap<>();
    KeySchema keys;
    List<IndexDef> localIndexes = new ArrayList<>();
    List<IndexDef> globalIndexes = new ArrayList<>();
    String billingMode = "PROVISIONED";
    long readUnits;
    long writeUnits;
    boolean streamEnabled;
    String streamViewType;
    String streamLabel;
    String ttlAttribute;
    boolean ttlEnabled;
    String tableClass = "STANDARD";
    boolean deletionProtection;
    Map<String, String> tags = new LinkedHashMap<>();

    Optional<IndexDef> index(String indexName) {
        for (IndexDef i : localIndexes) {
            if (i.name().equals(indexName)) {
                return Optional.of(i);
            }
        }
        for (IndexDef i : globalIndexes) {
            if (i.name().equals(indexName)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    List<IndexDef> allIndexes() {
        List<IndexDef> all = new ArrayList<>(localIndexes);
        all.addAll(globalIndexes);
        return all;
    }

    String streamArn() {
        return streamEnabled || streamLabel != null ? arn + "/stream/" + streamLabel : null;
    }

    ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("name", name).put("tableId", tableId).put("arn", arn)
                .put("createdAt", createdAt.toEpochMilli()).put("activeAt", activeAt.toEpochMilli())
                .put("billingMode", billingMode).put("readUnits", readUnits).put("writeUnits", writeUnits)
                .put("streamEnabled", streamEnabled).put("streamViewType", streamViewType).put("streamLabel", streamLabel)
                .put("ttlAttribute", ttlAttribute).put("ttlEnabled", ttlEnabled).put("tableClass", tableClass)
                .put("deletionProtection", deletionProtection);
        ObjectNode defs = o.putObject("attributeDefinitions");
        attributeDefinitions.forEach(defs::put);
        o.set("keys", keysJson(keys));
        o.set("localIndexes", indexesJson(localIndexes));
        o.set("globalIndexes", indexesJson(globalIndexes));
        ObjectNode t = o.putObject("tags");
        tags.forEach(t::put);
        return o;
    }

    static TableDef fromJson(JsonNode o) {
        TableDef d = new TableDef();
        d.name = o.path("name").asText();
        d.tableId = o.path("tableId").asText();
        d.arn = o.path("arn").asText();
        d.createdAt = Instant.ofEpochMilli(o.path("createdAt").asLong());
        d.activeAt = Instant.ofEpochMilli(o.path("activeAt").asLong());
        d.billingMode = o.path("billingMode").asText();
        d.readUnits = o.path("readUnits").asLong();
        d.writeUnits = o.path("writeUnits").asLong();
        d.streamEnabled = o.path("streamEnabled").asBoolean();
        d.streamViewType = o.path("streamViewType").textValue();
        d.streamLabel = o.path("streamLabel").textValue();
        d.ttlAttribute = o.path("ttlAttribute").textValue();
        d.ttlEnabled = o.path("ttlEnabled").asBoolean();
        d.tableClass = o.path("tableClass").asText("STANDARD");
        d.deletionProtection = o.path("deletionProtection").asBoolean();
        o.path("attributeDefinitions").fields().forEachRemaining(e -> d.attributeDefinitions.put(e.getKey(), e.getValue().asText()));
        d.keys = keysFrom(o.path("keys"));
        o.path("localIndexes").forEach(i -> d.localIndexes.add(indexFrom(i)));
        o.path("globalIndexes").forEach(i -> d.globalIndexes.add(indexFrom(i)));
        o.path("tags").fields().forEachRemaining(e -> d.tags.put(e.getKey(), e.getValue().asText()));
        return d;
    }

    private static ObjectNode keysJson(KeySchema k) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("hashName", k.hashName()).put("hashType", k.hashType());
        k.rangeName().ifPresent(r -> o.put("rangeName", r));
        k.rangeType().ifPresent(r -> o.put("rangeType", r));
        return o;
    }

    private static KeySchema keysFrom(JsonNode o) {
        return new KeySchema(o.path("hashName").asText(), o.path("hashType").asText(),
                Optional.ofNullable(o.path("rangeName").textValue()), Optional.ofNullable(o.path("rangeType").textValue()));
    }

    private static ArrayNode indexesJson(List<IndexDef> indexes) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (IndexDef i : indexes) {
            ObjectNode o = a.addObject();
            o.put("name", i.name()).put("global", i.global()).put("projectionType", i.projectionType())
                    .put("readUnits", i.readUnits()).put("writeUnits", i.writeUnits());
            o.set("keys", keysJson(i.keys()));
            ArrayNode nk = o.putArray("nonKeyAttributes");
            i.nonKeyAttributes().forEach(nk::add);
        }
        return a;
    }

    private static IndexDef indexFrom(JsonNode o) {
        List<String> nonKey = new ArrayList<>();
        o.path("nonKeyAttributes").forEach(n -> nonKey.add(n.asText()));
        return new IndexDef(o.path("name").asText(), o.path("global").asBoolean(), keysFrom(o.path("keys")),
                o.path("projectionType").asText(), List.copyOf(nonKey), o.path("readUnits").asLong(),
                o.path("writeUnits").asLong());
    }
}
