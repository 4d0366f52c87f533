package dev.slipway.dynamodb.model;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A DynamoDB attribute value: one of the ten types of the wire format
 * ({@code S N B BOOL NULL M L SS NS BS}). Immutable; collections keep the order they arrived in,
 * as DynamoDB echoes it. Sets compare as sets, binaries by content.
 */
public sealed interface AttributeValue {

    /** The wire type name, e.g. {@code "S"}, {@code "NS"}. */
    String type();

    record S(String value) implements AttributeValue {
        public String type() {
            return "S";
        }
    }

    /** A number, kept as DynamoDB normalises it (no trailing zeros, 38 digits of precision). */
    record N(BigDecimal value) implements AttributeValue {
        public String type() {
            return "N";
        }
    }

    record B(byte[] value) implements AttributeValue {
        public String type() {
            return "B";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof B b && Arrays.equals(value, b.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "B[" + Base64.getEncoder().encodeToString(value) + "]";
        }
    }

    record Bool(boolean value) implements AttributeValue {
        public String type() {
            return "BOOL";
        }
    }

    record Null() implements AttributeValue {
        public String type() {
            return "NULL";
        }
    }

    record M(Map<String, AttributeValue> value) implements AttributeValue {
        public String type() {
            return "M";
        }
    }

    record L(List<AttributeValue> value) implements AttributeValue {
        public String type() {
            return "L";
        }
    }

    record SS(Set<String> value) implements AttributeValue {
        public String type() {
            return "SS";
        }
    }

    record NS(Set<BigDecimal> value) implements AttributeValue {
        public String type() {
            return "NS";
        }
    }

    /** A binary set; elements are wrapped so that set membership compares content. */
    record BS(Set<B> value) implements AttributeValue {
        public String type() {
            return "BS";
        }
    }
}
