package dev.slipway.dynamodb;

import dev.slipway.dynamodb.model.AttributeValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stored form of an item: a compact byte encoding, decoded on every read. An item on the
 * heap as objects (a map, an entry and a value object per attribute, a String or BigDecimal
 * behind each) takes 10-15× its DynamoDB size; as bytes it takes little more than that size.
 *
 * <p>Layout: attribute count (varint), then per attribute its name and value. A name is a
 * varint {@code id + 2} into a process-wide dictionary of attribute names (bounded, so that
 * generated names cannot grow it without end) or 1 followed by the name as a string. A string is
 * a varint {@code length << 1} and UTF-8, or {@code length << 1 | 1} and the UTF-16 chars when it
 * holds a lone surrogate (which UTF-8 cannot carry). A value is a type tag then: S a string, B a varint
 * length and the bytes; N the unscaled value's two's
 * complement bytes (varint length) and the scale (zig-zag varint); BOOL and NULL nothing more;
 * M like an item; L and the sets a count and the elements.
 */
final class ItemCodec {
    private static final int S = 1, N = 2, B = 3, TRUE = 4, FALSE = 5, NULL = 6, M = 7, L = 8, SS = 9, NS = 10, BS = 11;
    private static final int MAX_NAMES = 100_000;
    private static final ConcurrentHashMap<String, Integer> NAME_IDS = new ConcurrentHashMap<>();
    private static volatile String[] names = new String[64];
    private static int nameCount;

    private ItemCodec() {}

    static byte[] encode(Map<String, AttributeValue> item) {
        KeyBytes.Buf out = new KeyBytes.Buf(64);
        encode(out, item);
        return out.toArray();
    }

