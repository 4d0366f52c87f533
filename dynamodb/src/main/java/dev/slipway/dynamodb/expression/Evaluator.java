package dev.slipway.dynamodb.expression;

import dev.slipway.dynamodb.expression.Ast.Call;
import dev.slipway.dynamodb.expression.Ast.Cond;
import dev.slipway.dynamodb.expression.Ast.Operand;
import dev.slipway.dynamodb.model.AttributeValue;
import java.util.Map;

/**
 * Phase 5 for conditions: evaluates a validated, resolved condition against an item. Total:
 * never throws for any item, because every error DynamoDB reports for a condition is found by
 * the validator. A missing attribute or a type mismatch makes a comparison false ({@code <>}
 * true), as in DynamoDB.
 */
final class Evaluator {
    private Evaluator() {
    }

    static boolean test(Cond cond, Map<String, AttributeValue> item) {
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

    private static boolean function(Call call, Map<String, AttributeValue> item) {
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
                AttributeValue prefix = value(call.args().get(1), item);
                return v != null && prefix != null && Values.beginsWith(v, prefix);
            }
            case "contains": {
                AttributeValue v = value(call.args().get(0), item);
                AttributeValue operand = value(call.args().get(1), item);
                return v != null && operand != null && Values.contains(v, operand);
            }
            default:
                throw new IllegalStateException("validator let through function " + call.function());
        }
    }

    /** The value of a condition operand, or null when the path is missing or size() is undefined. */
    static AttributeValue value(Operand operand, Map<String, AttributeValue> item) {
        if (operand instanceof Ast.ValueRef v) {
            return v.value();
        }
        if (operand instanceof Ast.PathRef p) {
            return DocumentPaths.get(item, p.path());
        }
        if (operand instanceof Call c && c.function().equals("size")) {
            AttributeValue v = value(c.args().get(0), item);
            return v == null ? null : Values.size(v);
        }
        throw new IllegalStateException("not a condition operand: " + operand);
    }
}
