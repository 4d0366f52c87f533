package dev.slipway.dynamodb;

import dev.slipway.dynamodb.model.AttributeValue;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Order-preserving byte encoding of {@link ItemKey}s: comparing two encodings as unsigned bytes
 * gives the order of {@link ItemKey#compareTo} (DynamoDB's key order), so {@link ItemStore} can
 * keep keys as bytes and binary-search them without decoding.
 *
 * <p>A key is its components one after another (partition value, sort value, then for index
 * entries the table key's two), each self-delimiting so that no complete component is a prefix
 * of another:
 * <ul>
 * <li>S: the code points in UTF-8 (lone surrogates as 3-byte sequences, keeping code point
 *     order), B: the bytes; in both, 0x00 is escaped as 0x00 0xFF and the end is 0x00 0x01.
 * <li>N: a sign byte (0x01 negative, 0x02 zero, 0x03 positive); for non-zero values the decimal
 *     exponent (4 bytes, sign bit flipped) and the significant digits as ASCII, ended by 0x00;
 *     for negative values every byte after the sign is inverted, so larger magnitudes sort first.
 * </ul>
 * A {@link Probe} is a key prefix with ItemKey's {@code bound}: -1 sorts before every key that
 * starts with it, +1 after every one.
 */
final class KeyBytes {
    private KeyBytes() {}

    /** A search position: key bytes and the ItemKey bound (-1 before, 0 exactly, +1 after the prefix). */
    record Probe(byte[] bytes, int bound) {}

    static Probe probe(ItemKey key) {
        return new Probe(encode(key), key.bound());
    }

    static byte[] encode(ItemKey key) {
        Buf out = new Buf(32);
        append(out, key);
        return out.toArray();
    }

    private static void append(Buf out, ItemKey key) {
        component(out, key.hash());
        if (key.range() != null) {
            component(out, key.range());
        }
        if (key.tableKey() != null) {
            append(out, key.tableKey());
        }
    }

    private static void component(Buf out, AttributeValue v) {
        if (v instanceof AttributeValue.S s) {
            String str = s.value();
            for (int i = 0; i < str.length(); ) {
                int cp = str.codePointAt(i);
                i += Character.charCount(cp);
                if (cp == 0) {
                    out.add(0).add(0xFF);
                } else if (cp < 0x80) {
                    out.add(cp);
                } else if (cp < 0x800) {
                    out.add(0xC0 | (cp >> 6)).add(0x80 | (cp & 0x3F));
                } else if (cp < 0x10000) {
                    out.add(0xE0 | (cp >> 12)).add(0x80 | ((cp >> 6) & 0x3F)).add(0x80 | (cp & 0x3F));
                } else {
                    out.add(0xF0 | (cp >> 18)).add(0x80 | ((cp >> 12) & 0x3F)).add(0x80 | ((cp >> 6) & 0x3F))
                            .add(0x80 | (cp & 0x3F));
                }
            }
            out.add(0).add(1);
        } else if (v instanceof AttributeValue.B b) {
            for (byte x : b.value()) {
                if (x == 0) {
                    out.add(0).add(0xFF);
                } else {
                    out.add(x & 0xFF);
                }
            }
            out.add(0).add(1);
        } else if (v instanceof AttributeValue.N n) {
            number(out, n.value());
        } else {
            throw new IllegalArgumentException("not a key type: " + v.type());
        }
    }

    private static void number(Buf out, BigDecimal value) {
        int sign = value.signum();
        if (sign == 0) {
            out.add(0x02);
            return;
        }
        out.add(sign < 0 ? 0x01 : 0x03);
        BigDecimal abs = value.abs().stripTrailingZeros();
        String digits = abs.unscaledValue().toString();
        int exponent = digits.length() - abs.scale(); // value = 0.digits × 10^exponent
        int flip = sign < 0 ? 0xFF : 0;
        int e = exponent ^ 0x80000000;
        out.add(((e >>> 24) & 0xFF) ^ flip).add(((e >>> 16) & 0xFF) ^ flip).add(((e >>> 8) & 0xFF) ^ flip).add((e & 0xFF) ^ flip);
        for (int i = 0; i < digits.length(); i++) {
            out.add(digits.charAt(i) ^ flip);
        }
        out.add(flip);
    }

    /** Compares stored key bytes {@code key[from, to)} with a probe. */
    static int compare(byte[] key, int from, int to, Probe probe) {
        byte[] p = probe.bytes();
        int c = Arrays.compareUnsigned(key, from, Math.min(to, from + p.length), p, 0, Math.min(p.length, to - from));
        if (c != 0) {
            return c;
        }
        int keyLength = to - from;
        if (keyLength < p.length) {
            return -1;
        }
        if (probe.bound() != 0) {
            return -probe.bound(); // the probe brackets every key starting with its bytes
        }
        return keyLength == p.length ? 0 : 1;
    }

    /** A growable byte buffer. */
    static final class Buf {
        byte[] a;
        int n;

        Buf(int capacity) {
            a = new byte[capacity];
        }

        Buf add(int b) {
            if (n == a.length) {
                a = Arrays.copyOf(a, a.length * 2);
            }
            a[n++] = (byte) b;
            return this;
        }

        Buf add(byte[] b, int off, int len) {
            if (n + len > a.length) {
                a = Arrays.copyOf(a, Math.max(a.length * 2, n + len));
            }
            System.arraycopy(b, off, a, n, len);
            n += len;
            return this;
        }

        Buf varint(int v) {
            while ((v & ~0x7F) != 0) {
                add((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            return add(v);
        }

        byte[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }
}
