package dev.slipway.dynamodb.expression;

import dev.slipway.dynamodb.model.AttributeValue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DynamoDB's value semantics: equality across all types, ordering of N (numeric), S and B
 * (unsigned bytes of UTF-8, which is code-point order for strings), and size().
 */
final class Values {
    private Values() {
    }

    /** Deep equality; values of different types are never equal; numbers compare numerically. */
    static boolean equal(AttributeValue a, AttributeValue b) {
        if (a == null || b == null || !a.type().equals(b.type())) {
            return false;
        }
        if (a instanceof AttributeValue.N x) {
            return x.value().compareTo(((AttributeValue.N) b).value()) == 0;
        }
        if (a instanceof AttributeValue.NS x) {
            Set<BigDecimal> other = ((AttributeValue.NS) b).value();
            if (x.value().size() != other.size()) {
                return false;
            }
            outer:
            for (BigDecimal n : x.value()) {
                for (BigDecimal m : other) {
                    if (n.compareTo(m) == 0) {
                        continue outer;
                    }
                }
                return false;
            }
            return true;
        }
        if (a instanceof AttributeValue.M x) {
            Map<String, AttributeValue> other = ((AttributeValue.M) b).value();
            if (x.value().size() != other.size()) {
                return false;
            }
            for (Map.Entry<String, AttributeValue> e : x.value().entrySet()) {
                if (!equal(e.getValue(), other.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof AttributeValue.L x) {
            List<AttributeValue> other = ((AttributeValue.L) b).value();
            if (x.value().size() != other.size()) {
                return false;
            }
            Iterator<AttributeValue> it = other.iterator();
            for (AttributeValue v : x.value()) {
                if (!equal(v, it.next())) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /**
     * Order of two values of the same scalar type N, S or B; null when they are not comparable
     * (different types, or a type without order), which makes every ordering comparison false.
     */
    static Integer compare(AttributeValue a, AttributeValue b) {
        if (a instanceof AttributeValue.N x && b instanceof AttributeValue.N y) {
            return x.value().compareTo(y.value());
        }
        if (a instanceof AttributeValue.S x && b instanceof AttributeValue.S y) {
            return compareCodePoints(x.value(), y.value());
        }
        if (a instanceof AttributeValue.B x && b instanceof AttributeValue.B y) {
            return compareUnsigned(x.value(), y.value());
        }
        return null;
    }

    /** Code-point order equals the order of the UTF-8 bytes, which is what DynamoDB compares. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    static int compareUnsigned(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            int c = Integer.compare(a[i] & 0xff, b[i] & 0xff);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    static boolean beginsWith(AttributeValue value, AttributeValue prefix) {
        if (value instanceof AttributeValue.S s && prefix instanceof AttributeValue.S p) {
            return s.value().startsWith(p.value());
        }
        if (value instanceof AttributeValue.B b && prefix instanceof AttributeValue.B p) {
            if (p.value().length > b.value().length) {
                return false;
            }
            for (int i = 0; i < p.value().length; i++) {
                if (b.value()[i] != p.value()[i]) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * contains(): substring of a string, sub-sequence of a binary, member of a set (of the
     * matching element type), or element of a list.
     */
    static boolean contains(AttributeValue value, AttributeValue operand) {
        if (value instanceof AttributeValue.S s && operand instanceof AttributeValue.S o) {
            return s.value().contains(o.value());
        }
        if (value instanceof AttributeValue.B b && operand instanceof AttributeValue.B o) {
            return indexOf(b.value(), o.value()) >= 0;
        }
        if (value instanceof AttributeValue.SS ss && operand instanceof AttributeValue.S o) {
            return ss.value().contains(o.value());
        }
        if (value instanceof AttributeValue.NS ns && operand instanceof AttributeValue.N o) {
            return ns.value().stream().anyMatch(n -> n.compareTo(o.value()) == 0);
        }
        if (value instanceof AttributeValue.BS bs && operand instanceof AttributeValue.B o) {
            return bs.value().contains(o);
        }
        if (value instanceof AttributeValue.L l) {
            return l.value().stream().anyMatch(e -> equal(e, operand));
        }
        return false;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * size(): length of a string (UTF-8 bytes) or binary, number of elements of a set, list or map;
     * null for N, BOOL and NULL, on which size() is undefined and the comparison is false.
     */
    static AttributeValue size(AttributeValue value) {
        long size;
        if (value instanceof AttributeValue.S s) {
            size = s.value().getBytes(StandardCharsets.UTF_8).length;
        } else if (value instanceof AttributeValue.B b) {
            size = b.value().length;
        } else if (value instanceof AttributeValue.SS ss) {
            size = ss.value().size();
        } else if (value instanceof AttributeValue.NS ns) {
            size = ns.value().size();
        } else if (value instanceof AttributeValue.BS bs) {
            size = bs.value().size();
        } else if (value instanceof AttributeValue.L l) {
            size = l.value().size();
        } else if (value instanceof AttributeValue.M m) {
            size = m.value().size();
        } else {
            return null;
        }
        return new AttributeValue.N(BigDecimal.valueOf(size));
    }
}
