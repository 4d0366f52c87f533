package dev.slipway.dynamodb.expression;

import dev.slipway.dynamodb.expression.Ast.Call;
import dev.slipway.dynamodb.expression.Ast.Cond;
import dev.slipway.dynamodb.expression.Ast.Operand;
import dev.slipway.dynamodb.model.AttributeValue;
import java.util.Map;

/**
 * Phase 5 for conditions: evaluates a validated, resolved condition against an item. A missing
 * attribute or a type mismatch between operands makes a comparison false ({@code <>} true), as
 * in DynamoDB. The only errors left for this phase are the functions applied to an existing
 * attribute outside their domain (size of a number, begins_with of a map, contains of a
 * boolean), which DynamoDB reports as a ValidationException rather than a false condition.
 */
final class Evaluator {
    /** The expression kind for error messages; null means such cases are just false (legacy parameters, PartiQL). */
    private final String kind;

    Evaluator(String kind) {
        this.kind = kind;
    }

    boolean test(Cond cond, Map<String, AttributeValue> item) {
        if (cond instanceof Ast.And a) {
            return test(a.left(), item) && test(a.right(), item);
        }
        if (cond instanceof Ast.Or o) {
            return test(o.left(), item) || test(o.right(), item);
        }
        if (cond instanceof Ast.Not n) {
            return !test(n.operand(), item);
        }
        if (cond instanceof Ast.Compare c) {
            return compare(c.op(), value(c.left(), item), value(c.right(), item));
        }
        if (cond instanceof Ast.Between b) {
            AttributeValue v = value(b.value(), item);
            return compare(">=", v, value(b.low(), item)) && compare("<=", v, value(b.high(), item));
        }
        if (cond instanceof Ast.In in) {
            AttributeValue v = value(in.value(), item);
            if (v == null) {
                return false;
            }
            for (Operand candidate : in.candidates()) {
                if (Values.equal(v, value(candidate, item))) {
                    return true;
                }
            }
            return false;
        }
        return function(((Ast.FunctionCond) cond).call(), item);
    }

    static boolean compare(String op, AttributeValue left, AttributeValue right) {
        switch (op) {
            case "=":
                return Values.equal(left, right);
            case "<>":
                return !Values.equal(left, right);
            default:
                if (left == null || right == null) {
                    return false;
                }
                Integer order = Values.compare(left, right);
                if (order == null) {
                    return false;
                }
                return switch (op) {
                    case "<" -> order < 0;
                    case "<=" -> order <= 0;
                    case ">" -> order > 0;
                    default -> order >= 0;
                };
        }
    }

    private boolean function(Call call, Map<String, AttributeValue> item) {
        switch (call.function()) {
            case "attribute_exists":
                return value(call.args().get(0), item) != null;
            case "attribute_not_exists":
                return value(call.args().get(0), item) == null;
            case "attribute_type": {
                AttributeValue v = value(call.args().get(0), item);
                AttributeValue type = value(call.args().get(1), item);
                return v != null && type instanceof AttributeValue.S s && v.type().equals(s.value());
            }
            case "begins_with": {
                AttributeValue v = value(call.args().get(0), item);
                if (v != null && !(v instanceof AttributeValue.S) && !(v instanceof AttributeValue.B)) {
                    return outsideDomain("begins_with", v);
                }
                AttributeValue prefix = value(call.args().get(1), item);
                return v != null && prefix != null && Values.beginsWith(v, prefix);
            }
            case "contains": {
                AttributeValue v = value(call.args().get(0), item);
                if (v instanceof AttributeValue.Bool || v instanceof AttributeValue.M || v instanceof AttributeValue.Null) {
                    return outsideDomain("contains", v);
                }
                AttributeValue operand = value(call.args().get(1), item);
                return v != null && operand != null && Values.contains(v, operand);
            }
            default:
                throw new IllegalStateException("validator let through function " + call.function());
        }
    }

    /**
     * A function met an existing attribute of a type it does not take: DynamoDB's
     * ValidationException for expressions; simply false for legacy parameters and PartiQL.
     */
    private boolean outsideDomain(String function, AttributeValue value) {
        if (kind == null) {
            return false;
        }
        throw ExpressionErrors.operandType(kind, function, value.type());
    }

    /** The value of a condition operand, or null when the path is missing or size() is undefined. */
    AttributeValue value(Operand operand, Map<String, AttributeValue> item) {
        if (operand instanceof Ast.ValueRef v) {
            return v.value();
        }
        if (operand instanceof Ast.PathRef p) {
            return DocumentPaths.get(item, p.path());
        }
        if (operand instanceof Call c && c.function().equals("size")) {
            AttributeValue v = value(c.args().get(0), item);
            if (v == null) {
                return null;
            }
            AttributeValue size = Values.size(v);
            if (size == null) {
                outsideDomain("size", v);
            }
            return size;
        }
        throw new IllegalStateException("not a condition operand: " + operand);
    }
}
