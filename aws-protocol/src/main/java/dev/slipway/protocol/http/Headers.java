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

    private static final class Entry {
        final String name;
        final List<String> values = new ArrayList<>(1);

        Entry(String name) {
            this.name = name;
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
            e = new Entry(name);
            entries.add(e);
        }
        e.values.add(value);
        return this;
    }

    /** Replaces every value of the header. */
    public Headers set(String name, String value) {
        Entry e = new Entry(name);
        e.values.add(value);
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
        return e == null || e.values.isEmpty() ? Optional.empty() : Optional.of(e.values.get(0));
    }

    /** The first value, or null: for hot paths that would otherwise allocate an Optional. */
    public String get(String name) {
        Entry e = find(name);
        return e == null || e.values.isEmpty() ? null : e.values.get(0);
    }

    public List<String> all(String name) {
        Entry e = find(name);
        return e == null ? List.of() : Collections.unmodifiableList(e.values);
    }

    public boolean contains(String name) {
        return find(name) != null;
    }

    /** Visits every (name as received, value) pair in arrival order. */
    public void forEach(BiConsumer<String, String> visitor) {
        for (Entry e : entries) {
            for (String v : e.values) {
                visitor.accept(e.name, v);
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

    /** Number of distinct names; with {@link #name} and {@link #values}, a walk without a visitor. */
    int size() {
        return entries.size();
    }

    String name(int index) {
        return entries.get(index).name;
    }

    List<String> values(int index) {
        return entries.get(index).values;
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
