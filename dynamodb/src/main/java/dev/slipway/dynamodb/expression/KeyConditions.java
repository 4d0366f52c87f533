package dev.slipway.dynamodb.expression;

import dev.slipway.dynamodb.error.ValidationException;
import dev.slipway.dynamodb.expression.Ast.Cond;
import dev.slipway.dynamodb.expression.Ast.Operand;
import dev.slipway.dynamodb.expression.KeyCondition.RangeCondition;
import dev.slipway.dynamodb.model.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Validation pass specific to key conditions: the tree must be one or two conditions joined by
 * AND, an equality on the partition key and at most one of = &lt; &lt;= &gt; &gt;= BETWEEN
 * begins_with on the sort key. Messages are DynamoDB's (none of them carries the
 * "Invalid KeyConditionExpression:" prefix).
 */
final class KeyConditions {
    private KeyConditions() {
    }

    static KeyCondition analyse(Cond tree, String hashKeyName, Optional<String> rangeKeyName) {
        List<Cond> parts = new ArrayList<>();
        flatten(tree, parts);
        if (parts.size() > 2) {
            throw new ValidationException("Conditions can be of length 1 or 2 only");
        }
        AttributeValue hashValue = null;
        RangeCondition range = null;
        boolean nonKey = false;
        List<String> seen = new ArrayList<>();
        for (Cond part : parts) {
            Target target = target(part);
            if (seen.contains(target.name)) {
                throw new ValidationException("KeyConditionExpressions must only contain one condition per key");
            }
            seen.add(target.name);
            if (target.name.equals(hashKeyName)) {
                if (target.operator != RangeCondition.Operator.EQ) {
                    throw new ValidationException("Query key condition not supported");
                }
                hashValue = target.operands.get(0);
            } else if (rangeKeyName.isPresent() && target.name.equals(rangeKeyName.get())) {
                range = new RangeCondition(target.name, target.operator, target.operands);
            } else {
                nonKey = true;
            }
        }
        if (hashValue == null) {
            throw new ValidationException("Query condition missed key schema element: " + hashKeyName);
        }
        if (nonKey) {
            throw rangeKeyName.isPresent()
                    ? new ValidationException("Query condition missed key schema element: " + rangeKeyName.get())
                    : new ValidationException("Query key condition not supported");
        }
        return new KeyCondition(hashKeyName, hashValue, Optional.ofNullable(range));
    }

    private static void flatten(Cond cond, List<Cond> parts) {
        if (cond instanceof Ast.And a) {
            flatten(a.left(), parts);
            flatten(a.right(), parts);
        } else if (cond instanceof Ast.Or) {
            throw invalidOperator("OR");
        } else if (cond instanceof Ast.Not) {
            throw invalidOperator("NOT");
        } else if (cond instanceof Ast.In) {
            throw invalidOperator("IN");
        } else if (cond instanceof Ast.FunctionCond f && !f.call().function().equals("begins_with")) {
            throw invalidOperator(f.call().function());
        } else if (cond instanceof Ast.Compare c && c.op().equals("<>")) {
            throw invalidOperator("<>");
        } else {
            parts.add(cond);
        }
    }

    private static ValidationException invalidOperator(String operator) {
        return new ValidationException("Invalid operator used in KeyConditionExpression: " + operator);
    }

    private record Target(String name, RangeCondition.Operator operator, List<AttributeValue> operands) {
    }

    /** The key attribute a single condition constrains, with the operator seen from the attribute's side. */
    private static Target target(Cond part) {
        if (part instanceof Ast.Compare c) {
            Operand left = c.left();
            Operand right = c.right();
            String op = c.op();
            if (left instanceof Ast.ValueRef && right instanceof Ast.PathRef) {
                left = c.right();
                right = c.left();
                op = switch (op) {
                    case "<" -> ">";
                    case "<=" -> ">=";
                    case ">" -> "<";
                    case ">=" -> "<=";
                    default -> op;
                };
            }
            String name = keyName(left);
            RangeCondition.Operator operator = switch (op) {
                case "=" -> RangeCondition.Operator.EQ;
                case "<" -> RangeCondition.Operator.LT;
                case "<=" -> RangeCondition.Operator.LE;
                case ">" -> RangeCondition.Operator.GT;
                default -> RangeCondition.Operator.GE;
            };
            return new Target(name, operator, List.of(literal(right)));
        }
        if (part instanceof Ast.Between b) {
            return new Target(keyName(b.value()), RangeCondition.Operator.BETWEEN, List.of(literal(b.low()), literal(b.high())));
        }
        Ast.Call call = ((Ast.FunctionCond) part).call();
        return new Target(keyName(call.args().get(0)), RangeCondition.Operator.BEGINS_WITH, List.of(literal(call.args().get(1))));
    }

    private static String keyName(Operand operand) {
        if (operand instanceof Ast.Call c) {
            throw invalidOperator(c.function());
        }
        if (!(operand instanceof Ast.PathRef p)) {
            throw new ValidationException("Query key condition not supported");
        }
        if (p.path().size() > 1) {
            throw new ValidationException("KeyConditionExpressions cannot have conditions on nested attributes");
        }
        return p.path().top();
    }

    private static AttributeValue literal(Operand operand) {
        if (operand instanceof Ast.ValueRef v) {
            return v.value();
        }
        if (operand instanceof Ast.Call c) {
            throw invalidOperator(c.function());
        }
        throw new ValidationException("Query key condition not supported");
    }

    /** Used by the legacy KeyConditions conversion: builds the same object from already-typed parts. */
    static KeyCondition of(String hashKeyName, AttributeValue hashValue, RangeCondition range) {
        return new KeyCondition(hashKeyName, hashValue, Optional.ofNullable(range));
    }
}
