package dev.slipway.dynamodb;

import static dev.slipway.dynamodb.Errors.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

class TableActionsTest extends ServerFixture {

    @Nested
    class Validation {
        // Messages as DynamoDB answers them (dynalite's recorded fixtures, checked 2026-11).
        @Test
        void createTable_withoutName_failsWithNotNullConstraint() {
            assertFails(() -> ddb.createTable(b -> b.attributeDefinitions(attr("pk", ScalarAttributeType.S))
                            .keySchema(key("pk", KeyType.HASH)).billingMode(BillingMode.PAY_PER_REQUEST)),
                    "ValidationException", "1 validation error detected: Value null at 'tableName' failed to satisfy "
                            + "constraint: Member must not be null");
        }

        @Test
        void createTable_withShortBadName_reportsBothViolations() {
            assertFails(() -> ddb.createTable(b -> b.tableName("a!").attributeDefinitions(attr("pk", ScalarAttributeType.S))
                            .keySchema(key("pk", KeyType.HASH)).billingMode(BillingMode.PAY_PER_REQUEST)),
                    "ValidationException", "2 validation errors detected: Value 'a!' at 'tableName' failed to satisfy "
                            + "constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; Value 'a!' at "
                            + "'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3");
        }

        @Test
        void createTable_withUndefinedKeyAttribute_failsWithDefinitionsMessage() {
            assertFails(() -> ddb.createTable(b -> b.tableName(uniqueName("t")).attributeDefinitions(attr("a", ScalarAttributeType.S))
                            .keySchema(key("pk", KeyType.HASH)).billingMode(BillingMode.PAY_PER_REQUEST)),
                    "ValidationException", "One or more parameter values were invalid: Some index key attributes are not "
                            + "defined in AttributeDefinitions. Keys: [pk], AttributeDefinitions: [a]");
        }

        @Test
        void createTable_provisionedWithoutThroughput_fails() {
            assertFails(() -> ddb.createTable(b -> b.tableName(uniqueName("t")).attributeDefinitions(attr("pk", ScalarAttributeType.S))
                            .keySchema(key("pk", KeyType.HASH))),
                    "ValidationException", "One or more parameter values were invalid: ReadCapacityUnits and "
                            + "WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        }

        @Test
        void createTable_twice_failsWithResourceInUse() {
            String name = table("dup", false);
            assertFails(() -> ddb.createTable(b -> b.tableName(name).attributeDefinitions(attr("pk", ScalarAttributeType.S))
                            .keySchema(key("pk", KeyType.HASH)).billingMode(BillingMode.PAY_PER_REQUEST)),
                    "ResourceInUseException", "Table already exists: " + name);
        }

        @Test
        void describeTable_missing_failsWithResourceNotFound() {
            assertFails(() -> ddb.describeTable(b -> b.tableName("nope")), "ResourceNotFoundException",
                    "Requested resource not found: Table: nope not found");
        }

        @Test
        void lsi_onTableWithoutRangeKey_fails() {
            assertFails(() -> ddb.createTable(b -> b.tableName(uniqueName("t"))
                            .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("x", ScalarAttributeType.S))
                            .keySchema(key("pk", KeyType.HASH)).billingMode(BillingMode.PAY_PER_REQUEST)
                            .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("lsi")
                                    .keySchema(key("pk", KeyType.HASH), key("x", KeyType.RANGE))
                                    .projection(p -> p.projectionType(ProjectionType.ALL)).build())),
                    "ValidationException", "One or more parameter values were invalid: Table KeySchema does not have a "
                            + "range key, which is required when specifying a LocalSecondaryIndex");
        }
    }

