package dev.slipway.dynamodb.expression;

import dev.slipway.dynamodb.error.ValidationException;
import dev.slipway.dynamodb.model.AttributeValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Records which ExpressionAttributeNames and ExpressionAttributeValues the expressions of one
 * request used. DynamoDB checks usage across all of a request's expressions together (a value
 * may be used only by the ConditionExpression and a name only by the UpdateExpression), so the
 * engine creates one tracker per request, passes it to every {@link Expressions} call, then calls
 * {@link #verifyAllUsed(Map, Map)}. Not thread-safe: one request, one thread.
 */
public final class UsageTracker {
    private final Set<String> names = new HashSet<>();
    private final Set<String> values = new HashSet<>();

    public UsageTracker() {
    }

    void usedName(String placeholder) {
        names.add(placeholder);
    }

    void usedValue(String placeholder) {
        values.add(placeholder);
    }

    /**
     * Throws DynamoDB's "Value provided in ExpressionAttributeNames unused in expressions: keys: {#x}"
     * (names are checked before values), listing unused keys in the order the request gave them.
     * Null maps count as empty.
     */
    public void verifyAllUsed(Map<String, String> expressionAttributeNames,
                              Map<String, AttributeValue> expressionAttributeValues) throws ValidationException {
        List<String> unusedNames = unused(expressionAttributeNames == null ? Set.of() : expressionAttributeNames.keySet(), names);
        if (!unusedNames.isEmpty()) {
            throw ExpressionErrors.unusedNames(unusedNames);
        }
        List<String> unusedValues = unused(expressionAttributeValues == null ? Set.of() : expressionAttributeValues.keySet(), values);
        if (!unusedValues.isEmpty()) {
            throw ExpressionErrors.unusedValues(unusedValues);
        }
    }

    private static List<String> unused(Set<String> given, Set<String> used) {
        List<String> result = new ArrayList<>();
        for (String key : given) {
            if (!used.contains(key)) {
                result.add(key);
            }
        }
        return result;
    }
}
