package dev.slipway.dynamodb.expression;

import dev.slipway.dynamodb.model.AttributeValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated key condition (KeyConditionExpression or legacy KeyConditions): the partition
 * key's value and, optionally, one condition on the sort key, which the engine uses to pick the
 * partition and the range to scan. Immutable.
 */
public final class KeyCondition {
    private final String hashKeyName;
    private final AttributeValue hashValue;
    private final Optional<RangeCondition> range;

    KeyCondition(String hashKeyName, AttributeValue hashValue, Optional<RangeCondition> range) {
        this.hashKeyName = hashKeyName;
        this.hashValue = hashValue;
        this.range = range;
    }

    public String hashKeyName() {
        return hashKeyName;
    }

    /** The partition key value to query (its type is not checked against the schema here). */
    public AttributeValue hashValue() {
        return hashValue;
    }

    public Optional<RangeCondition> range() {
        return range;
    }

    /** Whether an item's key satisfies the whole condition. */
    public boolean test(Map<String, AttributeValue> item) {
        return Values.equal(item.get(hashKeyName), hashValue)
                && range.map(r -> r.matches(item.get(r.attributeName()))).orElse(true);
    }

    /** The sort-key predicate: {@code operands} has two values for BETWEEN, one otherwise. */
    public record RangeCondition(String attributeName, Operator operator, List<AttributeValue> operands) {
        public RangeCondition {
            operands = List.copyOf(operands);
        }

        public enum Operator { EQ, LT, LE, GT, GE, BETWEEN, BEGINS_WITH }

        /** Whether a sort key value satisfies the predicate (false for a missing or differently typed value). */
        public boolean matches(AttributeValue value) {
            if (value == null) {
                return false;
            }
            return switch (operator) {
                case EQ -> Evaluator.compare("=", value, operands.get(0));
                case LT -> Evaluator.compare("<", value, operands.get(0));
                case LE -> Evaluator.compare("<=", value, operands.get(0));
                case GT -> Evaluator.compare(">", value, operands.get(0));
                case GE -> Evaluator.compare(">=", value, operands.get(0));
                case BETWEEN -> Evaluator.compare(">=", value, operands.get(0)) && Evaluator.compare("<=", value, operands.get(1));
                case BEGINS_WITH -> Values.beginsWith(value, operands.get(0));
            };
        }
    }
}