    /** Appends the encoding of {@code item} to {@code out}. */
    static void encode(KeyBytes.Buf out, Map<String, AttributeValue> item) {
        out.varint(item.size());
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            name(out, e.getKey());
            value(out, e.getValue());
        }
    }

    private static void name(KeyBytes.Buf out, String name) {
        Integer id = NAME_IDS.get(name);
        if (id == null) {
            id = register(name);
        }
        if (id >= 0) {
            out.varint(id + 2);
        } else {
            out.add(1); // not in the dictionary: the name follows
            string(out, name);
        }
    }

    private static synchronized int register(String name) {
        Integer id = NAME_IDS.get(name);
        if (id != null) {
            return id;
        }
        if (nameCount >= MAX_NAMES) {
            return -1;
        }
        String[] current = names;
        if (nameCount == current.length) {
            current = Arrays.copyOf(current, current.length * 2);
        }
        current[nameCount] = name;
        names = current; // publish the array before the id can be seen
        NAME_IDS.put(name, nameCount);
        return nameCount++;
    }

    private static void value(KeyBytes.Buf out, AttributeValue v) {
        if (v instanceof AttributeValue.S s) {
            out.add(S);
            string(out, s.value());
        } else if (v instanceof AttributeValue.N n) {
            out.add(N);
            number(out, n.value());
        } else if (v instanceof AttributeValue.B b) {
            out.add(B).varint(b.value().length).add(b.value(), 0, b.value().length);
        } else if (v instanceof AttributeValue.Bool b) {
            out.add(b.value() ? TRUE : FALSE);
        } else if (v instanceof AttributeValue.Null) {
            out.add(NULL);
        } else if (v instanceof AttributeValue.M m) {
            out.add(M);
            encode(out, m.value());
        } else if (v instanceof AttributeValue.L l) {
            out.add(L).varint(l.value().size());
            l.value().forEach(x -> value(out, x));
        } else if (v instanceof AttributeValue.SS ss) {
            out.add(SS).varint(ss.value().size());
            ss.value().forEach(x -> string(out, x));
        } else if (v instanceof AttributeValue.NS ns) {
            out.add(NS).varint(ns.value().size());
            ns.value().forEach(x -> number(out, x));
        } else if (v instanceof AttributeValue.BS bs) {
            out.add(BS).varint(bs.value().size());
            bs.value().forEach(x -> out.varint(x.value().length).add(x.value(), 0, x.value().length));
        } else {
            throw new IllegalArgumentException("unknown attribute value " + v);
        }
    }

    /** UTF-8 ({@code length << 1}), or UTF-16 ({@code length << 1 | 1}) for the rare string that UTF-8 cannot carry. */
    private static void string(KeyBytes.Buf out, String s) {
        if (hasLoneSurrogate(s)) {
            out.varint(s.length() * 2 << 1 | 1); // the chars as they are (a charset would replace the lone surrogate)
            for (int i = 0; i < s.length(); i++) {
                out.add(s.charAt(i) >>> 8).add(s.charAt(i) & 0xFF);
            }
        } else {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.varint(b.length << 1).add(b, 0, b.length);
        }
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            }
        }
        return false;
    }

    private static void number(KeyBytes.Buf out, BigDecimal n) {
        byte[] unscaled = n.unscaledValue().toByteArray();
        out.varint(unscaled.length).add(unscaled, 0, unscaled.length);
        int scale = n.scale();
        out.varint((scale << 1) ^ (scale >> 31));
    }

    /** Decodes an item stored at {@code bytes[offset…]}. */
    static Map<String, AttributeValue> decode(byte[] bytes, int offset) {
        return new Reader(bytes, offset).map();
    }

    private static final class Reader {
        final byte[] a;
        int p;

        Reader(byte[] a, int p) {
            this.a = a;
            this.p = p;
        }

        int varint() {
            int v = 0;
            for (int shift = 0; ; shift += 7) {
                int b = a[p++];
                v |= (b & 0x7F) << shift;
                if (b >= 0) {
                    return v;
                }
            }
        }

        Map<String, AttributeValue> map() {
            int n = varint();
            Map<String, AttributeValue> m = new LinkedHashMap<>(n * 4 / 3 + 1);
            for (int i = 0; i < n; i++) {
                int h = varint();
                String name = h == 1 ? string() : names[h - 2];
                m.put(name, value());
            }
            return m;
        }

        AttributeValue value() {
            int tag = a[p++];
            switch (tag) {
                case S:
                    return new AttributeValue.S(string());
                case N:
                    return new AttributeValue.N(number());
                case B:
                    return new AttributeValue.B(bytes());
                case TRUE:
                    return new AttributeValue.Bool(true);
                case FALSE:
                    return new AttributeValue.Bool(false);
                case NULL:
                    return new AttributeValue.Null();
                case M:
                    return new AttributeValue.M(map());
                case L: {
                    int n = varint();
                    List<AttributeValue> l = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        l.add(value());
                    }
                    return new AttributeValue.L(l);
                }
                case SS: {
                    int n = varint();
                    Set<String> s = new LinkedHashSet<>(n * 4 / 3 + 1);
                    for (int i = 0; i < n; i++) {
                        s.add(string());
                    }
                    return new AttributeValue.SS(s);
                }
                case NS: {
                    int n = varint();
                    Set<BigDecimal> s = new LinkedHashSet<>(n * 4 / 3 + 1);
                    for (int i = 0; i < n; i++) {
                        s.add(number());
                    }
                    return new AttributeValue.NS(s);
                }
                case BS: {
                    int n = varint();
                    Set<AttributeValue.B> s = new LinkedHashSet<>(n * 4 / 3 + 1);
                    for (int i = 0; i < n; i++) {
                        s.add(new AttributeValue.B(bytes()));
                    }
                    return new AttributeValue.BS(s);
                }
                default:
                    throw new IllegalStateException("corrupt stored item: type tag " + tag);
            }
        }

        String string() {
            int h = varint();
            int len = h >>> 1;
            if ((h & 1) == 0) {
                String s = new String(a, p, len, StandardCharsets.UTF_8);
                p += len;
                return s;
            }
            char[] chars = new char[len / 2];
            for (int i = 0; i < chars.length; i++, p += 2) {
                chars[i] = (char) ((a[p] & 0xFF) << 8 | (a[p + 1] & 0xFF));
            }
            return new String(chars);
        }

        byte[] bytes() {
            int len = varint();
            byte[] b = Arrays.copyOfRange(a, p, p + len);
            p += len;
            return b;
        }

        BigDecimal number() {
            int len = varint();
            BigInteger unscaled = new BigInteger(a, p, len);
            p += len;
            int z = varint();
            return new BigDecimal(unscaled, (z >>> 1) ^ -(z & 1));
        }
    }
}
