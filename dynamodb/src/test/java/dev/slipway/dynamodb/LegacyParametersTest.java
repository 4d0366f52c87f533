package dev.slipway.dynamodb;

import static dev.slipway.dynamodb.Errors.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;

/** The pre-expression parameters still used by older SDK code (DynamoDBMapper and friends). */
class LegacyParametersTest extends ServerFixture {

    @Test
    void expected_attributeUpdates_keyConditions_scanFilter_attributesToGet() {
        String t = table("legacy", true);
        ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "sk", "1", "v", 1))
                .expected(Map.of("pk", ExpectedAttributeValue.builder().exists(false).build())));
        assertFails(() -> ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "sk", "1", "v", 9))
                        .expected(Map.of("pk", ExpectedAttributeValue.builder().exists(false).build()))),
                "ConditionalCheckFailedException", "The conditional request failed");
        ddb.updateItem(b -> b.tableName(t).key(item("pk", "a", "sk", "1")).attributeUpdates(Map.of("v",
                AttributeValueUpdate.builder().action(AttributeAction.ADD).value(n("4")).build())));
        ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "sk", "2", "v", 2)));
        var q = ddb.query(b -> b.tableName(t).keyConditions(Map.of(
                "pk", Condition.builder().comparisonOperator(ComparisonOperator.EQ).attributeValueList(s("a")).build(),
                "sk", Condition.builder().comparisonOperator(ComparisonOperator.GE).attributeValueList(s("1")).build()))
                .attributesToGet("sk", "v"));
        assertThat(q.items()).containsExactly(item("sk", "1", "v", 5), item("sk", "2", "v", 2));
        var scan = ddb.scan(b -> b.tableName(t).scanFilter(Map.of("v", Condition.builder()
                .comparisonOperator(ComparisonOperator.GT).attributeValueList(n("3")).build())));
        assertThat(strings(scan.items(), "sk")).containsExactly("1");
    }

    @Test
    void mixingLegacyAndExpressionParameters_fails() {
        String t = table("legacy", false);
        assertFails(() -> ddb.getItem(b -> b.tableName(t).key(item("pk", "a")).attributesToGet("x").projectionExpression("y")),
                "ValidationException", "Can not use both expression and non-expression parameters in the same request: "
                        + "Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}");
    }
}
