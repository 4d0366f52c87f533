package dev.slipway.dynamodb;

import dev.slipway.dynamodb.model.AttributeValue;
import java.util.Map;
import java.util.Optional;

/**
 * A table's or index's key: partition (hash) attribute and optional sort (range) attribute,
 * with their scalar types (S, N or B).
 */
record KeySchema(String hashName, String hashType, Optional<String> rangeName, Optional<String> rangeType) {

    boolean isKeyAttribute(String name) {
        return hashName.equals(name) || rangeName.map(name::equals).orElse(false);
    }

    AttributeValue hash(Map<String, AttributeValue> item) {
        return item.get(hashName);
    }

    AttributeValue range(Map<String, AttributeValue> item) {
        return rangeName.map(item::get).orElse(null);
    }
}
