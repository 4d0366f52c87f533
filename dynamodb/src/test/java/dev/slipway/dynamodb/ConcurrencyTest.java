package dev.slipway.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Concurrent clients: optimistic locking is atomic, transactions are isolated, items are never torn. */
class ConcurrencyTest extends ServerFixture {
    private final java.util.Queue<Throwable> failures = new java.util.concurrent.ConcurrentLinkedQueue<>();

    @Test
    void versionedConditionalUpdates_neverLoseAnIncrement() throws Exception {
        String t = table("cc", false);
        ddb.putItem(b -> b.tableName(t).item(item("pk", "counter", "version", 0)));
        AtomicInteger successes = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 25; i++) {
                    String version = ddb.getItem(b -> b.tableName(t).key(item("pk", "counter")).consistentRead(true))
                            .item().get("version").n();
                    try {
                        ddb.updateItem(b -> b.tableName(t).key(item("pk", "counter"))
                                .updateExpression("SET version = version + :one").conditionExpression("version = :seen")
                                .expressionAttributeValues(Map.of(":one", n("1"), ":seen", n(version))));
                        successes.incrementAndGet();
                    } catch (ConditionalCheckFailedException lostRace) {
                        // another writer got there first: expected under contention
                    }
                }
            });
            thread.setUncaughtExceptionHandler((th, e) -> failures.add(e));
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(failures).isEmpty();
        String finalVersion = ddb.getItem(b -> b.tableName(t).key(item("pk", "counter"))).item().get("version").n();
        assertThat(Integer.parseInt(finalVersion)).isEqualTo(successes.get()).isPositive();
    }

    @Test
    void transfers_inTransactions_keepTheTotalConstant() throws Exception {
        String t = table("bank", false);
        for (String acct : List.of("a", "b", "c")) {
            ddb.putItem(b -> b.tableName(t).item(item("pk", acct, "balance", 100)));
        }
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int seed = w;
            Thread thread = new Thread(() -> {
                String[] accounts = {"a", "b", "c"};
                for (int i = 0; i < 20; i++) {
                    String from = accounts[(seed + i) % 3];
                    String to = accounts[(seed + i + 1) % 3];
                    try {
                        ddb.transactWriteItems(b -> b.transactItems(
                                TransactWriteItem.builder().update(u -> u.tableName(t).key(item("pk", from))
                                        .updateExpression("SET balance = balance - :x").conditionExpression("balance >= :x")
                                        .expressionAttributeValues(Map.of(":x", n("7")))).build(),
                                TransactWriteItem.builder().update(u -> u.tableName(t).key(item("pk", to))
                                        .updateExpression("SET balance = balance + :x")
                                        .expressionAttributeValues(Map.of(":x", n("7")))).build()));
                    } catch (TransactionCanceledException insufficientFunds) {
                        // condition failed: nothing moved
                    }
                    var snapshot = ddb.transactGetItems(b -> b.transactItems(
                            g -> g.get(x -> x.tableName(t).key(item("pk", "a"))),
                            g -> g.get(x -> x.tableName(t).key(item("pk", "b"))),
                            g -> g.get(x -> x.tableName(t).key(item("pk", "c")))));
                    int total = snapshot.responses().stream().mapToInt(r -> Integer.parseInt(r.item().get("balance").n())).sum();
                    assertThat(total).isEqualTo(300);
                }
            });
            thread.setUncaughtExceptionHandler((th, e) -> failures.add(e));
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(failures).isEmpty();
        int total = ddb.scan(b -> b.tableName(t)).items().stream().mapToInt(i -> Integer.parseInt(i.get("balance").n())).sum();
        assertThat(total).isEqualTo(300);
    }
}
