package dev.slipway.lambda;

/**
 * A fast yes-or-don't-know check that a payload is one strict JSON value (RFC 8259), for the
 * invoke path: creating a Jackson parser costs about as much as the rest of an invocation's
 * request handling, and nearly every payload is small, plain ASCII JSON.
 *
 * <p>It answers true only for what Jackson certainly accepts too: one value, whitespace around
 * it, ASCII only, nesting and numbers far below Jackson's limits. Anything else (non-ASCII text,
 * trailing content, deep nesting, malformed input) answers false, and the caller asks Jackson,
 * whose verdict and error message stay the ones Lambda's errors are built from.
 */
final class StrictJson {
    private static final int MAX_DEPTH = 64;
    private static final int MAX_NUMBER_CHARS = 100;
    private static final int MAX_NAME_CHARS = 1000;

    private final byte[] b;
    private int i;

    private StrictJson(byte[] b) {
        this.b = b;
    }

    /** True when {@code payload} is certainly one well-formed JSON value; false when unsure. */
    static boolean isWellFormed(byte[] payload) {
        StrictJson s = new StrictJson(payload);
        s.space();
        if (!s.value(0)) {
            return false;
        }
        s.space();
        return s.i == payload.length;
    }

    private void space() {
        while (i < b.length) {
            byte c = b[i];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            i++;
        }
    }

    private boolean value(int depth) {
        if (i >= b.length) {
            return false;
        }
        switch (b[i]) {
            case '{':
                return depth < MAX_DEPTH && object(depth + 1);
            case '[':
                return depth < MAX_DEPTH && array(depth + 1);
            case '"':
                return string(Integer.MAX_VALUE);
            case 't':
                return literal("true");
            case 'f':
                return literal("false");
            case 'n':
                return literal("null");
            default:
                return number();
        }
    }

    private boolean object(int depth) {
        i++;
        space();
        if (i < b.length && b[i] == '}') {
            i++;
            return true;
        }
        while (true) {
            if (i >= b.length || b[i] != '"' || !string(MAX_NAME_CHARS)) {
                return false;
            }
            space();
            if (i >= b.length || b[i] != ':') {
                return false;
            }
            i++;
            space();
            if (!value(depth)) {
                return false;
            }
            space();
            if (i >= b.length) {
                return false;
            }
            if (b[i] == ',') {
                i++;
                space();
            } else if (b[i] == '}') {
                i++;
                return true;
            } else {
                return false;
            }
        }
    }

    private boolean array(int depth) {
        i++;
        space();
        if (i < b.length && b[i] == ']') {
            i++;
            return true;
        }
        while (true) {
            if (!value(depth)) {
                return false;
            }
            space();
            if (i >= b.length) {
                return false;
            }
            if (b[i] == ',') {
                i++;
                space();
            } else if (b[i] == ']') {
                i++;
                return true;
            } else {
                return false;
            }
        }
    }

    /** A string starting at the quote; ASCII only, valid escapes, no control characters. */
    private boolean string(int maxChars) {
        int start = ++i;
        while (i < b.length) {
            byte c = b[i];
            if (c == '"') {
                i++;
                return i - start - 1 <= maxChars;
            }
            if (c < 0x20) {
                return false; // a control character, or a byte of non-ASCII text (negative): Jackson decides
            }
            if (c == '\\') {
                if (++i >= b.length) {
                    return false;
                }
                switch (b[i]) {
                    case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
                        i++;
                        break;
                    case 'u':
                        for (int k = 1; k <= 4; k++) {
                            if (i + k >= b.length || Character.digit(b[i + k], 16) < 0) {
                                return false;
                            }
                        }
                        i += 5;
                        break;
                    default:
                        return false;
                }
            } else {
                i++;
            }
        }
        return false;
    }

    private boolean literal(String word) {
        if (i + word.length() > b.length) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (b[i + k] != word.charAt(k)) {
                return false;
            }
        }
        i += word.length();
        // "truex" is not a literal followed by junk to Jackson either, but an unknown token: it decides
        return i >= b.length || !Character.isLetterOrDigit(b[i]);
    }

    /** -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
    private boolean number() {
        int start = i;
        if (b[i] == '-') {
            i++;
        }
        if (i >= b.length) {
            return false;
        }
        if (b[i] == '0') {
            i++;
        } else if (b[i] >= '1' && b[i] <= '9') {
            digits();
        } else {
            return false;
        }
        if (i < b.length && b[i] == '.') {
            i++;
            if (digits() == 0) {
                return false;
            }
        }
        if (i < b.length && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            if (i < b.length && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            if (digits() == 0) {
                return false;
            }
        }
        // a number running into letters or digits ("01", "1x") is for Jackson to judge
        return i - start <= MAX_NUMBER_CHARS && (i >= b.length || !Character.isLetterOrDigit(b[i]));
    }

    private int digits() {
        int start = i;
        while (i < b.length && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        return i - start;
    }
}
