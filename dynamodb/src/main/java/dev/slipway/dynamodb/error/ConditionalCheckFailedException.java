package dev.slipway.dynamodb.error;

import dev.slipway.dynamodb.model.AttributeValue;
import java.util.Map;
import java.util.Optional;

/**
 * A condition of a write failed. Carries the item as it was when ReturnValuesOnConditionCheckFailure
 * is ALL_OLD (the wire codec renders it as {@code Item}).
 */
public final class ConditionalCheckFailedException extends DynamoDbException {
    private final Map<String, AttributeValue> item;

    private ConditionalCheckFailedException(Map<String, AttributeValue> item) {
        super("ConditionalCheckFailedException", "The conditional request failed", 400);
        this.item = item;
    }

    public static ConditionalCheckFailedException conditionFailed() {
        return new ConditionalCheckFailedException(null);
    }

    public static ConditionalCheckFailedException withItem(Map<String, AttributeValue> item) {
        return new ConditionalCheckFailedException(item);
    }

    /** The existing item, when the request asked for it with ReturnValuesOnConditionCheckFailure=ALL_OLD. */
    public Optional<Map<String, AttributeValue>> item() {
        return Optional.ofNullable(item);
    }
}
