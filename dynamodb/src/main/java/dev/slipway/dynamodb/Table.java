package dev.slipway.dynamodb;

import dev.slipway.dynamodb.model.AttributeValue;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One table's live data: items ordered by key, one ordered store per secondary index (holding the
 * projected items, only for items that have the index's key attributes: sparse indexes), and the
 * running size. Items are kept encoded ({@link ItemStore}) and decoded on every read. Readers
 * take the read lock, writers the write lock, so a request sees an item entirely before or
 * entirely after another request's write, never torn.
 */
final class Table {
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    final TableDef def;
    final ItemStore items;
    final Map<String, ItemStore> indexes = new HashMap<>();
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
        this.items = new ItemStore(this::keyOf);
        for (IndexDef i : def.allIndexes()) {
            indexes.put(i.name(), indexStore(i));
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
        ItemKey key = keyOf(item);
        Map<String, AttributeValue> old = items.put(key, item);
        if (old != null) {
            sizeBytes -= Values.itemSize(old);
            unindex(key, old);
        }
        sizeBytes += Values.itemSize(item);
        index(key, item);
        listener.changed(this, key, old, item);
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

    /** Loads an item from storage at start-up: no listener call. */
    void load(Map<String, AttributeValue> item) {
        ItemKey key = keyOf(item);
        items.put(key, item);
        sizeBytes += Values.itemSize(item);
        index(key, item);
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

    private ItemStore indexStore(IndexDef index) {
        return new ItemStore(projected -> indexKey(index, keyOf(projected), projected));
    }

    /** Adds an index (UpdateTable Create) and backfills it. */
    void addIndex(IndexDef index) {
        indexes.put(index.name(), indexStore(index));
        indexBytes.put(index.name(), 0L);
        def.globalIndexes.add(index);
        ItemStore data = indexes.get(index.name());
        for (Iterator<Map.Entry<ItemKey, Map<String, AttributeValue>>> it = items.all(); it.hasNext(); ) {
            Map.Entry<ItemKey, Map<String, AttributeValue>> e = it.next();
            ItemKey key = e.getKey();
            Map<String, AttributeValue> item = e.getValue();
            ItemKey ik = indexKey(index, key, item);
            if (ik != null) {
                Map<String, AttributeValue> projected = index.project(item, def.keys);
                data.put(ik, projected);
                indexBytes.merge(index.name(), (long) Values.itemSize(projected), Long::sum);
            }
        }
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
        ItemStore data = indexes.get(index);
        return data == null ? 0 : data.size();
    }

    /** Item collection size (table + LSIs) of one partition, bytes; for ReturnItemCollectionMetrics. */
    long itemCollectionBytes(AttributeValue hash) {
        long size = partitionBytes(items, hash);
        for (IndexDef i : def.localIndexes) {
            size += partitionBytes(indexes.get(i.name()), hash);
        }
        return size;
    }

    private static long partitionBytes(ItemStore store, AttributeValue hash) {
        long size = 0;
        for (Iterator<Map.Entry<ItemKey, Map<String, AttributeValue>>> it = store.range(ItemKey.partitionStart(hash), true,
                ItemKey.partitionEnd(hash), true, false); it.hasNext(); ) {
            size += Values.itemSize(it.next().getValue());
        }
        return size;
    }
}
