package dev.slipway.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.slipway.dynamodb.error.ResourceNotFoundException;
import dev.slipway.protocol.Json;
import dev.slipway.protocol.spi.ResourceProvider;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * AWS::DynamoDB::Table: creates the table through CreateTable; updates billing, throughput,
 * GSIs (added and removed), streams, TTL and tags in place; {@code Ref} is the table name,
 * {@code Fn::GetAtt} gives Arn and StreamArn.
 */
final class TableResourceProvider implements ResourceProvider {
    private final DynamoDbEngine engine;

    TableResourceProvider(DynamoDbEngine engine) {
        this.engine = engine;
    }

    @Override
    public String type() {
        return "AWS::DynamoDB::Table";
    }

    @Override
    public Set<String> createOnlyProperties() {
        return Set.of("TableName", "KeySchema", "LocalSecondaryIndexes");
    }

    @Override
    public Result create(Request request) {
        ObjectNode p = request.properties();
        String name = p.hasNonNull("TableName") ? p.get("TableName").asText()
                : generatedName(request.stackName(), request.logicalId());
        ObjectNode create = Json.MAPPER.createObjectNode().put("TableName", name);
        for (String member : new String[] {"AttributeDefinitions", "KeySchema", "BillingMode", "ProvisionedThroughput",
                "GlobalSecondaryIndexes", "LocalSecondaryIndexes", "Tags", "DeletionProtectionEnabled"}) {
            if (p.hasNonNull(member)) {
                create.set(member, p.get(member));
            }
        }
        if (!p.hasNonNull("BillingMode") && !p.hasNonNull("ProvisionedThroughput")) {
            create.put("BillingMode", "PAY_PER_REQUEST");
        }
        JsonNode stream = p.get("StreamSpecification");
        if (stream != null && stream.hasNonNull("StreamViewType")) {
            create.putObject("StreamSpecification").put("StreamEnabled", true)
                    .put("StreamViewType", stream.get("StreamViewType").asText());
        }
        engine.execute("CreateTable", create);
        JsonNode ttl = p.get("TimeToLiveSpecification");
        if (ttl != null && ttl.path("Enabled").asBoolean()) {
            updateTtl(name, ttl);
        }
        return result(name);
    }

    @Override
    public Result update(Request request) {
        String name = request.physicalId().orElseThrow();
        ObjectNode p = request.properties();
        ObjectNode before = request.previousProperties().orElse(Json.MAPPER.createObjectNode());
        ObjectNode update = Json.MAPPER.createObjectNode().put("TableName", name);
        boolean changed = false;
        String billing = p.path("BillingMode").asText("PAY_PER_REQUEST".equals(before.path("BillingMode").asText(null))
                || !p.hasNonNull("ProvisionedThroughput") ? "PAY_PER_REQUEST" : "PROVISIONED");
        if (!billing.equals(before.path("BillingMode").asText(billing)) || !p.path("ProvisionedThroughput")
                .equals(before.path("ProvisionedThroughput"))) {
            update.put("BillingMode", billing);
            if (billing.equals("PROVISIONED")) {
                update.set("ProvisionedThroughput", p.get("ProvisionedThroughput"));
            }
            changed = true;
        }
        Map<String, JsonNode> oldGsis = byName(before.get("GlobalSecondaryIndexes"));
        Map<String, JsonNode> newGsis = byName(p.get("GlobalSecondaryIndexes"));
        ArrayNode gsiUpdates = Json.MAPPER.createArrayNode();
        oldGsis.keySet().stream().filter(n -> !newGsis.containsKey(n))
                .forEach(n -> gsiUpdates.addObject().putObject("Delete").put("IndexName", n));
        newGsis.forEach((n, spec) -> {
            if (!oldGsis.containsKey(n)) {
                gsiUpdates.addObject().set("Create", spec);
            }
        });
        if (!gsiUpdates.isEmpty()) {
            update.set("AttributeDefinitions", p.get("AttributeDefinitions"));
            update.set("GlobalSecondaryIndexUpdates", gsiUpdates);
            changed = true;
        }
        String oldView = before.path("StreamSpecification").path("StreamViewType").asText(null);
        String newView = p.path("StreamSpecification").path("StreamViewType").asText(null);
        if (oldView != null && !oldView.equals(newView)) {
            engine.execute("UpdateTable", Json.MAPPER.createObjectNode().put("TableName", name)
                    .set("StreamSpecification", Json.MAPPER.createObjectNode().put("StreamEnabled", false)));
        }
        if (newView != null && !newView.equals(oldView)) {
            update.putObject("StreamSpecification").put("StreamEnabled", true).put("StreamViewType", newView);
            changed = true;
        }
        if (changed) {
            engine.execute("UpdateTable", update);
        }
        JsonNode ttl = p.get("TimeToLiveSpecification");
        boolean wasEnabled = before.path("TimeToLiveSpecification").path("Enabled").asBoolean();
        boolean enabled = ttl != null && ttl.path("Enabled").asBoolean();
        if (wasEnabled != enabled) {
            updateTtl(name, enabled ? ttl : before.get("TimeToLiveSpecification"));
        }
        updateTags(name, before.get("Tags"), p.get("Tags"));
        return result(name);
    }

