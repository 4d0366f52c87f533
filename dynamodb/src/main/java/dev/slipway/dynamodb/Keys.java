package dev.slipway.dynamodb;

import dev.slipway.dynamodb.error.ValidationException;
import dev.slipway.dynamodb.model.AttributeValue;
import java.util.Map;

/** Tier-4 checks of keys and items against a table's schema (they need the table). */
final class Keys {
    private Keys() {}

    /** Checks a {@code Key} parameter: exactly the key attributes, of the right types. */
    static ItemKey key(TableDef def, Map<String, AttributeValue> key) {
        KeySchema k = def.keys;
        int expected = k.rangeName().isPresent() ? 2 : 1;
        if (key == null || key.size() != expected) {
            throw ValidationException.keyMismatch();
        }
        AttributeValue h = key.get(k.hashName());
        if (h == null || !h.type().equals(k.hashType())) {
            throw ValidationException.keyMismatch();
        }
        AttributeValue r = null;
        if (k.rangeName().isPresent()) {
            r = key.get(k.rangeName().get());
            if (r == null || !r.type().equals(k.rangeType().orElseThrow())) {
                throw ValidationException.keyMismatch();
            }
        }
        checkKeyValue(k.hashName(), h, Limits.MAX_HASH_KEY_BYTES, true);
        if (r != null) {
            checkKeyValue(k.rangeName().get(), r, Limits.MAX_RANGE_KEY_BYTES, false);
        }
        return ItemKey.of(h, r);
    }

    /** Checks a whole item to be written: key attributes present and typed, index keys typed, size. */
    static void item(TableDef def, Map<String, AttributeValue> item) {
        KeySchema k = def.keys;
        keyAttribute(item, k.hashName(), k.hashType(), Limits.MAX_HASH_KEY_BYTES, true);
        if (k.rangeName().isPresent()) {
            keyAttribute(item, k.rangeName().get(), k.rangeType().orElseThrow(), Limits.MAX_RANGE_KEY_BYTES, false);
        }
        for (IndexDef index : def.allIndexes()) {
            indexAttribute(index, item, index.keys().hashName(), index.keys().hashType());
            if (index.keys().rangeName().isPresent()) {
                indexAttribute(index, item, index.keys().rangeName().get(), index.keys().rangeType().orElseThrow());
            }
        }
        if (Values.itemSize(item) > Limits.MAX_ITEM_BYTES) {
            throw ValidationException.itemTooLarge();
        }
    }

    private static void keyAttribute(Map<String, AttributeValue> item, String name, String type, int maxBytes, boolean hash) {
        AttributeValue v = item.get(name);
        if (v == null) {
            throw ValidationException.missingKey(name);
        }
        if (!v.type().equals(type)) {
            throw ValidationException.keyTypeMismatch(name, type, v.type());
        }
        checkKeyValue(name, v, maxBytes, hash);
    }

    private static void indexAttribute(IndexDef index, Map<String, AttributeValue> item, String name, String type) {
        AttributeValue v = item.get(name);
        if (v == null) {
            return;
        }
        if (!v.type().equals(type)) {
            throw ValidationException.indexKeyTypeMismatch(index.name(), name, type, v.type());
        }
        if (v instanceof AttributeValue.S s && s.value().isEmpty()) {
            throw ValidationException.emptyIndexKeyString(index.name(), name);
        }
    }

    static void checkKeyValue(String name, AttributeValue v, int maxBytes, boolean hash) {
        if (v instanceof AttributeValue.S s && s.value().isEmpty()) {
            throw ValidationException.emptyKeyString(name);
        }
        if (v instanceof AttributeValue.B b && b.value().length == 0) {
            throw ValidationException.emptyKeyBinary(name);
        }
        if (Values.size(v) > maxBytes) {
            throw hash ? ValidationException.hashKeyTooLarge() : ValidationException.rangeKeyTooLarge();
        }
    }

    /** The key attributes of an item (for LastEvaluatedKey and KEYS_ONLY projections). */
    static Map<String, AttributeValue> keyAttributes(KeySchema k, Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new java.util.LinkedHashMap<>();
        key.put(k.hashName(), item.get(k.hashName()));
        k.rangeName().ifPresent(r -> key.put(r, item.get(r)));
        return key;
    }
}
