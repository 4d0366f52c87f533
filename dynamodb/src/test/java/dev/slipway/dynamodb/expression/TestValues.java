package dev.slipway.dynamodb.expression;

import dev.slipway.dynamodb.model.AttributeValue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Short constructors for attribute values and items in tests. */
final class TestValues {
    private TestValues() {
    }

    static AttributeValue s(String v) {
        return new AttributeValue.S(v);
    }

    static AttributeValue n(String v) {
        return new AttributeValue.N(new BigDecimal(v));
    }

    static AttributeValue b(String utf8) {
        return new AttributeValue.B(utf8.getBytes(StandardCharsets.UTF_8));
    }

    static AttributeValue bool(boolean v) {
        return new AttributeValue.Bool(v);
    }

    static AttributeValue nul() {
        return new AttributeValue.Null();
    }

    static AttributeValue l(AttributeValue... values) {
        return new AttributeValue.L(List.of(values));
    }

    static AttributeValue ss(String... values) {
        return new AttributeValue.SS(new LinkedHashSet<>(Arrays.asList(values)));
    }

    static AttributeValue ns(String... values) {
        LinkedHashSet<BigDecimal> set = new LinkedHashSet<>();
        for (String v : values) {
            set.add(new BigDecimal(v));
        }
        return new AttributeValue.NS(set);
    }

    static AttributeValue bs(String... utf8) {
        LinkedHashSet<AttributeValue.B> set = new LinkedHashSet<>();
        for (String v : utf8) {
            set.add(new AttributeValue.B(v.getBytes(StandardCharsets.UTF_8)));
        }
        return new AttributeValue.BS(set);
    }

    static AttributeValue m(Object... keyValues) {
        return new AttributeValue.M(item(keyValues));
    }

    /** item("a", s("x"), "b", n("1")) */
    static Map<String, AttributeValue> item(Object... keyValues) {
        Map<String, AttributeValue> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], (AttributeValue) keyValues[i + 1]);
        }
        return map;
    }

    static Map<String, String> names(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