    @Override
    public void delete(Request request) {
        request.physicalId().ifPresent(name -> {
            try {
                engine.execute("DeleteTable", Json.MAPPER.createObjectNode().put("TableName", name));
            } catch (ResourceNotFoundException alreadyGone) {
                // deleting what is gone is not an error for CloudFormation
            }
        });
    }

    private void updateTtl(String name, JsonNode ttl) {
        ObjectNode r = Json.MAPPER.createObjectNode().put("TableName", name);
        r.putObject("TimeToLiveSpecification").put("AttributeName", ttl.path("AttributeName").asText())
                .put("Enabled", ttl.path("Enabled").asBoolean());
        engine.execute("UpdateTimeToLive", r);
    }

    private void updateTags(String name, JsonNode before, JsonNode after) {
        Map<String, String> old = tags(before);
        Map<String, String> now = tags(after);
        String arn = engine.tableAttributes(name).get("Arn");
        Set<String> removed = new HashSet<>(old.keySet());
        removed.removeAll(now.keySet());
        if (!removed.isEmpty()) {
            ObjectNode r = Json.MAPPER.createObjectNode().put("ResourceArn", arn);
            ArrayNode keys = r.putArray("TagKeys");
            removed.forEach(keys::add);
            engine.execute("UntagResource", r);
        }
        if (!now.isEmpty() && !now.equals(old)) {
            ObjectNode r = Json.MAPPER.createObjectNode().put("ResourceArn", arn);
            ArrayNode t = r.putArray("Tags");
            now.forEach((k, v) -> t.addObject().put("Key", k).put("Value", v));
            engine.execute("TagResource", r);
        }
    }

    private static Map<String, String> tags(JsonNode list) {
        Map<String, String> m = new LinkedHashMap<>();
        if (list != null) {
            list.forEach(t -> m.put(t.path("Key").asText(), t.path("Value").asText()));
        }
        return m;
    }

    private static Map<String, JsonNode> byName(JsonNode indexes) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        if (indexes != null) {
            indexes.forEach(i -> m.put(i.path("IndexName").asText(), i));
        }
        return m;
    }

    private Result result(String name) {
        Map<String, JsonNode> attributes = new HashMap<>();
        engine.tableAttributes(name).forEach((k, v) -> attributes.put(k, TextNode.valueOf(v)));
        return new Result(name, attributes);
    }

    /** CloudFormation's generated names: stack-logicalId-RANDOM, as AWS generates them. */
    private static String generatedName(String stack, String logicalId) {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(java.util.Locale.ROOT);
        String base = stack + "-" + logicalId;
        return (base.length() > 240 ? base.substring(0, 240) : base) + "-" + suffix;
    }

}
