package dev.slipway.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.dynamodb.model.AttributeValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ByteArrayDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The persistent store's format: items as UTF-8 JSON bytes; data directories of the string format still open. */
class MvStoreStorageTest {

    private static DynamoDbEngine engine(Path dir) {
        return DynamoDbEngine.builder().dataDir(Optional.of(dir)).build();
    }

    @Test
    void aDataDirectoryWithItemsAsStrings_opensWithEveryItem_andDeletesStick(@TempDir Path dir) {
        try (DynamoDbEngine engine = engine(dir)) {
            engine.createTable("old", "id", Optional.empty());
            for (int i = 0; i < 50; i++) {
                engine.putItem("old", Map.of("id", new AttributeValue.S("k" + i), "n", new AttributeValue.N(new java.math.BigDecimal(i))));
            }
        }
        // rewrite the items as the earlier format kept them: map "items.<table>" of Java strings
        MVStore store = new MVStore.Builder().fileName(dir.resolve("dynamodb.mv.db").toString()).autoCommitDisabled().open();
        MVMap<byte[], byte[]> bytes = store.openMap("itembytes.old",
                new MVMap.Builder<byte[], byte[]>().keyType(ByteArrayDataType.INSTANCE).valueType(ByteArrayDataType.INSTANCE));
        MVMap<String, String> strings = store.openMap("items.old");
        bytes.forEach((k, v) -> strings.put(new String(k, StandardCharsets.UTF_8), new String(v, StandardCharsets.UTF_8)));
        store.removeMap("itembytes.old");
        store.commit();
        store.close();

        try (DynamoDbEngine engine = engine(dir)) {
            for (int i = 0; i < 50; i++) {
                assertThat(engine.getItem("old", Map.of("id", new AttributeValue.S("k" + i))))
                        .hasValueSatisfying(item -> assertThat(item).containsKey("n"));
            }
            engine.deleteItem("old", Map.of("id", new AttributeValue.S("k0")));
            engine.putItem("old", Map.of("id", new AttributeValue.S("new")));
        }
        try (DynamoDbEngine engine = engine(dir)) {
            assertThat(engine.getItem("old", Map.of("id", new AttributeValue.S("k0")))).isEmpty();
            assertThat(engine.getItem("old", Map.of("id", new AttributeValue.S("k49")))).isPresent();
            assertThat(engine.getItem("old", Map.of("id", new AttributeValue.S("new")))).isPresent();
        }
    }

    @Test
    void deleteTableThenCreateAgain_startsEmptyAfterRestart(@TempDir Path dir) {
        try (DynamoDbEngine engine = engine(dir)) {
            engine.createTable("tbl", "id", Optional.empty());
            engine.putItem("tbl", Map.of("id", new AttributeValue.S("a")));
            engine.deleteTable("tbl");
            engine.createTable("tbl", "id", Optional.empty());
            engine.putItem("tbl", Map.of("id", new AttributeValue.S("b")));
        }
        try (DynamoDbEngine engine = engine(dir)) {
            assertThat(engine.getItem("tbl", Map.of("id", new AttributeValue.S("a")))).isEmpty();
            assertThat(engine.getItem("tbl", Map.of("id", new AttributeValue.S("b")))).isPresent();
        }
    }

    /** A commit asked for while an action is half applied waits for all of it: never half a transaction on disk. */
    @Test
    void aCommitAskedForMidAction_waitsForTheWholeAction(@TempDir Path dir) throws Exception {
        Map<String, AttributeValue> a = Map.of("id", new AttributeValue.S("a"));
        Map<String, AttributeValue> b = Map.of("id", new AttributeValue.S("b"));
        CountDownLatch halfApplied = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        MvStoreStorage storage = new MvStoreStorage(dir);
        try {
            Thread action = new Thread(() -> storage.apply(() -> {
                storage.write("t", a, a);
                halfApplied.countDown();
                try {
                    finish.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                storage.write("t", b, b);
                storage.commit();
                return null;
            }));
            action.start();
            assertThat(halfApplied.await(30, TimeUnit.SECONDS)).isTrue();
            storage.commit(); // another request's commit, asked for while the action is half applied
            CompletableFuture<Void> other = storage.durable();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!storage.commitWaiting() && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertThat(storage.commitWaiting()).as("the commit waits for the action").isTrue();
            assertThat(other).isNotDone();
            finish.countDown();
            action.join(30_000);
            other.get(30, TimeUnit.SECONDS);
        } finally {
            finish.countDown();
            storage.close();
        }
        java.util.List<Map<String, AttributeValue>> loaded = new java.util.ArrayList<>();
        MvStoreStorage reopened = new MvStoreStorage(dir);
        try {
            reopened.loadItems("t", loaded::add);
        } finally {
            reopened.close();
        }
        assertThat(loaded).containsExactlyInAnyOrder(a, b);
    }
}
