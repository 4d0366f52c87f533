package dev.slipway.dynamodb;

import static dev.slipway.dynamodb.Errors.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

class ItemActionsTest extends ServerFixture {

    @Nested
    class Validation {
        @Test
        void putItem_missingKey_failsNamingIt() {
            String t = table("v", true);
            assertFails(() -> ddb.putItem(b -> b.tableName(t).item(item("pk", "a"))), "ValidationException",
                    "One or more parameter values were invalid: Missing the key sk in the item");
        }

        @Test
        void putItem_keyOfWrongType_failsWithTypeMismatch() {
            String t = table("v", false);
            assertFails(() -> ddb.putItem(b -> b.tableName(t).item(item("pk", 1))), "ValidationException",
                    "One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N");
        }

        @Test
        void getItem_withExtraKeyAttribute_failsWithSchemaMismatch() {
            String t = table("v", false);
            assertFails(() -> ddb.getItem(b -> b.tableName(t).key(item("pk", "a", "x", "y"))), "ValidationException",
                    "The provided key element does not match the schema");
        }

        @Test
        void putItem_emptyStringKey_fails() {
            String t = table("v", false);
            assertFails(() -> ddb.putItem(b -> b.tableName(t).item(item("pk", ""))), "ValidationException",
                    "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an "
                            + "empty string value. Key: pk");
        }

