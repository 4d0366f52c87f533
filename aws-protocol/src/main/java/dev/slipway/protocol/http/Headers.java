package dev.slipway.protocol.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * HTTP headers: case-insensitive lookup, multi-valued, and the case and order in which they
 * arrived kept (API Gateway events and Lambda's headers are compared by clients as sent).
 */
public final class Headers {
    private final Map<String, Entry> byLowerName = new LinkedHashMap<>();

    private static final class Entry {
        final String name;
        final List<String> values = new ArrayList<>(1);

        Entry(String name) {
            this.name = name;
        }
    }

    public Headers() {}

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
        byLowerName.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new Entry(name)).values.add(value);
        return this;
    }

    /** Replaces every value of the header. */
    public Headers set(String name, String value) {
        Entry e = new Entry(name);
        e.values.add(value);
        byLowerName.put(name.toLowerCase(Locale.ROOT), e);
        return this;
    }

    public Headers remove(String name) {
        byLowerName.remove(name.toLowerCase(Locale.ROOT));
        return this;
    }

    /** The first value of the header, if present. */
    public Optional<String> first(String name) {
        Entry e = byLowerName.get(name.toLowerCase(Locale.ROOT));
        return e == null || e.values.isEmpty() ? Optional.empty() : Optional.of(e.values.get(0));
    }

    /** The first value, or null: for hot paths that would otherwise allocate an Optional. */
    public String get(String name) {
        Entry e = byLowerName.get(name.toLowerCase(Locale.ROOT));
        return e == null || e.values.isEmpty() ? null : e.values.get(0);
    }

    public List<String> all(String name) {
        Entry e = byLowerName.get(name.toLowerCase(Locale.ROOT));
        return e == null ? List.of() : Collections.unmodifiableList(e.values);
    }

    public boolean contains(String name) {
        return byLowerName.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /** Visits every (name as received, value) pair in arrival order. */
    public void forEach(BiConsumer<String, String> visitor) {
        for (Entry e : byLowerName.values()) {
            for (String v : e.values) {
                visitor.accept(e.name, v);
            }
        }
    }

    /** Names as received, each once, in arrival order. */
    public List<String> names() {
        List<String> names = new ArrayList<>(byLowerName.size());
        for (Entry e : byLowerName.values()) {
            names.add(e.name);
        }
        return names;
    }

    public boolean isEmpty() {
        return byLowerName.isEmpty();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        forEach((n, v) -> sb.append(sb.length() > 1 ? ", " : "").append(n).append('=').append(v));
        return sb.append('}').toString();
    }
}
