package dev.slipway.dynamodb;

import dev.slipway.dynamodb.model.AttributeValue;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where tables and items persist. The in-memory engine keeps everything on the heap (the maps in
 * {@link Table}); a persistent storage mirrors each change; every write request calls
 * {@link #commit()} after its changes and is acknowledged only once {@link #durable()} completes.
 */
interface Storage extends AutoCloseable {
    CompletableFuture<Void> DURABLE = CompletableFuture.completedFuture(null);

    /** Table definitions found at start-up. */
    List<TableDef> loadTables();

    /** Streams the stored items of a table at start-up. */
    void loadItems(String table, Consumer<Map<String, AttributeValue>> sink);

    void saveTable(TableDef def);

    void dropTable(String table);

    /** Records an item change; {@code item} null means deleted. */
    void write(String table, Map<String, AttributeValue> key, Map<String, AttributeValue> item);

    /** Whether {@link #write} records anything (false for the in-memory engine). */
    default boolean persistent() {
        return true;
    }

    /**
     * Asks for everything recorded so far on this thread's request to be made durable; the request
     * is answered when {@link #durable()} completes (a persistent storage groups the commits of
     * concurrent requests, {@link GroupCommit}).
     */
    void commit();

    /**
     * Runs one action, i.e. applies all of its changes: a persistent storage never commits while
     * an action runs, so a commit holds all of a TransactWriteItems or BatchWriteItem or none of
     * it. Actions run concurrently with each other as before. The action must not wait for a
     * commit ({@link #durable()}) inside: callers wait after this returns.
     */
    default <T> T apply(Supplier<T> action) {
        return action.get();
    }

    /**
     * Completes once what the current thread's last {@link #commit()} covered is durable (at once
     * when it asked for none), and forgets it: every caller of an action calls this before
     * answering, and waits for it.
     */
    default CompletableFuture<Void> durable() {
        return DURABLE;
    }

    @Override
    void close();

    /** No persistence: the heap is the store. */
    static Storage memory() {
        return new Storage() {
            public boolean persistent() {
                return false;
            }

            public List<TableDef> loadTables() {
                return List.of();
            }

            public void loadItems(String table, Consumer<Map<String, AttributeValue>> sink) {}

            public void saveTable(TableDef def) {}

            public void dropTable(String table) {}

            public void write(String table, Map<String, AttributeValue> key, Map<String, AttributeValue> item) {}

            public void commit() {}

            public void close() {}
        };
    }
}
