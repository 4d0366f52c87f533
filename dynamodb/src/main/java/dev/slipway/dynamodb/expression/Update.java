package dev.slipway.dynamodb.expression;

import dev.slipway.dynamodb.model.AttributeValue;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validated update expression. {@link #apply(Map)} is atomic: it evaluates every action
 * against the original item and builds the result on a copy; it either returns the complete new
 * item or throws, leaving the original untouched. Immutable and thread-safe.
 */
public final class Update {
    private final Ast.UpdateExpr tree;
    private final Set<String> touched;
    private final List<Ast.Path> paths;

    Update(Ast.UpdateExpr tree) {
        this.tree = tree;
        this.paths = UpdateExecutor.actionPaths(tree);
        Set<String> tops = new LinkedHashSet<>();
        for (Ast.Path path : paths) {
            tops.add(path.top());
        }
        this.touched = Collections.unmodifiableSet(tops);
    }

    /**
     * The item after the update. {@code item} is the current item (the key attributes alone, or
     * the empty map, when the item does not exist yet). Throws
     * {@link dev.slipway.dynamodb.error.ValidationException} for DynamoDB's evaluation-time errors
     * (wrong operand types, missing operand attributes, invalid document paths).
     */
    public Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
        return UpdateExecutor.apply(tree, item == null ? Map.of() : item);
    }

    /** Top-level attribute names any action writes or removes (for "part of the key" checks). */
    public Set<String> touchedTopLevelAttributes() {
        return touched;
    }

    /**
     * The parts of {@code item} that the actions' paths address, for ReturnValues UPDATED_OLD
     * (pass the old item) and UPDATED_NEW (pass the new one).
     */
    public Map<String, AttributeValue> updatedAttributes(Map<String, AttributeValue> item) {
        return Projection.project(paths, item == null ? Map.of() : item);
    }

    @Override
    public String toString() {
        return Printer.update(tree);
    }
}
