package dev.slipway.dynamodb.expression;

import dev.slipway.dynamodb.model.AttributeValue;
import java.util.List;
import java.util.Optional;

/**
 * One entry of a legacy condition map: {@code Expected} (ExpectedAttributeValue: Value, Exists,
 * ComparisonOperator, AttributeValueList) or {@code KeyConditions}/{@code QueryFilter}/
 * {@code ScanFilter} (Condition: ComparisonOperator, AttributeValueList; Value and Exists empty).
 */
public record LegacyCondition(Optional<String> comparisonOperator, Optional<List<AttributeValue>> attributeValueList,
                              Optional<AttributeValue> value, Optional<Boolean> exists) {

    /** A Condition (KeyConditions, QueryFilter, ScanFilter entry). */
    public static LegacyCondition of(String comparisonOperator, List<AttributeValue> attributeValueList) {
        return new LegacyCondition(Optional.of(comparisonOperator), Optional.of(attributeValueList), Optional.empty(), Optional.empty());
    }

    /** An ExpectedAttributeValue in its oldest form: {@code {Value: v}} or {@code {Exists: false}}. */
    public static LegacyCondition expected(Optional<AttributeValue> value, Optional<Boolean> exists) {
        return new LegacyCondition(Optional.empty(), Optional.empty(), value, exists);
    }
}
