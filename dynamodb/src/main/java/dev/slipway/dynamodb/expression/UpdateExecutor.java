package dev.slipway.dynamodb.expression;

import dev.slipway.dynamodb.expression.Ast.Operand;
import dev.slipway.dynamodb.expression.Ast.Path;
import dev.slipway.dynamodb.expression.Ast.PathElement;
import dev.slipway.dynamodb.model.AttributeValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Phase 5 for updates. Every operand is evaluated against the original item first (so
 * {@code SET a = b, b = a} swaps), then the actions are applied to a copy: SET, REMOVE (list
 * elements by their original index, highest first), ADD, DELETE. Any error aborts before the
 * caller sees a result.
 */
final class UpdateExecutor {
    private UpdateExecutor() {
    }

    static List<Path> actionPaths(Ast.UpdateExpr tree) {
        List<Path> paths = new ArrayList<>();
        tree.set().forEach(a -> paths.add(a.path()));
        paths.addAll(tree.remove());
        tree.add().forEach(a -> paths.add(a.path()));
        tree.delete().forEach(a -> paths.add(a.path()));
        return paths;
    }

    static Map<String, AttributeValue> apply(Ast.UpdateExpr tree, Map<String, AttributeValue> original) {
        List<AttributeValue> setValues = new ArrayList<>();
        for (Ast.SetAction set : tree.set()) {
            setValues.add(value(set.value(), original));
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>(original); // the copy; original stays untouched
        for (int i = 0; i < tree.set().size(); i++) {
            DocumentPaths.set(item, tree.set().get(i).path(), setValues.get(i));
        }
        List<Path> removals = tree.remove();
        if (removals.size() > 1) {
            removals = new ArrayList<>(removals);
            removals.sort(REMOVAL_ORDER);
        }
        for (Path path : removals) {
            DocumentPaths.remove(item, path);
        }
        for (Ast.AddAction add : tree.add()) {
            AttributeValue current = DocumentPaths.get(original, add.path());
            DocumentPaths.set(item, add.path(), add(current, add.value().value()));
        }
        for (Ast.DeleteAction delete : tree.delete()) {
            AttributeValue current = DocumentPaths.get(original, delete.path());
            if (current == null) {
                continue;
            }
            AttributeValue remaining = delete(current, delete.value().value());
            if (remaining == null) {
                DocumentPaths.remove(item, delete.path());
            } else {
                DocumentPaths.set(item, delete.path(), remaining);
            }
        }
        return item;
    }

    /**
     * Removals of elements of the same list run from the highest index down, so that each
     * index still means what it meant in the original item. Other removals keep any order.
     */
    private static final Comparator<Path> REMOVAL_ORDER = (a, b) -> {
        String prefixA = a.elements().subList(0, a.size() - 1).toString();
        String prefixB = b.elements().subList(0, b.size() - 1).toString();
        int c = prefixA.compareTo(prefixB);
        if (c != 0) {
            return c;
        }
        PathElement lastA = a.elements().get(a.size() - 1);
        PathElement lastB = b.elements().get(b.size() - 1);
        if (lastA instanceof Ast.Index x && lastB instanceof Ast.Index y) {
            return Integer.compare(y.index(), x.index());
        }
        return lastA.toString().compareTo(lastB.toString());
    };

    private static AttributeValue value(Operand operand, Map<String, AttributeValue> item) {
        if (operand instanceof Ast.ValueRef v) {
            return v.value();
        }
        if (operand instanceof Ast.PathRef p) {
            AttributeValue v = DocumentPaths.get(item, p.path());
            if (v == null) {
                throw ExpressionErrors.missingAttributeInOperand();
            }
            return v;
        }
        if (operand instanceof Ast.Arith a) {
            AttributeValue left = value(a.left(), item);
            AttributeValue right = value(a.right(), item);
            if (!(left instanceof AttributeValue.N x) || !(right instanceof AttributeValue.N y)) {
                // Evaluation-time form of the parse-time check: names the offending operand's type.
                throw ExpressionErrors.operandType("UpdateExpression", String.valueOf(a.op()),
                        (left instanceof AttributeValue.N ? right : left).type());
            }
            return number(a.op() == '+' ? x.value().add(y.value()) : x.value().subtract(y.value()));
        }
        Ast.Call call = (Ast.Call) operand;
        if (call.function().equals("if_not_exists")) {
            AttributeValue existing = DocumentPaths.get(item, ((Ast.PathRef) call.args().get(0)).path());
            return existing != null ? existing : value(call.args().get(1), item);
        }
        AttributeValue first = value(call.args().get(0), item);
        AttributeValue second = value(call.args().get(1), item);
        if (!(first instanceof AttributeValue.L x) || !(second instanceof AttributeValue.L y)) {
            throw ExpressionErrors.operandType("UpdateExpression", "list_append",
                    (first instanceof AttributeValue.L ? second : first).type());
        }
        List<AttributeValue> joined = new ArrayList<>(x.value());
        joined.addAll(y.value());
        return new AttributeValue.L(joined);
    }

    private static AttributeValue number(BigDecimal value) {
        BigDecimal normalised = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        if (normalised.precision() > 38) {
            throw ExpressionErrors.tooManyDigits();
        }
        return new AttributeValue.N(normalised);
    }

    /** ADD: numbers are summed, sets united; an absent attribute starts from the operand. */
    private static AttributeValue add(AttributeValue current, AttributeValue operand) {
        if (current == null) {
            return operand;
        }
        if (current instanceof AttributeValue.N x && operand instanceof AttributeValue.N y) {
            return number(x.value().add(y.value()));
        }
        if (current instanceof AttributeValue.SS x && operand instanceof AttributeValue.SS y) {
            Set<String> union = new LinkedHashSet<>(x.value());
            union.addAll(y.value());
            return new AttributeValue.SS(union);
        }
        if (current instanceof AttributeValue.NS x && operand instanceof AttributeValue.NS y) {
            Set<BigDecimal> union = new LinkedHashSet<>(x.value());
            for (BigDecimal n : y.value()) {
                if (union.stream().noneMatch(m -> m.compareTo(n) == 0)) {
                    union.add(n);
                }
            }
            return new AttributeValue.NS(union);
        }
        if (current instanceof AttributeValue.BS x && operand instanceof AttributeValue.BS y) {
            Set<AttributeValue.B> union = new LinkedHashSet<>(x.value());
            union.addAll(y.value());
            return new AttributeValue.BS(union);
        }
        throw ExpressionErrors.incorrectOperandType();
    }

    /** DELETE: set difference; null when nothing remains (DynamoDB then removes the attribute). */
    private static AttributeValue delete(AttributeValue current, AttributeValue operand) {
        if (current instanceof AttributeValue.SS x && operand instanceof AttributeValue.SS y) {
            Set<String> rest = new LinkedHashSet<>(x.value());
            rest.removeAll(y.value());
            return rest.isEmpty() ? null : new AttributeValue.SS(rest);
        }
        if (current instanceof AttributeValue.NS x && operand instanceof AttributeValue.NS y) {
            Set<BigDecimal> rest = new LinkedHashSet<>();
            for (BigDecimal n : x.value()) {
                if (y.value().stream().noneMatch(m -> m.compareTo(n) == 0)) {
                    rest.add(n);
                }
            }
            return rest.isEmpty() ? null : new AttributeValue.NS(rest);
        }
        if (current instanceof AttributeValue.BS x && operand instanceof AttributeValue.BS y) {
            Set<AttributeValue.B> rest = new LinkedHashSet<>(x.value());
            rest.removeAll(y.value());
            return rest.isEmpty() ? null : new AttributeValue.BS(rest);
        }
        throw ExpressionErrors.incorrectOperandType();
    }
}