        @Test
        void putItem_overItemSizeLimit_fails() {
            String t = table("v", false);
            assertFails(() -> ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "big", "x".repeat(400 * 1024)))),
                    "ValidationException", "Item size has exceeded the maximum allowed size");
        }

        @Test
        void putItem_numberWithTooManyDigits_fails() {
            String t = table("v", false);
            assertFails(() -> ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "n", n("1" + "2".repeat(38))))),
                    "ValidationException", "Attempting to store more than 38 significant digits in a Number");
        }

        @Test
        void putItem_numberOutOfRange_failsWithOverflowAndUnderflow() {
            String t = table("v", false);
            assertFails(() -> ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "n", n("1E126")))),
                    "ValidationException", "Number overflow. Attempting to store a number with magnitude larger than "
                            + "supported range");
            assertFails(() -> ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "n", n("1E-131")))),
                    "ValidationException", "Number underflow. Attempting to store a number with magnitude smaller than "
                            + "supported range");
        }

        @Test
        void putItem_notANumber_fails() {
            String t = table("v", false);
            assertFails(() -> ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "n", n("abc")))),
                    "ValidationException", "The parameter cannot be converted to a numeric value: abc");
        }

        @Test
        void putItem_emptyStringSet_fails() {
            String t = table("v", false);
            assertFails(() -> ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "ss", AttributeValue.fromSs(java.util.List.of()))))
                    , "ValidationException", "One or more parameter values were invalid: An string set  may not be empty");
        }

        @Test
        void putItem_returnValuesAllNew_isRejected() {
            String t = table("v", false);
            assertFails(() -> ddb.putItem(b -> b.tableName(t).item(item("pk", "a")).returnValues(ReturnValue.ALL_NEW)),
                    "ValidationException", "ReturnValues can only be ALL_OLD or NONE");
        }

        @Test
        void putItem_missingTable_failsWithResourceNotFound() {
            assertFails(() -> ddb.putItem(b -> b.tableName("missing-table").item(item("pk", "a"))),
                    "ResourceNotFoundException", "Requested resource not found");
        }

        @Test
        void updateItem_ofKeyAttribute_fails() {
            String t = table("v", false);
            assertFails(() -> ddb.updateItem(b -> b.tableName(t).key(item("pk", "a")).updateExpression("SET pk = :v")
                            .expressionAttributeValues(Map.of(":v", s("b")))), "ValidationException",
                    "One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key");
        }

        @Test
        void unusedExpressionAttributeValue_fails() {
            String t = table("v", false);
            assertFails(() -> ddb.putItem(b -> b.tableName(t).item(item("pk", "a")).conditionExpression("attribute_not_exists(pk)")
                            .expressionAttributeValues(Map.of(":unused", s("b")))), "ValidationException",
                    "Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}");
        }
    }

    @Nested
    class Behaviour {
        @Test
        void putThenGet_roundTripsEveryType() {
            String t = table("b", false);
            Map<String, AttributeValue> it = item("pk", "a", "s", "x", "n", 42);
            it.put("b", AttributeValue.fromB(SdkBytes.fromUtf8String("bytes")));
            it.put("bool", AttributeValue.fromBool(true));
            it.put("nul", AttributeValue.fromNul(true));
            it.put("l", AttributeValue.fromL(java.util.List.of(s("one"), n("2"))));
            it.put("m", AttributeValue.fromM(Map.of("k", s("v"))));
            it.put("ss", AttributeValue.fromSs(java.util.List.of("x", "y")));
            it.put("ns", AttributeValue.fromNs(java.util.List.of("1", "2.5")));
            it.put("bs", AttributeValue.fromBs(java.util.List.of(SdkBytes.fromUtf8String("q"))));
            ddb.putItem(b -> b.tableName(t).item(it));
            assertThat(ddb.getItem(b -> b.tableName(t).key(item("pk", "a"))).item()).isEqualTo(it);
        }

        @Test
        void numbers_areNormalised() {
            String t = table("b", false);
            ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "x", n("1.50"), "y", n("1e2"), "z", n("-0.000"))));
            Map<String, AttributeValue> got = ddb.getItem(b -> b.tableName(t).key(item("pk", "a"))).item();
            assertThat(got.get("x").n()).isEqualTo("1.5");
            assertThat(got.get("y").n()).isEqualTo("100");
            assertThat(got.get("z").n()).isEqualTo("0");
        }

        @Test
        void getItem_missing_returnsNoItem() {
            String t = table("b", false);
            assertThat(ddb.getItem(b -> b.tableName(t).key(item("pk", "nothing"))).hasItem()).isFalse();
        }

        @Test
        void putItem_returnsOldItemWithAllOld() {
            String t = table("b", false);
            ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "v", 1)));
            var out = ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "v", 2)).returnValues(ReturnValue.ALL_OLD));
            assertThat(out.attributes()).isEqualTo(item("pk", "a", "v", 1));
        }

        @Test
        void conditionalPut_failsAndChangesNothing_withOldItemWhenAsked() {
            String t = table("b", false);
            ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "v", 1)));
            ConditionalCheckFailedException e = (ConditionalCheckFailedException) assertFails(() -> ddb.putItem(b -> b
                            .tableName(t).item(item("pk", "a", "v", 2)).conditionExpression("attribute_not_exists(pk)")
                            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)),
                    "ConditionalCheckFailedException", "The conditional request failed");
            assertThat(e.item()).isEqualTo(item("pk", "a", "v", 1));
            assertThat(ddb.getItem(b -> b.tableName(t).key(item("pk", "a"))).item()).isEqualTo(item("pk", "a", "v", 1));
        }

        @Test
        void updateItem_createsMissingItemAndReturnsUpdatedNew() {
            String t = table("b", false);
            var out = ddb.updateItem(b -> b.tableName(t).key(item("pk", "a"))
                    .updateExpression("SET #c = if_not_exists(#c, :zero) + :one, tags = list_append(if_not_exists(tags, :empty), :t)")
                    .expressionAttributeNames(Map.of("#c", "count"))
                    .expressionAttributeValues(Map.of(":zero", n("0"), ":one", n("1"), ":empty", AttributeValue.fromL(java.util.List.of()),
                            ":t", AttributeValue.fromL(java.util.List.of(s("x")))))
                    .returnValues(ReturnValue.UPDATED_NEW));
            assertThat(out.attributes().get("count").n()).isEqualTo("1");
            assertThat(out.attributes()).containsOnlyKeys("count", "tags");
            ddb.updateItem(b -> b.tableName(t).key(item("pk", "a")).updateExpression("ADD #c :one REMOVE tags")
                    .expressionAttributeNames(Map.of("#c", "count")).expressionAttributeValues(Map.of(":one", n("1"))));
            assertThat(ddb.getItem(b -> b.tableName(t).key(item("pk", "a"))).item()).isEqualTo(item("pk", "a", "count", 2));
        }

        @Test
        void updateItem_allOldAndUpdatedOld() {
            String t = table("b", false);
            ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "x", 1, "y", 2)));
            var out = ddb.updateItem(b -> b.tableName(t).key(item("pk", "a")).updateExpression("SET x = :v")
                    .expressionAttributeValues(Map.of(":v", n("5"))).returnValues(ReturnValue.UPDATED_OLD));
            assertThat(out.attributes()).isEqualTo(item("x", 1));
            var all = ddb.updateItem(b -> b.tableName(t).key(item("pk", "a")).updateExpression("SET x = :v")
                    .expressionAttributeValues(Map.of(":v", n("6"))).returnValues(ReturnValue.ALL_OLD));
            assertThat(all.attributes()).isEqualTo(item("pk", "a", "x", 5, "y", 2));
        }

        @Test
        void deleteItem_withCondition() {
            String t = table("b", false);
            ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "v", 1)));
            assertFails(() -> ddb.deleteItem(b -> b.tableName(t).key(item("pk", "a")).conditionExpression("v = :two")
                            .expressionAttributeValues(Map.of(":two", n("2")))),
                    "ConditionalCheckFailedException", "The conditional request failed");
            var out = ddb.deleteItem(b -> b.tableName(t).key(item("pk", "a")).conditionExpression("v = :one")
                    .expressionAttributeValues(Map.of(":one", n("1"))).returnValues(ReturnValue.ALL_OLD));
            assertThat(out.attributes()).isEqualTo(item("pk", "a", "v", 1));
            assertThat(ddb.getItem(b -> b.tableName(t).key(item("pk", "a"))).hasItem()).isFalse();
        }

        @Test
        void getItem_withProjectionExpression() {
            String t = table("b", false);
            ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "x", 1, "y", 2)));
            var got = ddb.getItem(b -> b.tableName(t).key(item("pk", "a")).projectionExpression("y"));
            assertThat(got.item()).isEqualTo(item("y", 2));
        }

        @Test
        void consumedCapacity_countsStartedKilobytesForWritesAndFourKilobytesForReads() {
            String t = table("cap", false);
            var put = ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "v", "x".repeat(1500)))
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
            assertThat(put.consumedCapacity().capacityUnits()).isEqualTo(2.0);
            var eventual = ddb.getItem(b -> b.tableName(t).key(item("pk", "a")).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
            assertThat(eventual.consumedCapacity().capacityUnits()).isEqualTo(0.5);
            var strong = ddb.getItem(b -> b.tableName(t).key(item("pk", "a")).consistentRead(true)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
            assertThat(strong.consumedCapacity().capacityUnits()).isEqualTo(1.0);
            var big = ddb.putItem(b -> b.tableName(t).item(item("pk", "b", "v", "x".repeat(9000)))
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
            assertThat(big.consumedCapacity().capacityUnits()).isEqualTo(9.0);
            var read = ddb.getItem(b -> b.tableName(t).key(item("pk", "b")).consistentRead(true)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
            assertThat(read.consumedCapacity().capacityUnits()).isEqualTo(3.0);
        }
    }
}
