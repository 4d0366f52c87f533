package dev.slipway.dynamodb;

import static dev.slipway.dynamodb.Errors.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;

class QueryScanTest extends ServerFixture {
    String numbers;
    String indexed;

    @BeforeAll
    void data() {
        numbers = uniqueName("nums");
        ddb.createTable(b -> b.tableName(numbers).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("n", ScalarAttributeType.N))
                .keySchema(key("pk", KeyType.HASH), key("n", KeyType.RANGE)));
        for (String v : List.of("10", "9", "-1", "2.5", "100", "0")) {
            ddb.putItem(b -> b.tableName(numbers).item(item("pk", "p", "n", n(v), "even", Integer.parseInt(v.split("\\.")[0]) % 2 == 0 ? "y" : "n")));
        }
        indexed = uniqueName("indexed");
        ddb.createTable(b -> b.tableName(indexed).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("sk", ScalarAttributeType.S),
                        attr("g", ScalarAttributeType.S), attr("l", ScalarAttributeType.S))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG")
                        .keySchema(key("g", KeyType.HASH), key("sk", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build())
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byL")
                        .keySchema(key("pk", KeyType.HASH), key("l", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.INCLUDE).nonKeyAttributes("x")).build()));
        ddb.putItem(b -> b.tableName(indexed).item(item("pk", "a", "sk", "1", "g", "G", "l", "z", "x", "1", "y", "2")));
        ddb.putItem(b -> b.tableName(indexed).item(item("pk", "a", "sk", "2", "l", "m", "x", "3")));
        ddb.putItem(b -> b.tableName(indexed).item(item("pk", "b", "sk", "3", "g", "G")));
    }

    private QueryResponse query(String condition, Map<String, AttributeValue> values) {
        return ddb.query(b -> b.tableName(numbers).keyConditionExpression(condition).expressionAttributeValues(values));
    }

    private static List<String> numbersOf(List<Map<String, AttributeValue>> items) {
        return items.stream().map(i -> i.get("n").n()).toList();
    }

    @Nested
    class Query {
        @Test
        void ordersNumbersNumerically() {
            assertThat(numbersOf(query("pk = :p", Map.of(":p", s("p"))).items()))
                    .containsExactly("-1", "0", "2.5", "9", "10", "100");
        }

        @Test
        void rangeConditionsSelectTheRightSlice() {
            assertThat(numbersOf(query("pk = :p AND n BETWEEN :a AND :b", Map.of(":p", s("p"), ":a", n("0"), ":b", n("10"))).items()))
                    .containsExactly("0", "2.5", "9", "10");
            assertThat(numbersOf(query("pk = :p AND n > :a", Map.of(":p", s("p"), ":a", n("9"))).items()))
                    .containsExactly("10", "100");
            assertThat(numbersOf(query("pk = :p AND n <= :a", Map.of(":p", s("p"), ":a", n("0"))).items()))
                    .containsExactly("-1", "0");
        }

        @Test
        void scanIndexForwardFalse_reversesOrder() {
            var r = ddb.query(b -> b.tableName(numbers).keyConditionExpression("pk = :p").scanIndexForward(false)
                    .expressionAttributeValues(Map.of(":p", s("p"))).limit(2));
            assertThat(numbersOf(r.items())).containsExactly("100", "10");
            var next = ddb.query(b -> b.tableName(numbers).keyConditionExpression("pk = :p").scanIndexForward(false)
                    .expressionAttributeValues(Map.of(":p", s("p"))).exclusiveStartKey(r.lastEvaluatedKey()));
            assertThat(numbersOf(next.items())).containsExactly("9", "2.5", "0", "-1");
            assertThat(next.hasLastEvaluatedKey()).isFalse();
        }

        @Test
        void limitPagesWithLastEvaluatedKey_andLimitCountsBeforeFilter() {
            var r = ddb.query(b -> b.tableName(numbers).keyConditionExpression("pk = :p").filterExpression("even = :y")
                    .expressionAttributeValues(Map.of(":p", s("p"), ":y", s("y"))).limit(3));
            assertThat(r.scannedCount()).isEqualTo(3);
            assertThat(numbersOf(r.items())).containsExactly("0", "2.5");
            assertThat(r.lastEvaluatedKey()).isEqualTo(item("pk", "p", "n", n("2.5")));
        }

        @Test
        void selectCount_returnsNoItems() {
            var r = ddb.query(b -> b.tableName(numbers).keyConditionExpression("pk = :p").select(Select.COUNT)
                    .expressionAttributeValues(Map.of(":p", s("p"))));
            assertThat(r.count()).isEqualTo(6);
            assertThat(r.hasItems()).isFalse();
        }

        @Test
        void beginsWith_onStrings() {
            var r = ddb.query(b -> b.tableName(indexed).keyConditionExpression("pk = :p AND begins_with(sk, :x)")
                    .expressionAttributeValues(Map.of(":p", s("a"), ":x", s("2"))));
            assertThat(strings(r.items(), "sk")).containsExactly("2");
        }

        @Test
        void sparseGsi_holdsOnlyItemsWithTheIndexKey_projectedKeysOnly() {
            var r = ddb.query(b -> b.tableName(indexed).indexName("byG").keyConditionExpression("g = :g")
                    .expressionAttributeValues(Map.of(":g", s("G"))));
            assertThat(r.items()).containsExactly(item("pk", "a", "sk", "1", "g", "G"), item("pk", "b", "sk", "3", "g", "G"));
        }

        @Test
        void lsi_ordersByIndexSortKey_andProjectsIncludedAttributes() {
            var r = ddb.query(b -> b.tableName(indexed).indexName("byL").keyConditionExpression("pk = :p")
                    .expressionAttributeValues(Map.of(":p", s("a"))));
            assertThat(r.items()).containsExactly(item("pk", "a", "sk", "2", "l", "m", "x", "3"),
                    item("pk", "a", "sk", "1", "l", "z", "x", "1"));
        }

        @Test
        void lsi_allAttributes_fetchesFromTable() {
            var r = ddb.query(b -> b.tableName(indexed).indexName("byL").keyConditionExpression("pk = :p")
                    .select(Select.ALL_ATTRIBUTES).expressionAttributeValues(Map.of(":p", s("a"))).limit(1));
            assertThat(r.items()).containsExactly(item("pk", "a", "sk", "2", "l", "m", "x", "3"));
            assertThat(r.lastEvaluatedKey()).isEqualTo(item("pk", "a", "sk", "2", "l", "m"));
        }

        @Test
        void gsi_rejectsConsistentReadsAndAllAttributes() {
            assertFails(() -> ddb.query(b -> b.tableName(indexed).indexName("byG").keyConditionExpression("g = :g")
                            .consistentRead(true).expressionAttributeValues(Map.of(":g", s("G")))),
                    "ValidationException", "Consistent reads are not supported on global secondary indexes");
            assertFails(() -> ddb.query(b -> b.tableName(indexed).indexName("byG").keyConditionExpression("g = :g")
                            .select(Select.ALL_ATTRIBUTES).expressionAttributeValues(Map.of(":g", s("G")))),
                    "ValidationException", "One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not "
                            + "supported for global secondary index byG because its projection type is not ALL");
        }

        @Test
        void unknownIndex_fails() {
            assertFails(() -> ddb.query(b -> b.tableName(indexed).indexName("nope").keyConditionExpression("pk = :p")
                            .expressionAttributeValues(Map.of(":p", s("a")))),
                    "ValidationException", "The table does not have the specified index: nope");
        }

        @Test
        void withoutKeyCondition_fails() {
            assertFails(() -> ddb.query(b -> b.tableName(numbers)), "ValidationException",
                    "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        }

        @Test
        void keyConditionOfWrongType_fails() {
            assertFails(() -> query("pk = :p AND n = :x", Map.of(":p", s("p"), ":x", s("text"))), "ValidationException",
                    "One or more parameter values were invalid: Condition parameter type does not match schema type");
        }

        @Test
        void filterOnKeyAttribute_fails() {
            assertFails(() -> ddb.query(b -> b.tableName(numbers).keyConditionExpression("pk = :p").filterExpression("n > :z")
                            .expressionAttributeValues(Map.of(":p", s("p"), ":z", n("1")))), "ValidationException",
                    "Filter Expression can only contain non-primary key attributes: Primary key attribute: n");
        }

        @Test
        void startKeyOutsideTheKeyCondition_failsAsDynamoDbDoes() {
            assertFails(() -> ddb.query(b -> b.tableName(numbers).keyConditionExpression("pk = :p AND n > :a")
                            .expressionAttributeValues(Map.of(":p", s("p"), ":a", n("9")))
                            .exclusiveStartKey(Map.of("pk", s("p"), "n", n("2.5")))), "ValidationException",
                    "The provided starting key does not match the range key predicate");
            assertFails(() -> ddb.query(b -> b.tableName(numbers).keyConditionExpression("pk = :p AND n > :a")
                            .expressionAttributeValues(Map.of(":p", s("p"), ":a", n("9")))
                            .exclusiveStartKey(Map.of("pk", s("other"), "n", n("10")))), "ValidationException",
                    "The query can return at most one row and cannot be restarted");
            assertFails(() -> ddb.query(b -> b.tableName(numbers).keyConditionExpression("pk = :p")
                            .expressionAttributeValues(Map.of(":p", s("p")))
                            .exclusiveStartKey(Map.of("pk", s("other"), "n", n("10")))), "ValidationException",
                    "The provided starting key is outside query boundaries based on provided conditions");
        }

        @Test
        void startKeyInsideTheRangeCondition_continuesAfterIt() {
            var r = ddb.query(b -> b.tableName(numbers).keyConditionExpression("pk = :p AND n >= :a")
                    .expressionAttributeValues(Map.of(":p", s("p"), ":a", n("0")))
                    .exclusiveStartKey(Map.of("pk", s("p"), "n", n("2.5"))));
            assertThat(numbersOf(r.items())).containsExactly("9", "10", "100");
        }

        @Test
        void zeroLimit_failsWithConstraint() {
            assertFails(() -> ddb.query(b -> b.tableName(numbers).keyConditionExpression("pk = :p").limit(0)
                            .expressionAttributeValues(Map.of(":p", s("p")))), "ValidationException",
                    "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have "
                            + "value greater than or equal to 1");
        }
    }

    @Nested
    class Scan {
        @Test
        void parallelSegments_readEveryItemExactlyOnce() {
            String t = table("seg", false);
            for (int i = 0; i < 50; i++) {
                int id = i;
                ddb.putItem(b -> b.tableName(t).item(item("pk", "item" + id)));
            }
            List<String> seen = new ArrayList<>();
            for (int segment = 0; segment < 4; segment++) {
                int seg = segment;
                Map<String, AttributeValue> start = null;
                do {
                    Map<String, AttributeValue> from = start;
                    var page = ddb.scan(b -> b.tableName(t).segment(seg).totalSegments(4).limit(7).exclusiveStartKey(from));
                    seen.addAll(strings(page.items(), "pk"));
                    start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
                } while (start != null);
            }
            assertThat(seen).hasSize(50);
            assertThat(new HashSet<>(seen)).hasSize(50);
        }

        @Test
        void pagesStopAfterOneMegabyte() {
            String t = table("mb", false);
            String payload = "x".repeat(100_000);
            for (int i = 0; i < 15; i++) {
                int id = i;
                ddb.putItem(b -> b.tableName(t).item(item("pk", "i" + id, "p", payload)));
            }
            var first = ddb.scan(b -> b.tableName(t));
            assertThat(first.count()).isBetween(10, 11);
            assertThat(first.hasLastEvaluatedKey()).isTrue();
            var second = ddb.scan(b -> b.tableName(t).exclusiveStartKey(first.lastEvaluatedKey()));
            assertThat(first.count() + second.count()).isEqualTo(15);
        }

        @Test
        void segmentWithoutTotal_fails() {
            assertFails(() -> ddb.scan(b -> b.tableName(numbers).segment(1)), "ValidationException",
                    "The TotalSegments parameter is required but was not present in the request when parameter Segment is present");
            assertFails(() -> ddb.scan(b -> b.tableName(numbers).segment(4).totalSegments(4)), "ValidationException",
                    "The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 4 is out "
                            + "of bounds for TotalSegments: 4");
        }

        @Test
        void filterAndProjection() {
            var r = ddb.scan(b -> b.tableName(numbers).filterExpression("n > :z").projectionExpression("n")
                    .expressionAttributeValues(Map.of(":z", n("9"))));
            Set<String> got = new HashSet<>(numbersOf(r.items()));
            assertThat(got).containsExactlyInAnyOrder("10", "100");
            assertThat(r.scannedCount()).isEqualTo(6);
            assertThat(r.items()).allSatisfy(i -> assertThat(i).containsOnlyKeys("n"));
        }
    }
}
