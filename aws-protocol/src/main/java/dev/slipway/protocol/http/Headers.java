package dev.slipway.protocol.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * HTTP headers: case-insensitive lookup, multi-valued, and the case and order in which they
 * arrived kept (API Gateway events and Lambda's headers are compared by clients as sent).
 */
public final class Headers {
    /**
     * Entries in arrival order, found by a case-insensitive scan: a request has a dozen headers, and
     * comparing names beats lower-casing and hashing every one of them (this is on every request).
     */
    private final List<Entry> entries = new ArrayList<>(8);

    /** A name and its values; the first held in a field, since a header nearly always has one value. */
    private static final class Entry {
        final String name;
        final String first;
        /** The values after the first, or null. */
        List<String> more;

        Entry(String name, String first) {
            this.name = name;
            this.first = first;
        }

        int count() {
            return more == null ? 1 : 1 + more.size();
        }

        String value(int index) {
            return index == 0 ? first : more.get(index - 1);
        }

        List<String> values() {
            if (more == null) {
                return Collections.singletonList(first);
            }
            List<String> all = new ArrayList<>(1 + more.size());
            all.add(first);
            all.addAll(more);
            return Collections.unmodifiableList(all);
        }
    }

    public Headers() {}

    private Entry find(String name) {
        for (int i = 0, n = entries.size(); i < n; i++) {
            Entry e = entries.get(i);
            if (e.name.equalsIgnoreCase(name)) {
                return e;
            }
        }
        return null;
    }

    private int indexOf(String name) {
        for (int i = 0, n = entries.size(); i < n; i++) {
            if (entries.get(i).name.equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    public static Headers of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        Headers h = new Headers();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            h.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return h;
    }

    /** Adds a value, keeping any already there. */
    public Headers add(String name, String value) {
        Entry e = find(name);
        if (e == null) {
            entries.add(new Entry(name, value));
        } else {
            if (e.more == null) {
                e.more = new ArrayList<>(2);
            }
            e.more.add(value);
        }
        return this;
    }

    /** Replaces every value of the header. */
    public Headers set(String name, String value) {
        Entry e = new Entry(name, value);
        int i = indexOf(name);
        if (i < 0) {
            entries.add(e);
        } else {
            entries.set(i, e);
        }
        return this;
    }

    public Headers remove(String name) {
        int i = indexOf(name);
        if (i >= 0) {
            entries.remove(i);
        }
        return this;
    }

    /** The first value of the header, if present. */
    public Optional<String> first(String name) {
        Entry e = find(name);
        return e == null ? Optional.empty() : Optional.of(e.first);
    }

    /** The first value, or null: for hot paths that would otherwise allocate an Optional. */
    public String get(String name) {
        Entry e = find(name);
        return e == null ? null : e.first;
    }

    public List<String> all(String name) {
        Entry e = find(name);
        return e == null ? List.of() : e.values();
    }

    public boolean contains(String name) {
        return find(name) != null;
    }

    /** Visits every (name as received, value) pair in arrival order. */
    public void forEach(BiConsumer<String, String> visitor) {
        for (Entry e : entries) {
            visitor.accept(e.name, e.first);
            if (e.more != null) {
                for (String v : e.more) {
                    visitor.accept(e.name, v);
                }
            }
        }
    }

    /** Names as received, each once, in arrival order. */
    public List<String> names() {
        List<String> names = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            names.add(e.name);
        }
        return names;
    }

    /** Number of distinct names; with {@link #name} and {@link #value}, a walk without a visitor. */
    int size() {
        return entries.size();
    }

    String name(int index) {
        return entries.get(index).name;
    }

    int valueCount(int index) {
        return entries.get(index).count();
    }

    String value(int index, int valueIndex) {
        return entries.get(index).value(valueIndex);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        forEach((n, v) -> sb.append(sb.length() > 1 ? ", " : "").append(n).append('=').append(v));
        return sb.append('}').toString();
    }
}
