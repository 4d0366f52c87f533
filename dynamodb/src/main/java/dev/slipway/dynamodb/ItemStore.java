package dev.slipway.dynamodb;

import dev.slipway.dynamodb.model.AttributeValue;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * The items of a table or index in key order, compact: each entry is one byte array holding the
 * key in {@link KeyBytes}' order-preserving form and the item in {@link ItemCodec}'s, and the
 * entries sit in sorted chunks of at most {@value #CHUNK} (a flat B+-tree of one level), found by
 * two binary searches on the key bytes. Per item this costs the encoded bytes, an array header
 * and one reference: about 2× an item's DynamoDB size for small items, against 12× for a
 * TreeMap of object graphs. Items are decoded on every read.
 *
 * <p>Not thread-safe: the table's lock guards it (readers share, writers exclude).
 */
final class ItemStore {
    static final int CHUNK = 128;
    private final Function<Map<String, AttributeValue>, ItemKey> keyOf;
    private byte[][][] chunks = {new byte[8][]};
    private int[] counts = {0};
    private int chunkCount = 1;
    private int size;

    /** @param keyOf the key of a stored item (rebuilt on reads from the decoded item) */
    ItemStore(Function<Map<String, AttributeValue>, ItemKey> keyOf) {
        this.keyOf = keyOf;
    }

    int size() {
        return size;
    }

    Map<String, AttributeValue> get(ItemKey key) {
        KeyBytes.Probe probe = KeyBytes.probe(key);
        int c = chunkFor(probe);
        int i = search(c, probe);
        return i >= 0 ? decode(chunks[c][i]) : null;
    }

    /** Stores {@code item} under {@code key}; returns the item it replaced, or null. */
    Map<String, AttributeValue> put(ItemKey key, Map<String, AttributeValue> item) {
        byte[] keyBytes = KeyBytes.encode(key);
        KeyBytes.Buf out = new KeyBytes.Buf(keyBytes.length + 64);
        out.varint(keyBytes.length).add(keyBytes, 0, keyBytes.length);
        ItemCodec.encode(out, item);
        byte[] entry = out.toArray();
        KeyBytes.Probe probe = new KeyBytes.Probe(keyBytes, 0);
        int c = chunkFor(probe);
        int i = search(c, probe);
        if (i >= 0) {
            byte[] old = chunks[c][i];
            chunks[c][i] = entry;
            return decode(old);
        }
        insert(c, -i - 1, entry);
        size++;
        return null;
    }

    /** Removes the item under {@code key}; returns it, or null if there was none. */
    Map<String, AttributeValue> remove(ItemKey key) {
        KeyBytes.Probe probe = KeyBytes.probe(key);
        int c = chunkFor(probe);
        int i = search(c, probe);
        if (i < 0) {
            return null;
        }
        byte[] old = chunks[c][i];
        byte[][] chunk = chunks[c];
        System.arraycopy(chunk, i + 1, chunk, i, counts[c] - i - 1);
        chunk[--counts[c]] = null;
        size--;
        if (counts[c] == 0 && chunkCount > 1) {
            System.arraycopy(chunks, c + 1, chunks, c, chunkCount - c - 1);
            System.arraycopy(counts, c + 1, counts, c, chunkCount - c - 1);
            chunks[--chunkCount] = null;
        }
        return decode(old);
    }

    /** Every entry in key order. */
    Iterator<Map.Entry<ItemKey, Map<String, AttributeValue>>> all() {
        return range(null, true, null, true, false);
    }

    /**
     * Entries between two bounds (null: unbounded), ascending or descending. A bound with
     * {@link ItemKey#bound()} ±1 brackets every key starting with it, as in ItemKey's order.
     */
    Iterator<Map.Entry<ItemKey, Map<String, AttributeValue>>> range(ItemKey lo, boolean loInclusive, ItemKey hi,
            boolean hiInclusive, boolean descending) {
        KeyBytes.Probe loProbe = lo == null ? null : KeyBytes.probe(lo);
        KeyBytes.Probe hiProbe = hi == null ? null : KeyBytes.probe(hi);
        long start;
        if (!descending) {
            start = loProbe == null ? 0 : firstAtOrAfter(loProbe, !loInclusive);
        } else {
            start = hiProbe == null ? last() : previous(firstAtOrAfter(hiProbe, hiInclusive));
        }
        return new Iterator<>() {
            long at = start;
            Map.Entry<ItemKey, Map<String, AttributeValue>> next = advance();

            private Map.Entry<ItemKey, Map<String, AttributeValue>> advance() {
                if (at < 0) {
                    return null;
                }
                int c = (int) (at >>> 32);
                int i = (int) at;
                if (c >= chunkCount || i >= counts[c]) {
                    return null;
                }
                byte[] entry = chunks[c][i];
                if (!descending && hiProbe != null) {
                    int cmp = compare(entry, hiProbe);
                    if (cmp > 0 || (cmp == 0 && !hiInclusive)) {
                        return null;
                    }
                }
                if (descending && loProbe != null) {
                    int cmp = compare(entry, loProbe);
                    if (cmp < 0 || (cmp == 0 && !loInclusive)) {
                        return null;
                    }
                }
                at = descending ? previous(at) : following(at);
                Map<String, AttributeValue> item = decode(entry);
                return new AbstractMap.SimpleImmutableEntry<>(keyOf.apply(item), item);
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Map.Entry<ItemKey, Map<String, AttributeValue>> next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                Map.Entry<ItemKey, Map<String, AttributeValue>> r = next;
                next = advance();
                return r;
            }
        };
    }

    // ---- positions are (chunk << 32 | index); -1 is "before the first" ----

    private long following(long at) {
        int c = (int) (at >>> 32);
        int i = (int) at + 1;
        if (i < counts[c] || c == chunkCount - 1) {
            return (long) c << 32 | i;
        }
        return (long) (c + 1) << 32;
    }

    private long previous(long at) {
        int c = (int) (at >>> 32);
        int i = (int) at - 1;
        while (i < 0) {
            if (c == 0) {
                return -1;
            }
            c--;
            i = counts[c] - 1;
        }
        return (long) c << 32 | i;
    }

    private long last() {
        return previous((long) (chunkCount - 1) << 32 | counts[chunkCount - 1]);
    }

    /** The first entry comparing greater than (strict) or at least (not strict) the probe. */
    private long firstAtOrAfter(KeyBytes.Probe probe, boolean strict) {
        int c = chunkFor(probe);
        byte[][] chunk = chunks[c];
        int lo = 0;
        int hi = counts[c];
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            int cmp = compare(chunk[mid], probe);
            if (cmp < 0 || (strict && cmp == 0)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo == counts[c] && c < chunkCount - 1) {
            return (long) (c + 1) << 32;
        }
        return (long) c << 32 | lo;
    }

    /** The chunk that holds (or would hold) the probe: the last whose first key is not above it. */
    private int chunkFor(KeyBytes.Probe probe) {
        int lo = 1;
        int hi = chunkCount - 1;
        int found = 0;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (compare(chunks[mid][0], probe) <= 0) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** Index of the exact key in chunk {@code c}, or {@code -(insertion point) - 1}. */
    private int search(int c, KeyBytes.Probe probe) {
        byte[][] chunk = chunks[c];
        int lo = 0;
        int hi = counts[c] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int cmp = compare(chunk[mid], probe);
            if (cmp < 0) {
                lo = mid + 1;
            } else if (cmp > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -lo - 1;
    }

    private void insert(int c, int i, byte[] entry) {
        if (counts[c] == CHUNK) {
            boolean appending = c == chunkCount - 1 && i == CHUNK;
            int keep = appending ? CHUNK : CHUNK / 2;
            byte[][] moved = new byte[CHUNK][];
            int movedCount = CHUNK - keep;
            System.arraycopy(chunks[c], keep, moved, 0, movedCount);
            Arrays.fill(chunks[c], keep, CHUNK, null);
            counts[c] = keep;
            addChunk(c + 1, moved, movedCount);
            if (i > keep || appending) {
                c++;
                i -= keep;
            }
        }
        byte[][] chunk = chunks[c];
        if (counts[c] == chunk.length) {
            chunk = chunks[c] = Arrays.copyOf(chunk, Math.min(CHUNK, chunk.length * 2));
        }
        System.arraycopy(chunk, i, chunk, i + 1, counts[c] - i);
        chunk[i] = entry;
        counts[c]++;
    }

    private void addChunk(int at, byte[][] chunk, int count) {
        if (chunkCount == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunkCount * 2);
            counts = Arrays.copyOf(counts, chunkCount * 2);
        }
        System.arraycopy(chunks, at, chunks, at + 1, chunkCount - at);
        System.arraycopy(counts, at, counts, at + 1, chunkCount - at);
        chunks[at] = count == 0 ? new byte[8][] : chunk;
        counts[at] = count;
        chunkCount++;
    }

    private static int compare(byte[] entry, KeyBytes.Probe probe) {
        int length = 0;
        int p = 0;
        for (int shift = 0; ; shift += 7) {
            int b = entry[p++];
            length |= (b & 0x7F) << shift;
            if (b >= 0) {
                break;
            }
        }
        return KeyBytes.compare(entry, p, p + length, probe);
    }

    private static Map<String, AttributeValue> decode(byte[] entry) {
        int length = 0;
        int p = 0;
        for (int shift = 0; ; shift += 7) {
            int b = entry[p++];
            length |= (b & 0x7F) << shift;
            if (b >= 0) {
                break;
            }
        }
        return ItemCodec.decode(entry, p + length);
    }
}
