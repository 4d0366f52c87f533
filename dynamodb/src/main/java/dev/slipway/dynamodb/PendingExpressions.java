package dev.slipway.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.dynamodb.error.NotImplementedException;
import dev.slipway.dynamodb.model.AttributeValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Stand-in for requests that carry no expression at all; any expression or legacy
 * condition parameter is answered with an error naming it until the expression package is wired.
 */
final class PendingExpressions implements Expressions {
    private static final List<String> MEMBERS = List.of("ConditionExpression", "KeyConditionExpression",
            "FilterExpression", "ProjectionExpression", "UpdateExpression", "Expected", "AttributeUpdates",
            "KeyConditions", "QueryFilter", "ScanFilter", "AttributesToGet");

    @Override
    public Compiled compile(JsonNode request) {
        for (String m : MEMBERS) {
            if (request.hasNonNull(m)) {
                throw NotImplementedException.action(m);
            }
        }
        return NONE;
    }

    static final Compiled NONE = new Compiled() {
        public boolean condition(Map<String, AttributeValue> item) {
            return true;
        }

        public boolean filter(Map<String, AttributeValue> item) {
            return true;
        }

        public boolean hasProjection() {
            return false;
        }

        public Set<String> projectedAttributes() {
            return Set.of();
        }

        public Map<String, AttributeValue> project(Map<String, AttributeValue> item) {
            return item;
        }

        public boolean hasUpdate() {
            return false;
        }

        public Map<String, AttributeValue> update(Map<String, AttributeValue> item) {
            return item;
        }

        public Optional<List<KeyPart>> keyCondition() {
            return Optional.empty();
        }
    };
}
