package dev.slipway.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.slipway.dynamodb.model.AttributeValue;
import dev.slipway.protocol.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ByteArrayDataType;

/**
 * Persistence on H2's MVStore: one map of table definitions, one map per table from the key
 * (as DynamoDB JSON in UTF-8 bytes) to the item (idem). Auto-commit is off. A write request calls
 * {@link #commit()} once its changes are in the maps, and is answered when {@link #durable()}
 * completes: after a {@link GroupCommit group commit} that includes them, so an acknowledged write
 * has been handed to the operating system (a process crash, kill -9 included, cannot lose it; a
 * power loss can lose the last second or so, as no fsync is issued per write).
 */
final class MvStoreStorage implements Storage {
    private final MVStore store;
    private final MVMap<String, String> tables;
    private final GroupCommit group;
    /** Item maps by table name: {@code openMap} looks the name up in the store's metadata on every call. */
    private final java.util.concurrent.ConcurrentHashMap<String, MVMap<byte[], byte[]>> itemMaps = new java.util.concurrent.ConcurrentHashMap<>();
    /** The commit the current request waits for (set by commit(), taken by durable()). */
    private final ThreadLocal<CompletableFuture<Void>> pending = new ThreadLocal<>();
    /**
     * Actions hold the read lock while they apply their changes ({@link #apply}), many at once; a
     * commit takes the write lock, so it never captures half an action (half a TransactWriteItems
     * on disk after a kill). A commit is short, so an event loop waits briefly at most; an action
     * never waits for a commit while it holds the read lock ({@link #commit()} only queues).
     */
    private final ReentrantReadWriteLock commitLock = new ReentrantReadWriteLock();

    MvStoreStorage(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // 4 KB pages instead of MVStore's 16 KB: a commit re-serialises every leaf page a write
        // touched, and writes with scattered keys (25 partitions per BatchWriteItem) dirty one page
        // each. DynamoDbFootprint writes-persistent, 8 threads, random partition per item (19:20,
        // load 4-6): BatchWriteItem 888-1,017 -> 2,543-2,688 ops/s, 1,205-1,259 -> 594-816 µs CPU;
        // PutItem 74-83 -> 106-115 µs (more pages per commit), still far from commit-bound.
        store = new MVStore.Builder().fileName(dir.resolve("dynamodb.mv.db").toString())
                .autoCommitDisabled().pageSplitSize(4 * 1024).open();
        tables = store.openMap("tables");
        group = new GroupCommit("dynamodb-commit", this::commitStore);
    }

    @Override
    public List<TableDef> loadTables() {
        List<TableDef> defs = new ArrayList<>();
        for (String json : tables.values()) {
            try {
                defs.add(TableDef.fromJson(Json.MAPPER.readTree(json)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("corrupt table definition in the data directory", e);
            }
        }
        return defs;
    }

    @Override
    public void loadItems(String table, Consumer<Map<String, AttributeValue>> sink) {
        migrate(table);
        for (byte[] json : items(table).values()) {
            try {
                sink.accept(AttributeJson.item(JsonCodec.read(json)));
            } catch (IOException e) {
                throw new IllegalStateException("corrupt item in the data directory", e);
            }
        }
    }

    /**
     * Data directories written before the byte maps kept items as Java strings ({@code items.<table>},
     * MVStore's default string type, serialised char by char at every commit: ~20 % of a persistent
     * write's CPU in a JFR profile). Moved once, at start-up, into the byte map; the same JSON.
     */
    private void migrate(String table) {
        String old = "items." + table;
        if (!store.hasMap(old)) {
            return;
        }
        MVMap<String, String> strings = store.openMap(old);
        MVMap<byte[], byte[]> bytes = items(table);
        strings.forEach((k, v) -> bytes.put(k.getBytes(StandardCharsets.UTF_8), v.getBytes(StandardCharsets.UTF_8)));
        store.removeMap(old);
        store.commit();
    }

    private MVMap<byte[], byte[]> items(String table) {
        return itemMaps.computeIfAbsent(table, t -> store.openMap(itemsMap(t),
                new MVMap.Builder<byte[], byte[]>().keyType(ByteArrayDataType.INSTANCE).valueType(ByteArrayDataType.INSTANCE)));
    }

    @Override
    public void saveTable(TableDef def) {
        tables.put(def.name, def.toJson().toString());
    }

    @Override
    public void dropTable(String table) {
        tables.remove(table);
        itemMaps.remove(table);
        for (String map : List.of(itemsMap(table), "items." + table)) {
            if (store.hasMap(map)) {
                store.removeMap(map);
            }
        }
    }

    @Override
    public void write(String table, Map<String, AttributeValue> key, Map<String, AttributeValue> item) {
        MVMap<byte[], byte[]> items = items(table);
        byte[] k = JsonCodec.itemBytes(key);
        if (item == null) {
            items.remove(k);
        } else {
            items.put(k, JsonCodec.itemBytes(item));
        }
    }

    @Override
    public <T> T apply(Supplier<T> action) {
        Lock read = commitLock.readLock();
        read.lock();
        try {
            return action.get();
        } finally {
            read.unlock();
        }
    }

    /** Whether a commit is waiting for actions in flight to finish (for tests). */
    boolean commitWaiting() {
        return commitLock.hasQueuedThreads();
    }

    /** The group commit's commit: between actions, never inside one. */
    private void commitStore() {
        Lock write = commitLock.writeLock();
        write.lock();
        try {
            store.commit();
        } finally {
            write.unlock();
        }
    }

    @Override
    public void commit() {
        pending.set(group.request());
    }

    @Override
    public CompletableFuture<Void> durable() {
        CompletableFuture<Void> commit = pending.get();
        if (commit == null) {
            return Storage.DURABLE;
        }
        pending.remove();
        return commit;
    }

    @Override
    public void close() {
        group.close();
        Lock write = commitLock.writeLock();
        write.lock();
        try {
            store.close();
        } finally {
            write.unlock();
        }
    }

    /** "itembytes." cannot collide with the older "items." maps, whatever the table name. */
    private static String itemsMap(String table) {
        return "itembytes." + table;
    }
}
