package dev.slipway.dynamodb.expression;

import dev.slipway.dynamodb.model.AttributeValue;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A validated condition or filter expression, ready to evaluate. Immutable and thread-safe;
 * evaluation never throws (every error DynamoDB reports was raised when it was built).
 */
public final class Condition {
    private final Ast.Cond tree;

    /** {@code tree} null is the empty condition (an empty legacy filter), which every item satisfies. */
    Condition(Ast.Cond tree) {
        this.tree = tree;
    }

    /** Whether {@code item} satisfies the condition; an absent item is the empty map. */
    public boolean test(Map<String, AttributeValue> item) {
        return tree == null || Evaluator.test(tree, item == null ? Map.of() : item);
    }

    Ast.Cond tree() {
        return tree;
    }

    /**
     * Top-level attribute names the condition reads, e.g. for DynamoDB's "Filter Expression can
     * only contain non-primary key attributes: Primary key attribute: pk" check on Query.
     */
    public Set<String> topLevelAttributes() {
        Set<String> names = new LinkedHashSet<>();
        if (tree != null) {
            Validator.walk(tree, node -> {
                if (node instanceof Ast.Path p) {
                    names.add(p.top());
                }
            });
        }
        return names;
    }

    @Override
    public String toString() {
        return tree == null ? "" : Printer.condition(tree);
    }
}
