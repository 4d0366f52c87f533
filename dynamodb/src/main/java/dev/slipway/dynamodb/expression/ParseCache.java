package dev.slipway.dynamodb.expression;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Applications send the same few expression texts over and over; tokenizing and parsing them
 * once is enough, because a parse result depends on the text alone (names and values are bound
 * later, by the validator). Only successful parses are kept; the cache is bounded by clearing
 * it when full, which is crude but cannot grow without limit under hostile input.
 */
final class ParseCache {
    static final int MAX_ENTRIES = 4096;
    private static final Map<String, Parser.Parsed<?>> CACHE = new ConcurrentHashMap<>();

    private ParseCache() {
    }

    @SuppressWarnings("unchecked")
    static <T> Parser.Parsed<T> get(String kind, String text, Supplier<Parser.Parsed<T>> parse) {
        String key = kind + '\u0000' + text;
        Parser.Parsed<?> cached = CACHE.get(key);
        if (cached != null) {
            return (Parser.Parsed<T>) cached;
        }
        Parser.Parsed<T> parsed = parse.get();
        if (CACHE.size() >= MAX_ENTRIES) {
            CACHE.clear();
        }
        CACHE.put(key, parsed);
        return parsed;
    }
}