    @Nested
    class Behaviour {
        @Test
        void createTable_describesTableActiveWithIndexes() {
            String name = uniqueName("idx");
            TableDescription created = ddb.createTable(b -> b.tableName(name)
                    .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("sk", ScalarAttributeType.N),
                            attr("g", ScalarAttributeType.S))
                    .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                    .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(7L))
                    .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG").keySchema(key("g", KeyType.HASH))
                            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))
                            .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L)).build()))
                    .tableDescription();
            assertThat(created.tableStatus()).isEqualTo(TableStatus.CREATING);
            assertThat(created.tableArn()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/" + name);
            TableDescription described = ddb.describeTable(b -> b.tableName(name)).table();
            assertThat(described.tableStatus()).isEqualTo(TableStatus.ACTIVE);
            assertThat(described.provisionedThroughput().readCapacityUnits()).isEqualTo(5L);
            assertThat(described.globalSecondaryIndexes()).singleElement()
                    .satisfies(g -> assertThat(g.indexArn()).endsWith("/index/byG"));
            assertThat(described.itemCount()).isZero();
        }

        @Test
        void describeTable_countsItemsAndBytes() {
            String name = table("count", false);
            ddb.putItem(b -> b.tableName(name).item(item("pk", "abc", "v", "hello")));
            ddb.putItem(b -> b.tableName(name).item(item("pk", "abd", "v", "hi")));
            TableDescription d = ddb.describeTable(b -> b.tableName(name)).table();
            assertThat(d.itemCount()).isEqualTo(2);
            // sizes: "pk"(2)+"abc"(3)+"v"(1)+"hello"(5) = 11 ; 2+3+1+2 = 8
            assertThat(d.tableSizeBytes()).isEqualTo(19);
        }

        @Test
        void listTables_pagesWithLimit() {
            List<String> created = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                created.add(table("list", false));
            }
            List<String> all = new ArrayList<>();
            String start = null;
            do {
                String from = start;
                var page = ddb.listTables(b -> b.limit(2).exclusiveStartTableName(from));
                assertThat(page.tableNames().size()).isLessThanOrEqualTo(2);
                all.addAll(page.tableNames());
                start = page.lastEvaluatedTableName();
            } while (start != null);
            assertThat(all).containsAll(created).isSorted();
        }

        @Test
        void deleteTable_removesIt() {
            String name = table("del", false);
            assertThat(ddb.deleteTable(b -> b.tableName(name)).tableDescription().tableStatus()).isEqualTo(TableStatus.DELETING);
            assertFails(() -> ddb.describeTable(b -> b.tableName(name)), "ResourceNotFoundException",
                    "Requested resource not found: Table: " + name + " not found");
            assertFails(() -> ddb.getItem(b -> b.tableName(name).key(item("pk", "x"))), "ResourceNotFoundException",
                    "Requested resource not found");
        }

        @Test
        void updateTable_addsGsiAndBackfillsIt() {
            String name = table("upd", false);
            ddb.putItem(b -> b.tableName(name).item(item("pk", "a", "g", "x")));
            ddb.putItem(b -> b.tableName(name).item(item("pk", "b")));
            ddb.updateTable(b -> b.tableName(name)
                    .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("g", ScalarAttributeType.S))
                    .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byG").keySchema(key("g", KeyType.HASH))
                            .projection(p -> p.projectionType(ProjectionType.ALL)))));
            var gsi = ddb.describeTable(b -> b.tableName(name)).table().globalSecondaryIndexes();
            assertThat(gsi).singleElement().satisfies(g -> assertThat(g.itemCount()).isEqualTo(1));
        }

        @Test
        void tags_canBeAddedListedAndRemoved() {
            String name = table("tags", false);
            String arn = ddb.describeTable(b -> b.tableName(name)).table().tableArn();
            ddb.tagResource(b -> b.resourceArn(arn).tags(t -> t.key("team").value("rewards"), t -> t.key("env").value("dev")));
            ddb.untagResource(b -> b.resourceArn(arn).tagKeys("env"));
            assertThat(ddb.listTagsOfResource(b -> b.resourceArn(arn)).tags())
                    .singleElement().satisfies(t -> assertThat(t.key() + "=" + t.value()).isEqualTo("team=rewards"));
        }

        @Test
        void describeLimits_reportsAccountDefaults() {
            assertThat(ddb.describeLimits(b -> {}).accountMaxReadCapacityUnits()).isEqualTo(80_000L);
        }
    }
}
