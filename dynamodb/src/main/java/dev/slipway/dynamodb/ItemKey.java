package dev.slipway.dynamodb;

import dev.slipway.dynamodb.model.AttributeValue;

/**
 * A position in a table or index: partition value, sort value (null when the schema has none),
 * and for indexes the table key of the item (index keys are not unique). {@code bound} makes a
 * probe sort before (-1) or after (+1) every key with the same partition value and sort prefix.
 */
record ItemKey(AttributeValue hash, AttributeValue range, ItemKey tableKey, int bound) implements Comparable<ItemKey> {

    static ItemKey of(AttributeValue hash, AttributeValue range) {
        return new ItemKey(hash, range, null, 0);
    }

    static ItemKey partitionStart(AttributeValue hash) {
        return new ItemKey(hash, null, null, -1);
    }

    static ItemKey partitionEnd(AttributeValue hash) {
        return new ItemKey(hash, null, null, 1);
    }

    /** Probe placed before (-1) or after (+1) all entries with this hash and range value. */
    static ItemKey around(AttributeValue hash, AttributeValue range, int bound) {
        return new ItemKey(hash, range, null, bound);
    }

    @Override
    public int compareTo(ItemKey o) {
        int c = Values.compare(hash, o.hash);
        if (c != 0) {
            return c;
        }
        if (range == null || o.range == null) {
            if (range == null && o.range == null) {
                return compareTail(o);
            }
            // a probe without a range value brackets the whole partition
            return range == null ? (bound == 0 ? -1 : bound) : (o.bound == 0 ? 1 : -o.bound);
        }
        c = Values.compare(range, o.range);
        if (c != 0) {
            return c;
        }
        return compareTail(o);
    }

    private int compareTail(ItemKey o) {
        if (bound != 0 || o.bound != 0) {
            return Integer.compare(bound, o.bound);
        }
        if (tableKey == null || o.tableKey == null) {
            return tableKey == null ? (o.tableKey == null ? 0 : -1) : 1;
        }
        return tableKey.compareTo(o.tableKey);
    }
}
