package dev.slipway.dynamodb;

import static dev.slipway.dynamodb.Errors.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class BatchAndTransactionTest extends ServerFixture {

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(p -> p.item(item)).build();
    }

    @Nested
    class Batch {
        @Test
        void batchWriteThenBatchGet_acrossTables() {
            String a = table("ba", false);
            String b = table("bb", false);
            ddb.batchWriteItem(r -> r.requestItems(Map.of(a, List.of(put(item("pk", "1")), put(item("pk", "2"))),
                    b, List.of(put(item("pk", "3", "v", "x"))))));
            var got = ddb.batchGetItem(r -> r.requestItems(Map.of(
                    a, KeysAndAttributes.builder().keys(item("pk", "1"), item("pk", "2"), item("pk", "9")).build(),
                    b, KeysAndAttributes.builder().keys(item("pk", "3")).projectionExpression("v").build())));
            assertThat(strings(got.responses().get(a), "pk")).containsExactlyInAnyOrder("1", "2");
            assertThat(got.responses().get(b)).containsExactly(item("v", "x"));
            assertThat(got.unprocessedKeys()).isEmpty();
            ddb.batchWriteItem(r -> r.requestItems(Map.of(a, List.of(WriteRequest.builder()
                    .deleteRequest(d -> d.key(item("pk", "1"))).build()))));
            assertThat(ddb.getItem(r -> r.tableName(a).key(item("pk", "1"))).hasItem()).isFalse();
        }

        @Test
        void batchWrite_over25_fails() {
            String a = table("ba", false);
            List<WriteRequest> writes = new ArrayList<>();
            for (int i = 0; i < 26; i++) {
                writes.add(put(item("pk", "k" + i)));
            }
            var e = assertFailsCode(() -> ddb.batchWriteItem(r -> r.requestItems(Map.of(a, writes))));
            assertThat(e).contains("Member must have length less than or equal to 25");
            assertThat(ddb.scan(r -> r.tableName(a)).count()).isZero();
        }

        @Test
        void batchWrite_duplicateKeys_failsAndWritesNothing() {
            String a = table("ba", false);
            assertFails(() -> ddb.batchWriteItem(r -> r.requestItems(Map.of(a, List.of(put(item("pk", "1")), put(item("pk", "2")),
                            put(item("pk", "1")))))), "ValidationException", "Provided list of item keys contains duplicates");
            assertThat(ddb.scan(r -> r.tableName(a)).count()).isZero();
        }

        @Test
        void batchGet_over100Keys_fails() {
            String a = table("ba", false);
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            for (int i = 0; i < 101; i++) {
                keys.add(item("pk", "k" + i));
            }
            String message = assertFailsCode(() -> ddb.batchGetItem(r -> r.requestItems(Map.of(a,
                    KeysAndAttributes.builder().keys(keys).build()))));
            assertThat(message).contains("Member must have length less than or equal to 100");
        }

        private String assertFailsCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
            Throwable t = org.assertj.core.api.Assertions.catchThrowable(call);
            assertThat(t).isInstanceOf(software.amazon.awssdk.services.dynamodb.model.DynamoDbException.class);
            var e = (software.amazon.awssdk.services.dynamodb.model.DynamoDbException) t;
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            return e.awsErrorDetails().errorMessage();
        }
    }

    @Nested
    class Transactions {
        @Test
        void transactWrite_appliesAllActions() {
            String t = table("tx", false);
            ddb.putItem(r -> r.tableName(t).item(item("pk", "acct", "balance", 10)));
            ddb.transactWriteItems(r -> r.transactItems(
                    TransactWriteItem.builder().update(u -> u.tableName(t).key(item("pk", "acct"))
                            .updateExpression("SET balance = balance - :a").conditionExpression("balance >= :a")
                            .expressionAttributeValues(Map.of(":a", n("4")))).build(),
                    TransactWriteItem.builder().put(p -> p.tableName(t).item(item("pk", "ledger-1", "amount", 4))).build()));
            assertThat(ddb.getItem(r -> r.tableName(t).key(item("pk", "acct"))).item().get("balance").n()).isEqualTo("6");
            assertThat(ddb.getItem(r -> r.tableName(t).key(item("pk", "ledger-1"))).hasItem()).isTrue();
        }

        @Test
        void transactWrite_cancelledByOneCondition_changesNothingAndListsReasons() {
            String t = table("tx", false);
            ddb.putItem(r -> r.tableName(t).item(item("pk", "acct", "balance", 3)));
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> ddb.transactWriteItems(r -> r.transactItems(
                    TransactWriteItem.builder().put(p -> p.tableName(t).item(item("pk", "ledger-2", "amount", 4))).build(),
                    TransactWriteItem.builder().update(u -> u.tableName(t).key(item("pk", "acct"))
                            .updateExpression("SET balance = balance - :a").conditionExpression("balance >= :a")
                            .returnValuesOnConditionCheckFailure("ALL_OLD")
                            .expressionAttributeValues(Map.of(":a", n("4")))).build())));
            assertThat(thrown).isInstanceOf(TransactionCanceledException.class);
            TransactionCanceledException e = (TransactionCanceledException) thrown;
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Transaction cancelled, please refer cancellation "
                    + "reasons for specific reasons [None, ConditionalCheckFailed]");
            assertThat(e.cancellationReasons()).hasSize(2);
            assertThat(e.cancellationReasons().get(1).code()).isEqualTo("ConditionalCheckFailed");
            assertThat(e.cancellationReasons().get(1).item()).isEqualTo(item("pk", "acct", "balance", 3));
            assertThat(ddb.getItem(r -> r.tableName(t).key(item("pk", "ledger-2"))).hasItem()).isFalse();
        }

        @Test
        void transactWrite_twoActionsOnOneItem_fails() {
            String t = table("tx", false);
            assertFails(() -> ddb.transactWriteItems(r -> r.transactItems(
                            TransactWriteItem.builder().put(p -> p.tableName(t).item(item("pk", "x"))).build(),
                            TransactWriteItem.builder().delete(d -> d.tableName(t).key(item("pk", "x"))).build())),
                    "ValidationException", "Transaction request cannot include multiple operations on one item");
        }

        @Test
        void clientRequestToken_makesRetriesIdempotent() {
            String t = table("tx", false);
            ddb.putItem(r -> r.tableName(t).item(item("pk", "c", "n", 0)));
            TransactWriteItem add = TransactWriteItem.builder().update(u -> u.tableName(t).key(item("pk", "c"))
                    .updateExpression("ADD n :one").expressionAttributeValues(Map.of(":one", n("1")))).build();
            ddb.transactWriteItems(r -> r.clientRequestToken("token-1").transactItems(add));
            ddb.transactWriteItems(r -> r.clientRequestToken("token-1").transactItems(add));
            assertThat(ddb.getItem(r -> r.tableName(t).key(item("pk", "c"))).item().get("n").n()).isEqualTo("1");
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> ddb.transactWriteItems(r -> r
                    .clientRequestToken("token-1").transactItems(TransactWriteItem.builder()
                            .put(p -> p.tableName(t).item(item("pk", "other"))).build())));
            assertThat(thrown).isInstanceOf(IdempotentParameterMismatchException.class);
        }

        @Test
        void transactGet_readsSeveralItems() {
            String t = table("tx", false);
            ddb.putItem(r -> r.tableName(t).item(item("pk", "a", "v", 1)));
            var out = ddb.transactGetItems(r -> r.transactItems(
                    g -> g.get(x -> x.tableName(t).key(item("pk", "a"))),
                    g -> g.get(x -> x.tableName(t).key(item("pk", "missing")))));
            assertThat(out.responses()).hasSize(2);
            assertThat(out.responses().get(0).item()).isEqualTo(item("pk", "a", "v", 1));
            assertThat(out.responses().get(1).hasItem()).isFalse();
        }
    }
}
