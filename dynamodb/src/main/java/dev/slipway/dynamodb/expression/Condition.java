package dev.slipway.dynamodb.expression;

import dev.slipway.dynamodb.model.AttributeValue;
import java.util.Map;

/**
 * A validated condition or filter expression, ready to evaluate. Immutable and thread-safe;
 * evaluation never throws (every error DynamoDB reports was raised when it was built).
 */
public final class Condition {
    private final Ast.Cond tree;

    Condition(Ast.Cond tree) {
        this.tree = tree;
    }

    /** Whether {@code item} satisfies the condition; an absent item is the empty map. */
    public boolean test(Map<String, AttributeValue> item) {
        return Evaluator.test(tree, item == null ? Map.of() : item);
    }

    Ast.Cond tree() {
        return tree;
    }

    @Override
    public String toString() {
        return Printer.condition(tree);
    }
}
