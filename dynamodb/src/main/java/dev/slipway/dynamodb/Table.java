package dev.slipway.dynamodb;

import dev.slipway.dynamodb.model.AttributeValue;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One table's live data: items ordered by key, one ordered map per secondary index (holding the
 * projected items, only for items that have the index's key attributes: sparse indexes), and the
 * running size. Readers take the read lock, writers the write lock, so a request sees an item
 * entirely before or entirely after another request's write, never torn.
 */
final class Table {
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    final TableDef def;
    final NavigableMap<ItemKey, Map<String, AttributeValue>> items = new TreeMap<>();
    final Map<String, NavigableMap<ItemKey, Map<String, AttributeValue>>> indexes = new HashMap<>();
    private final Map<String, Long> indexBytes = new HashMap<>();
    private long sizeBytes;
    /** Receives every change (streams, persistence); called under the write lock. */
    ChangeListener listener = ChangeListener.NONE;

    interface ChangeListener {
        ChangeListener NONE = (t, k, o, n) -> {};

        void changed(Table table, ItemKey key, Map<String, AttributeValue> oldItem, Map<String, AttributeValue> newItem);
    }

    Table(TableDef def) {
        this.def = def;
        for (IndexDef i : def.allIndexes()) {
            indexes.put(i.name(), new TreeMap<>());
            indexBytes.put(i.name(), 0L);
        }
    }

    ItemKey keyOf(Map<String, AttributeValue> item) {
        return ItemKey.of(def.keys.hash(item), def.keys.range(item));
    }

    Map<String, AttributeValue> get(ItemKey key) {
        return items.get(key);
    }

    /** Stores an item (already validated), replacing any with the same key; returns the old one or null. */
    Map<String, AttributeValue> put(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> stored = compact(item);
        ItemKey key = keyOf(stored);
        Map<String, AttributeValue> old = items.put(key, stored);
        if (old != null) {
            sizeBytes -= Values.itemSize(old);
            unindex(key, old);
        }
        sizeBytes += Values.itemSize(stored);
        index(key, stored);
        listener.changed(this, key, old, stored);
        return old;
    }

    Map<String, AttributeValue> delete(ItemKey key) {
        Map<String, AttributeValue> old = items.remove(key);
        if (old != null) {
            sizeBytes -= Values.itemSize(old);
            unindex(key, old);
            listener.changed(this, key, old, null);
        }
        return old;
    }

    /**
     * The stored form of an item: an immutable {@code Map.ofEntries} (a fraction of a
     * LinkedHashMap's footprint) with attribute names shared between items. Attribute order is
     * not kept, as DynamoDB does not keep it either.
     */
    static Map<String, AttributeValue> compact(Map<String, AttributeValue> item) {
        @SuppressWarnings("unchecked")
        Map.Entry<String, AttributeValue>[] entries = new Map.Entry[item.size()];
        int i = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            entries[i++] = Map.entry(intern(e.getKey()), e.getValue());
        }
        return Map.ofEntries(entries);
    }

    private static final java.util.concurrent.ConcurrentHashMap<String, String> NAMES =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static String intern(String name) {
        String shared = NAMES.get(name);
        if (shared != null) {
            return shared;
        }
        // Bounded so that items with generated attribute names cannot grow the table without end.
        if (NAMES.size() < 100_000) {
            shared = NAMES.putIfAbsent(name, name);
            return shared == null ? name : shared;
        }
        return name;
    }

    /** Loads an item from storage at start-up: no listener call. */
    void load(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> stored = compact(item);
        ItemKey key = keyOf(stored);
        items.put(key, stored);
        sizeBytes += Values.itemSize(stored);
        index(key, stored);
    }

    private void index(ItemKey key, Map<String, AttributeValue> item) {
        for (IndexDef i : def.allIndexes()) {
            ItemKey ik = indexKey(i, key, item);
            if (ik != null) {
                Map<String, AttributeValue> projected = i.project(item, def.keys);
                indexes.get(i.name()).put(ik, projected);
                indexBytes.merge(i.name(), (long) Values.itemSize(projected), Long::sum);
            }
        }
    }

    private void unindex(ItemKey key, Map<String, AttributeValue> item) {
        for (IndexDef i : def.allIndexes()) {
            ItemKey ik = indexKey(i, key, item);
            if (ik != null) {
                Map<String, AttributeValue> removed = indexes.get(i.name()).remove(ik);
                if (removed != null) {
                    indexBytes.merge(i.name(), (long) -Values.itemSize(removed), Long::sum);
                }
            }
        }
    }

    /** The index position of an item, or null when it lacks an index key attribute (sparse index). */
    static ItemKey indexKey(IndexDef index, ItemKey tableKey, Map<String, AttributeValue> item) {
        AttributeValue h = index.keys().hash(item);
        if (h == null || !h.type().equals(index.keys().hashType())) {
            return null;
        }
        AttributeValue r = null;
        if (index.keys().rangeName().isPresent()) {
            r = index.keys().range(item);
            if (r == null || !r.type().equals(index.keys().rangeType().orElseThrow())) {
                return null;
            }
        }
        return new ItemKey(h, r, tableKey, 0);
    }

    /** Adds an index (UpdateTable Create) and backfills it. */
    void addIndex(IndexDef index) {
        indexes.put(index.name(), new TreeMap<>());
        indexBytes.put(index.name(), 0L);
        def.globalIndexes.add(index);
        NavigableMap<ItemKey, Map<String, AttributeValue>> data = indexes.get(index.name());
        items.forEach((key, item) -> {
            ItemKey ik = indexKey(index, key, item);
            if (ik != null) {
                Map<String, AttributeValue> projected = index.project(item, def.keys);
                data.put(ik, projected);
                indexBytes.merge(index.name(), (long) Values.itemSize(projected), Long::sum);
            }
        });
    }

    void removeIndex(String indexName) {
        indexes.remove(indexName);
        indexBytes.remove(indexName);
        def.globalIndexes.removeIf(i -> i.name().equals(indexName));
    }

    long sizeBytes() {
        return sizeBytes;
    }

    long itemCount() {
        return items.size();
    }

    long indexSizeBytes(String index) {
        return indexBytes.getOrDefault(index, 0L);
    }

    long indexItemCount(String index) {
        NavigableMap<ItemKey, Map<String, AttributeValue>> data = indexes.get(index);
        return data == null ? 0 : data.size();
    }

    /** Item collection size (table + LSIs) of one partition, bytes; for ReturnItemCollectionMetrics. */
    long itemCollectionBytes(AttributeValue hash) {
        long size = 0;
        for (Map<String, AttributeValue> item : items.subMap(ItemKey.partitionStart(hash), true, ItemKey.partitionEnd(hash), true).values()) {
            size += Values.itemSize(item);
        }
        for (IndexDef i : def.localIndexes) {
            for (Map<String, AttributeValue> item : indexes.get(i.name())
                    .subMap(ItemKey.partitionStart(hash), true, ItemKey.partitionEnd(hash), true).values()) {
                size += Values.itemSize(item);
            }
        }
        return size;
    }
}
