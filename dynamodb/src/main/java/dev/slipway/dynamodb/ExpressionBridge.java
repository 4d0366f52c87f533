package dev.slipway.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.dynamodb.error.ValidationException;
import dev.slipway.dynamodb.expression.Condition;
import dev.slipway.dynamodb.expression.KeyCondition;
import dev.slipway.dynamodb.expression.LegacyCondition;
import dev.slipway.dynamodb.expression.LegacyParameters;
import dev.slipway.dynamodb.expression.LegacyUpdate;
import dev.slipway.dynamodb.expression.Projection;
import dev.slipway.dynamodb.expression.Update;
import dev.slipway.dynamodb.expression.UsageTracker;
import dev.slipway.dynamodb.model.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link Expressions} on top of the expression package's facade
 * ({@link dev.slipway.dynamodb.expression.Expressions}): decodes ExpressionAttributeNames/Values,
 * checks DynamoDB's request-level rules about them, builds each expression with one
 * {@link UsageTracker}, then verifies every name and value was used.
 */
final class ExpressionBridge implements Expressions {
    private static final List<String> EXPRESSIONS = List.of("ConditionExpression", "KeyConditionExpression",
            "FilterExpression", "ProjectionExpression", "UpdateExpression");
    private static final List<String> LEGACY = List.of("Expected", "AttributeUpdates", "KeyConditions", "QueryFilter",
            "ScanFilter", "AttributesToGet", "ConditionalOperator");

    static Expressions create() {
        return new ExpressionBridge();
    }

    @Override
    public Compiled compile(JsonNode in, KeySchema queryKeys) {
        List<String> expressions = present(in, EXPRESSIONS);
        List<String> legacy = present(in, LEGACY);
        if (!expressions.isEmpty() && !legacy.isEmpty()) {
            throw ValidationException.of("Can not use both expression and non-expression parameters in the same request: "
                    + "Non-expression parameters: {" + String.join(", ", legacy) + "} Expression parameters: {"
                    + String.join(", ", expressions) + "}");
        }
        if (!legacy.isEmpty()) {
            if (in.hasNonNull("ExpressionAttributeNames")) {
                throw ValidationException.of("ExpressionAttributeNames can only be specified when using expressions");
            }
            if (in.hasNonNull("ExpressionAttributeValues")) {
                throw ValidationException.of("ExpressionAttributeValues can only be specified when using expressions");
            }
            return legacy(in, queryKeys);
        }
        JsonNode namesNode = Constraints.object(in, "ExpressionAttributeNames");
        JsonNode valuesNode = Constraints.object(in, "ExpressionAttributeValues");
        if (namesNode != null && namesNode.isEmpty()) {
            throw ValidationException.of("ExpressionAttributeNames must not be empty");
        }
        if (valuesNode != null && valuesNode.isEmpty()) {
            throw ValidationException.of("ExpressionAttributeValues must not be empty");
        }
        if (namesNode != null && expressions.isEmpty()) {
            throw ValidationException.of("ExpressionAttributeNames can only be specified when using expressions");
        }
        if (valuesNode != null && expressions.isEmpty()) {
            throw ValidationException.of("ExpressionAttributeValues can only be specified when using expressions");
        }
        if (expressions.isEmpty()) {
            return NONE;
        }
        Map<String, String> names = null;
        if (namesNode != null) {
            names = new LinkedHashMap<>();
            for (var it = namesNode.fields(); it.hasNext(); ) {
                var e = it.next();
                names.put(e.getKey(), AttributeJson.string(e.getValue()));
            }
        }
        Map<String, AttributeValue> values = null;
        if (valuesNode != null) {
            values = new LinkedHashMap<>();
            for (var it = valuesNode.fields(); it.hasNext(); ) {
                var e = it.next();
                try {
                    values.put(e.getKey(), AttributeJson.value(e.getValue()));
                } catch (ValidationException x) {
                    throw ValidationException.of("ExpressionAttributeValues contains invalid value: " + x.getMessage()
                            + " for key " + e.getKey());
                }
            }
        }
        dev.slipway.dynamodb.expression.Expressions.checkPlaceholderKeys(names, values);
        UsageTracker usage = new UsageTracker();
        String text;
        Condition condition = (text = Constraints.text(in, "ConditionExpression")) == null ? null
                : dev.slipway.dynamodb.expression.Expressions.condition(text, names, values, usage);
        KeyCondition key = null;
        if ((text = Constraints.text(in, "KeyConditionExpression")) != null && queryKeys != null) {
            key = dev.slipway.dynamodb.expression.Expressions.keyCondition(text, names, values, usage,
                    queryKeys.hashName(), queryKeys.rangeName());
        }
        Condition filter = (text = Constraints.text(in, "FilterExpression")) == null ? null
                : dev.slipway.dynamodb.expression.Expressions.filter(text, names, values, usage);
        if (filter != null && queryKeys != null) {
            for (String attribute : filter.topLevelAttributes()) {
                if (queryKeys.isKeyAttribute(attribute)) {
                    throw ValidationException.of("Filter Expression can only contain non-primary key attributes: "
                            + "Primary key attribute: " + attribute);
                }
            }
        }
        Projection projection = (text = Constraints.text(in, "ProjectionExpression")) == null ? null
                : dev.slipway.dynamodb.expression.Expressions.projection(text, names, usage);
        Update update = (text = Constraints.text(in, "UpdateExpression")) == null ? null
                : dev.slipway.dynamodb.expression.Expressions.update(text, names, values, usage);
        usage.verifyAllUsed(names, values);
        return new Bound(condition, filter, projection, update, key);
    }

