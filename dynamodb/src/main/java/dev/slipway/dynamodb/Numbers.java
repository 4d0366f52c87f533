package dev.slipway.dynamodb;

import dev.slipway.dynamodb.error.ValidationException;
import java.math.BigDecimal;

/**
 * DynamoDB numbers: up to 38 significant digits, magnitude between 1E-130 and 9.99…E+125,
 * normalised (no trailing zeros, no exponent on the wire).
 */
final class Numbers {
    private Numbers() {}

    static BigDecimal parse(String text) {
        if (text == null || text.isEmpty()) {
            throw ValidationException.emptyNumber();
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text.strip());
        } catch (NumberFormatException | ArithmeticException e) {
            throw ValidationException.notANumber(text);
        }
        return check(value);
    }

    /** Normalises a computed number (ADD, SET a + b) and applies the same limits. */
    static BigDecimal check(BigDecimal value) {
        if (value.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        int exponent = stripped.precision() - stripped.scale() - 1;
        if (exponent > Limits.NUMBER_MAX_EXPONENT) {
            throw ValidationException.numberOverflow();
        }
        if (exponent < Limits.NUMBER_MIN_EXPONENT) {
            throw ValidationException.numberUnderflow();
        }
        if (stripped.precision() > Limits.NUMBER_PRECISION) {
            throw ValidationException.tooManyDigits();
        }
        return stripped;
    }

    /** The wire form: plain notation, no trailing zeros. */
    static String format(BigDecimal value) {
        if (value.scale() == 0 && value.precision() < 19) {
            return Long.toString(value.longValue()); // integers, the common case: no stripped copy (JFR: Query/Scan rendering)
        }
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    /** Bytes DynamoDB counts for a number: one per two significant digits, plus one. */
    static int size(BigDecimal value) {
        if (value.signum() == 0) {
            return 1;
        }
        if (value.scale() == 0 && value.precision() < 19) {
            long v = Math.abs(value.longValue());
            while (v % 10 == 0) {
                v /= 10;
            }
            int digits = 1;
            for (; v >= 10; v /= 10) {
                digits++;
            }
            return (digits + 1) / 2 + 1 + (value.signum() < 0 ? 1 : 0);
        }
        BigDecimal s = value.stripTrailingZeros();
        int digits = s.precision();
        return (digits + 1) / 2 + 1 + (s.signum() < 0 ? 1 : 0);
    }
}
