package dev.slipway.dynamodb;

import dev.slipway.dynamodb.model.AttributeValue;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/** Key order and item size, as DynamoDB defines them. */
final class Values {
    private Values() {}

    /**
     * Orders two key values of the same scalar type: numbers numerically, strings by their
     * UTF-8 bytes (which is code point order), binaries by unsigned bytes.
     */
    static int compare(AttributeValue a, AttributeValue b) {
        if (a instanceof AttributeValue.N x && b instanceof AttributeValue.N y) {
            return x.value().compareTo(y.value());
        }
        if (a instanceof AttributeValue.S x && b instanceof AttributeValue.S y) {
            return compareCodePoints(x.value(), y.value());
        }
        if (a instanceof AttributeValue.B x && b instanceof AttributeValue.B y) {
            return Arrays.compareUnsigned(x.value(), y.value());
        }
        return a.type().compareTo(b.type());
    }

    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** Size of an item: attribute names plus values, as DynamoDB counts it for the 400 KB limit. */
    static int itemSize(Map<String, AttributeValue> item) {
        int size = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            size += utf8Length(e.getKey()) + size(e.getValue());
        }
        return size;
    }

    static int size(AttributeValue v) {
        if (v instanceof AttributeValue.S s) {
            return utf8Length(s.value());
        }
        if (v instanceof AttributeValue.N n) {
            return Numbers.size(n.value());
        }
        if (v instanceof AttributeValue.B b) {
            return b.value().length;
        }
        if (v instanceof AttributeValue.Bool || v instanceof AttributeValue.Null) {
            return 1;
        }
        if (v instanceof AttributeValue.M m) {
            int size = 3;
            for (Map.Entry<String, AttributeValue> e : m.value().entrySet()) {
                size += 1 + utf8Length(e.getKey()) + size(e.getValue());
            }
            return size;
        }
        if (v instanceof AttributeValue.L l) {
            int size = 3;
            for (AttributeValue x : l.value()) {
                size += 1 + size(x);
            }
            return size;
        }
        if (v instanceof AttributeValue.SS ss) {
            return ss.value().stream().mapToInt(Values::utf8Length).sum();
        }
        if (v instanceof AttributeValue.NS ns) {
            return ns.value().stream().mapToInt(Numbers::size).sum();
        }
        if (v instanceof AttributeValue.BS bs) {
            return bs.value().stream().mapToInt(b -> b.value().length).sum();
        }
        return 0;
    }

    static int utf8Length(String s) {
        int n = s.length();
        int bytes = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    bytes += 1;
                } else if (Character.isHighSurrogate(c)) {
                    bytes += 2;
                    i++;
                } else {
                    bytes += 2;
                }
            }
        }
        return bytes;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
