package dev.slipway.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.protocol.AwsDefaults;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * An acknowledged write survives kill -9: the standalone server runs as a child JVM with a data
 * directory, eight clients write under load (four with PutItem, four with 5-item BatchWriteItem,
 * so that the group commit covers several requests and batches at once), the server is killed
 * (SIGKILL) mid-load, restarted on the same directory, and every acknowledged item must be there,
 * intact. Two more clients write two items per TransactWriteItems: after the restart every
 * transaction sent, acknowledged or not, is on disk whole or not at all (a commit never captures
 * half of one).
 */
class KillDurabilityTest {

    private static Process startServer(Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                DynamoDbServer.class.getName(), "--port", "0", "--data-dir", dir.toString())
                .redirectErrorStream(true).start();
        return p;
    }

    private static String awaitUrl(Process p) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("DynamoDB listening on ")) {
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // keep the pipe empty
                        }
                    } catch (Exception ignored) {
                        // process gone
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return line.substring("DynamoDB listening on ".length()).trim();
            }
        }
        throw new IllegalStateException("server exited before listening");
    }

    private static DynamoDbClient client(String url) {
        return DynamoDbClient.builder().endpointOverride(URI.create(url)).region(Region.US_EAST_1)
                .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(AwsDefaults.ACCESS_KEY_ID, AwsDefaults.SECRET_ACCESS_KEY)))
                .build();
    }

    private static Map<String, AttributeValue> item(String id) {
        return Map.of("id", AttributeValue.fromS(id), "data", AttributeValue.fromS(payload(id)),
                "n", AttributeValue.fromN(Integer.toString(id.length())));
    }

    private static String payload(String id) {
        return ("payload-" + id + "-").repeat(20);
    }

    @Test
    void everyAcknowledgedWrite_survivesKillMinus9(@TempDir Path dir) throws Exception {
        Process first = startServer(dir);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicInteger unprocessed = new java.util.concurrent.atomic.AtomicInteger();
        Set<List<String>> transactions = ConcurrentHashMap.newKeySet(); // every pair sent
        try {
            String url = awaitUrl(first);
            try (DynamoDbClient ddb = client(url)) {
                ddb.createTable(b -> b.tableName("durable").billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                        .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
                CountDownLatch enough = new CountDownLatch(800);
                List<Thread> writers = new ArrayList<>();
                for (int w = 0; w < 10; w++) {
                    int writer = w;
                    Thread t = new Thread(() -> {
                        for (int i = 0; ; i++) {
                            List<String> ids = new ArrayList<>();
                            try {
                                if (writer >= 8) {
                                    String a = writer + "-" + i + "-a";
                                    String b = writer + "-" + i + "-b";
                                    ids.add(a);
                                    ids.add(b);
                                    transactions.add(List.of(a, b)); // before sending: it may land unacknowledged
                                    ddb.transactWriteItems(r -> r.transactItems(
                                            TransactWriteItem.builder().put(p -> p.tableName("durable").item(item(a))).build(),
                                            TransactWriteItem.builder().put(p -> p.tableName("durable").item(item(b))).build()));
                                } else if (writer < 4) {
                                    ids.add(writer + "-" + i);
                                    ddb.putItem(b -> b.tableName("durable").item(item(ids.get(0))));
                                } else {
                                    List<WriteRequest> puts = new ArrayList<>();
                                    for (int j = 0; j < 5; j++) {
                                        String id = writer + "-" + i + "-" + j;
                                        ids.add(id);
                                        puts.add(WriteRequest.builder().putRequest(r -> r.item(item(id))).build());
                                    }
                                    var out = ddb.batchWriteItem(b -> b.requestItems(Map.of("durable", puts)));
                                    if (!out.unprocessedItems().isEmpty()) {
                                        unprocessed.incrementAndGet(); // never under this load: checked below
                                        return;
                                    }
                                }
                            } catch (RuntimeException serverGone) {
                                return;
                            }
                            acknowledged.addAll(ids);
                            ids.forEach(id -> enough.countDown());
                        }
                    });
                    t.start();
                    writers.add(t);
                }
                assertThat(enough.await(120, TimeUnit.SECONDS)).isTrue();
                first.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no flush
                assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
                for (Thread t : writers) {
                    t.join(30_000);
                }
            }
        } finally {
            first.destroyForcibly();
        }
        assertThat(unprocessed).hasValue(0);
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(800);

        Process second = startServer(dir);
        try (DynamoDbClient ddb = client(awaitUrl(second))) {
            for (String id : acknowledged) {
                var item = ddb.getItem(b -> b.tableName("durable").key(Map.of("id", AttributeValue.fromS(id)))).item();
                assertThat(item).as("acknowledged item %s", id).isNotEmpty();
                assertThat(item.get("data").s()).isEqualTo(payload(id));
            }
            assertThat(transactions).isNotEmpty();
            for (List<String> pair : transactions) {
                List<Boolean> present = new ArrayList<>();
                for (String id : pair) {
                    present.add(!ddb.getItem(b -> b.tableName("durable").key(Map.of("id", AttributeValue.fromS(id))))
                            .item().isEmpty());
                }
                assertThat(present).as("transaction %s is all or nothing on disk", pair).containsOnly(present.get(0));
            }
        } finally {
            second.destroyForcibly();
            second.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
