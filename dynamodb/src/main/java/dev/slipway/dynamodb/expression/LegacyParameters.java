package dev.slipway.dynamodb.expression;

import dev.slipway.dynamodb.error.ValidationException;
import dev.slipway.dynamodb.expression.Ast.Cond;
import dev.slipway.dynamodb.expression.Ast.Operand;
import dev.slipway.dynamodb.expression.Ast.Path;
import dev.slipway.dynamodb.expression.KeyCondition.RangeCondition;
import dev.slipway.dynamodb.model.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The pre-expression request parameters, converted into the same trees the expressions produce
 * so that one evaluator serves both. Attribute names here are literal (no placeholders, no
 * reserved-word check), as in DynamoDB. Legacy and expression parameters may not be mixed in one
 * request: {@link #checkNotMixed(List, List)}.
 */
public final class LegacyParameters {
    private static final String INVALID = "One or more parameter values were invalid: ";

    private LegacyParameters() {
    }

    /**
     * DynamoDB's error when a request carries both kinds, e.g. "Can not use both expression and
     * non-expression parameters in the same request: Non-expression parameters: {AttributesToGet}
     * Expression parameters: {ProjectionExpression}". Pass the names of the parameters present,
     * in the order of the API reference.
     */
    public static void checkNotMixed(List<String> nonExpressionParameters, List<String> expressionParameters) {
        if (!nonExpressionParameters.isEmpty() && !expressionParameters.isEmpty()) {
            throw new ValidationException("Can not use both expression and non-expression parameters in the same request: "
                    + "Non-expression parameters: {" + String.join(", ", nonExpressionParameters) + "} "
                    + "Expression parameters: {" + String.join(", ", expressionParameters) + "}");
        }
    }

    /**
     * The checks on ExpressionAttributeNames/Values that need no expression parsed: present but
     * empty, or present without any expression in the request. Null means absent.
     */
    public static void checkPlaceholderMaps(boolean anyExpression, Map<String, String> names, Map<String, AttributeValue> values) {
        if (names != null && names.isEmpty()) {
            throw new ValidationException("ExpressionAttributeNames must not be empty");
        }
        if (values != null && values.isEmpty()) {
            throw new ValidationException("ExpressionAttributeValues must not be empty");
        }
        if (!anyExpression && names != null) {
            throw new ValidationException("ExpressionAttributeNames can only be specified when using expressions");
        }
        if (!anyExpression && values != null) {
            throw new ValidationException("ExpressionAttributeValues can only be specified when using expressions");
        }
    }

    // ================= Expected + ConditionalOperator =================

    /** {@code Expected} with its {@code ConditionalOperator} (AND when empty). */
    public static Condition expected(Map<String, LegacyCondition> expected, Optional<String> conditionalOperator) {
        List<Cond> parts = new ArrayList<>();
        expected.forEach((name, condition) -> parts.add(expectedPart(name, condition)));
        return new Condition(combine(parts, conditionalOperator));
    }

    private static Cond expectedPart(String name, LegacyCondition c) {
        if (c.comparisonOperator().isPresent()) {
            if (c.exists().isPresent()) {
                throw new ValidationException(INVALID + "Exists and ComparisonOperator cannot be used together for Attribute: " + name);
            }
            if (c.value().isPresent() && c.attributeValueList().isPresent()) {
                throw new ValidationException(INVALID + "Value and AttributeValueList cannot be used together for Attribute: " + name);
            }
            List<AttributeValue> arguments = c.value().map(List::of).orElse(c.attributeValueList().orElse(List.of()));
            return comparison(name, c.comparisonOperator().get(), arguments);
        }
        if (c.attributeValueList().isPresent()) {
            throw new ValidationException(INVALID + "AttributeValueList can only be used with a ComparisonOperator for Attribute: " + name);
        }
        boolean exists = c.exists().orElse(true);
        if (exists && c.value().isEmpty()) {
            throw new ValidationException(INVALID + "Value must be provided when Exists is "
                    + c.exists().map(String::valueOf).orElse("null") + " for Attribute: " + name);
        }
        if (!exists && c.value().isPresent()) {
            throw new ValidationException(INVALID + "Value cannot be used when Exists is false for Attribute: " + name);
        }
        Path path = Path.of(name);
        return exists
                ? new Ast.Compare("=", new Ast.PathRef(path), literal(c.value().get()))
                : new Ast.FunctionCond(new Ast.Call("attribute_not_exists", List.of(new Ast.PathRef(path))));
    }

    // ================= QueryFilter / ScanFilter =================

    /** {@code QueryFilter} or {@code ScanFilter} with its {@code ConditionalOperator} (AND when empty). */
    public static Condition filter(Map<String, LegacyCondition> filter, Optional<String> conditionalOperator) {
        List<Cond> parts = new ArrayList<>();
        filter.forEach((name, condition) -> parts.add(comparison(name, condition.comparisonOperator().orElse(""),
                condition.attributeValueList().orElse(List.of()))));
        return new Condition(combine(parts, conditionalOperator));
    }

    private static Cond combine(List<Cond> parts, Optional<String> conditionalOperator) {
        boolean or = conditionalOperator.map("OR"::equals).orElse(false);
        Cond result = null;
        for (Cond part : parts) {
            result = result == null ? part : or ? new Ast.Or(result, part) : new Ast.And(result, part);
        }
        return result; // null for an empty map: no condition, everything matches
    }

    /** One legacy ComparisonOperator applied to attribute {@code name}. */
    private static Cond comparison(String name, String operator, List<AttributeValue> args) {
        checkArgumentCount(operator, args);
        Operand path = new Ast.PathRef(Path.of(name));
        switch (operator) {
            case "EQ", "NE" -> {
                return new Ast.Compare(operator.equals("EQ") ? "=" : "<>", path, literal(args.get(0)));
            }
            case "LT", "LE", "GT", "GE" -> {
                requireScalar(operator, args.get(0));
                String op = switch (operator) {
                    case "LT" -> "<";
                    case "LE" -> "<=";
                    case "GT" -> ">";
                    default -> ">=";
                };
                return new Ast.Compare(op, path, literal(args.get(0)));
            }
            case "NULL" -> {
                return new Ast.FunctionCond(new Ast.Call("attribute_not_exists", List.of(path)));
            }
            case "NOT_NULL" -> {
                return new Ast.FunctionCond(new Ast.Call("attribute_exists", List.of(path)));
            }
            case "CONTAINS", "NOT_CONTAINS" -> {
                requireScalar(operator, args.get(0));
                Cond contains = new Ast.FunctionCond(new Ast.Call("contains", List.of(path, literal(args.get(0)))));
                // Like NE, NOT_CONTAINS holds for a missing attribute.
                return operator.equals("CONTAINS") ? contains : new Ast.Not(contains);
            }
            case "BEGINS_WITH" -> {
                AttributeValue prefix = args.get(0);
                if (!(prefix instanceof AttributeValue.S) && !(prefix instanceof AttributeValue.B)) {
                    throw notValidFor(operator, prefix);
                }
                return new Ast.FunctionCond(new Ast.Call("begins_with", List.of(path, literal(prefix))));
            }
            case "IN" -> {
                List<Operand> candidates = new ArrayList<>();
                for (AttributeValue arg : args) {
                    requireScalar(operator, arg);
                    candidates.add(literal(arg));
                }
                return new Ast.In(path, candidates);
            }
            case "BETWEEN" -> {
                requireScalar(operator, args.get(0));
                requireScalar(operator, args.get(1));
                if (!args.get(0).type().equals(args.get(1).type())) {
                    throw new ValidationException(INVALID + "AttributeValues inside AttributeValueList must be of same type");
                }
                Integer order = Values.compare(args.get(0), args.get(1));
                if (order != null && order > 0) {
                    throw new ValidationException("The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
                }
                return new Ast.Between(path, literal(args.get(0)), literal(args.get(1)));
            }
            default -> throw new ValidationException(INVALID + "Unsupported operator on ComparisonOperator: " + operator);
        }
    }

    private static void checkArgumentCount(String operator, List<AttributeValue> args) {
        boolean valid = switch (operator) {
            case "NULL", "NOT_NULL" -> args.isEmpty();
            case "IN" -> !args.isEmpty();
            case "BETWEEN" -> args.size() == 2;
            default -> args.size() == 1;
        };
        if (!valid) {
            throw new ValidationException(INVALID + "Invalid number of argument(s) for the " + operator + " ComparisonOperator");
        }
    }

    private static void requireScalar(String operator, AttributeValue value) {
        if (!(value instanceof AttributeValue.S) && !(value instanceof AttributeValue.N) && !(value instanceof AttributeValue.B)) {
            throw notValidFor(operator, value);
        }
    }

    private static ValidationException notValidFor(String operator, AttributeValue value) {
        return new ValidationException(INVALID + "ComparisonOperator " + operator + " is not valid for " + value.type() + " AttributeValue type");
    }

    private static Ast.ValueRef literal(AttributeValue value) {
        return new Ast.ValueRef(":legacy", value);
    }

    // ================= KeyConditions =================

    /** {@code KeyConditions} of a Query against a key schema. */
    public static KeyCondition keyConditions(Map<String, LegacyCondition> conditions, String hashKeyName, Optional<String> rangeKeyName) {
        for (LegacyCondition c : conditions.values()) {
            checkArgumentCount(c.comparisonOperator().orElse(""), c.attributeValueList().orElse(List.of()));
        }
        if (conditions.size() != 1 && conditions.size() != 2) {
            throw new ValidationException("Conditions can be of length 1 or 2 only");
        }
        if (rangeKeyName.isEmpty() && conditions.size() > 1) {
            throw new ValidationException("Query key condition not supported");
        }
        LegacyCondition hash = conditions.get(hashKeyName);
        if (hash == null) {
            throw new ValidationException("Query condition missed key schema element: " + hashKeyName);
        }
        RangeCondition range = null;
        for (Map.Entry<String, LegacyCondition> entry : conditions.entrySet()) {
            String operator = entry.getValue().comparisonOperator().orElse("");
            List<AttributeValue> args = entry.getValue().attributeValueList().orElse(List.of());
            if (Set.of("NULL", "NOT_NULL", "NE", "CONTAINS", "NOT_CONTAINS", "IN").contains(operator)) {
                throw new ValidationException("Attempted conditional constraint is not an indexable operation");
            }
            boolean isHash = entry.getKey().equals(hashKeyName);
            if (!isHash && !entry.getKey().equals(rangeKeyName.orElse(null))) {
                throw new ValidationException("Query condition missed key schema element: " + rangeKeyName.orElse(hashKeyName));
            }
            if (isHash && !operator.equals("EQ")) {
                throw new ValidationException("Query key condition not supported");
            }
            if (!isHash) {
                RangeCondition.Operator op = switch (operator) {
                    case "EQ" -> RangeCondition.Operator.EQ;
                    case "LT" -> RangeCondition.Operator.LT;
                    case "LE" -> RangeCondition.Operator.LE;
                    case "GT" -> RangeCondition.Operator.GT;
                    case "GE" -> RangeCondition.Operator.GE;
                    case "BETWEEN" -> RangeCondition.Operator.BETWEEN;
                    default -> RangeCondition.Operator.BEGINS_WITH;
                };
                range = new RangeCondition(entry.getKey(), op, args);
            }
        }
        return new KeyCondition(hashKeyName, hash.attributeValueList().orElse(List.of()).get(0), Optional.ofNullable(range));
    }

    // ================= AttributeUpdates =================

    /** {@code AttributeUpdates} of UpdateItem. */
    public static Update attributeUpdates(Map<String, LegacyUpdate> updates) {
        List<Ast.SetAction> set = new ArrayList<>();
        List<Path> remove = new ArrayList<>();
        List<Ast.AddAction> add = new ArrayList<>();
        List<Ast.DeleteAction> delete = new ArrayList<>();
        updates.forEach((name, update) -> {
            String action = update.action().orElse("PUT");
            Path path = Path.of(name);
            if (update.value().isEmpty()) {
                if (!action.equals("DELETE")) {
                    throw new ValidationException(INVALID + "Only DELETE action is allowed when no attribute value is specified");
                }
                remove.add(path);
                return;
            }
            AttributeValue value = update.value().get();
            switch (action) {
                case "PUT" -> set.add(new Ast.SetAction(path, literal(value)));
                case "ADD" -> {
                    if (!isSet(value) && !(value instanceof AttributeValue.N) && !(value instanceof AttributeValue.L)) {
                        throw new ValidationException(INVALID + "ADD action is not supported for the type " + value.type());
                    }
                    if (value instanceof AttributeValue.L) {
                        // Legacy ADD appends to a list (the expression language has list_append for this).
                        set.add(new Ast.SetAction(path, new Ast.Call("list_append", List.of(
                                new Ast.Call("if_not_exists", List.of(new Ast.PathRef(path), literal(new AttributeValue.L(List.of())))),
                                literal(value)))));
                    } else {
                        add.add(new Ast.AddAction(path, literal(value)));
                    }
                }
                case "DELETE" -> {
                    if (!isSet(value)) {
                        throw new ValidationException(INVALID + "DELETE action with value is not supported for the type " + value.type());
                    }
                    delete.add(new Ast.DeleteAction(path, literal(value)));
                }
                default -> throw new ValidationException("1 validation error detected: Value '" + action + "' at 'attributeUpdates."
                        + name + ".member.action' failed to satisfy constraint: Member must satisfy enum value set: [ADD, PUT, DELETE]");
            }
        });
        return new Update(new Ast.UpdateExpr(set, remove, add, delete));
    }

    private static boolean isSet(AttributeValue value) {
        return value instanceof AttributeValue.SS || value instanceof AttributeValue.NS || value instanceof AttributeValue.BS;
    }

    // ================= AttributesToGet =================

    /** {@code AttributesToGet}: top-level names only; a duplicate is DynamoDB's error. */
    public static Projection attributesToGet(List<String> attributes) {
        Set<String> seen = new LinkedHashSet<>();
        List<Path> paths = new ArrayList<>();
        for (String name : attributes) {
            if (!seen.add(name)) {
                throw new ValidationException(INVALID + "Duplicate value in attribute name: " + name);
            }
            paths.add(Path.of(name));
        }
        return new Projection(new Ast.ProjectionExpr(paths));
    }
}