    /** The pre-expression parameters, converted by the expression package into the same objects. */
    private static Compiled legacy(JsonNode in, KeySchema queryKeys) {
        Optional<String> operator = Optional.ofNullable(Constraints.text(in, "ConditionalOperator"));
        Condition condition = in.hasNonNull("Expected")
                ? LegacyParameters.expected(conditions(Constraints.object(in, "Expected"), true), operator) : null;
        JsonNode filterNode = in.hasNonNull("QueryFilter") ? in.get("QueryFilter") : in.get("ScanFilter");
        Condition filter = filterNode == null || filterNode.isNull() ? null
                : LegacyParameters.filter(conditions(filterNode, false), operator);
        KeyCondition key = in.hasNonNull("KeyConditions") && queryKeys != null
                ? LegacyParameters.keyConditions(conditions(Constraints.object(in, "KeyConditions"), false),
                        queryKeys.hashName(), queryKeys.rangeName()) : null;
        Update update = null;
        JsonNode updates = Constraints.object(in, "AttributeUpdates");
        if (updates != null) {
            Map<String, LegacyUpdate> m = new LinkedHashMap<>();
            updates.fields().forEachRemaining(e -> m.put(e.getKey(), new LegacyUpdate(
                    Optional.ofNullable(e.getValue().get("Value")).filter(v -> !v.isNull()).map(AttributeJson::value),
                    Optional.ofNullable(Constraints.text(e.getValue(), "Action")))));
            update = LegacyParameters.attributeUpdates(m);
        }
        Projection projection = null;
        JsonNode toGet = Constraints.array(in, "AttributesToGet");
        if (toGet != null) {
            List<String> names = new ArrayList<>();
            toGet.forEach(n -> names.add(AttributeJson.string(n)));
            projection = LegacyParameters.attributesToGet(names);
        }
        return new Bound(condition, filter, projection, update, key);
    }

    private static Map<String, LegacyCondition> conditions(JsonNode node, boolean expected) {
        AttributeJson.requireObject(node);
        Map<String, LegacyCondition> m = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            JsonNode c = e.getValue();
            Optional<List<AttributeValue>> list = Optional.ofNullable(Constraints.array(c, "AttributeValueList"))
                    .map(a -> {
                        List<AttributeValue> values = new ArrayList<>();
                        a.forEach(v -> values.add(AttributeJson.value(v)));
                        return values;
                    });
            Optional<AttributeValue> value = Optional.ofNullable(c.get("Value")).filter(v -> !v.isNull()).map(AttributeJson::value);
            Optional<Boolean> exists = Optional.ofNullable(Constraints.bool(c, "Exists"));
            m.put(e.getKey(), new LegacyCondition(Optional.ofNullable(Constraints.text(c, "ComparisonOperator")), list,
                    expected ? value : Optional.empty(), expected ? exists : Optional.empty()));
        });
        return m;
    }

    private static List<String> present(JsonNode in, List<String> members) {
        List<String> found = new ArrayList<>();
        for (String m : members) {
            if (in.hasNonNull(m)) {
                found.add(m);
            }
        }
        return found;
    }

    private record Bound(Condition condition, Condition filterCondition, Projection projection, Update updateExpression,
            KeyCondition key) implements Compiled {
        public boolean condition(Map<String, AttributeValue> item) {
            return condition == null || condition.test(item);
        }

        public boolean filter(Map<String, AttributeValue> item) {
            return filterCondition == null || filterCondition.test(item);
        }

        public Set<String> projectedAttributes() {
            return projection == null ? Set.of() : projection.topLevelAttributes();
        }

        public Map<String, AttributeValue> project(Map<String, AttributeValue> item) {
            return projection == null ? item : projection.apply(item);
        }

        public boolean hasUpdate() {
            return updateExpression != null;
        }

        public Map<String, AttributeValue> update(Map<String, AttributeValue> item) {
            return updateExpression == null ? item : updateExpression.apply(item);
        }

        public Set<String> updatedTopLevelAttributes() {
            return updateExpression == null ? Set.of() : updateExpression.touchedTopLevelAttributes();
        }

        public Map<String, AttributeValue> updatedParts(Map<String, AttributeValue> item) {
            return updateExpression == null ? Map.of() : updateExpression.updatedAttributes(item);
        }

        public Optional<QueryKey> keyCondition() {
            if (key == null) {
                return Optional.empty();
            }
            return Optional.of(new QueryKey(key.hashValue(), key.range().map(r -> new KeyPart(r.attributeName(),
                    r.operator().name(), r.operands()))));
        }
    }

    private static final Compiled NONE = new Bound(null, null, null, null, null);
}
