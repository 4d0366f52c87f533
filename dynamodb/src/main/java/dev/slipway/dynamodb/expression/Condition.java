package dev.slipway.dynamodb.expression;

import dev.slipway.dynamodb.model.AttributeValue;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A validated condition or filter expression, ready to evaluate. Immutable and thread-safe.
 */
public final class Condition {
    private final Ast.Cond tree;
    private final String kind;

    /**
     * {@code tree} null is the empty condition (an empty legacy filter), which every item
     * satisfies; {@code kind} names the expression in evaluation errors, null for the legacy
     * parameters and PartiQL, which have none.
     */
    Condition(Ast.Cond tree, String kind) {
        this.tree = tree;
        this.kind = kind;
    }

    Condition(Ast.Cond tree) {
        this(tree, null);
    }

    /**
     * Whether {@code item} satisfies the condition; an absent item is the empty map. Throws
     * {@link dev.slipway.dynamodb.error.ValidationException} where DynamoDB does while
     * evaluating: size(), begins_with() or contains() applied to an existing attribute of a type
     * they do not take (e.g. "Invalid ConditionExpression: Incorrect operand type for operator or
     * function; operator or function: size, operand type: N"). A missing attribute is never an error.
     */
    public boolean test(Map<String, AttributeValue> item) {
        return tree == null || new Evaluator(kind).test(tree, item == null ? Map.of() : item);
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
            Ast.walk(tree, node -> {
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
