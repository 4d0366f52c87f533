package dev.slipway.dynamodb.expression;

import dev.slipway.dynamodb.expression.Ast.Attr;
import dev.slipway.dynamodb.expression.Ast.Call;
import dev.slipway.dynamodb.expression.Ast.Cond;
import dev.slipway.dynamodb.expression.Ast.Operand;
import dev.slipway.dynamodb.expression.Ast.Path;
import dev.slipway.dynamodb.expression.Ast.PathElement;
import dev.slipway.dynamodb.expression.Ast.PathRef;
import dev.slipway.dynamodb.expression.Ast.ValueRef;
import dev.slipway.dynamodb.model.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Phase 4: the checks DynamoDB makes on a parsed expression, run as separate passes in the order
 * in which DynamoDB reports them (so that an expression with two problems gets DynamoDB's error,
 * not an arbitrary one), followed by placeholder resolution. Nothing is evaluated here: a tree
 * that passes every check is handed to the evaluator.
 *
 * <p>Condition order: redundant parentheses → unknown functions → misused functions → reserved
 * words → undefined names/values (in order of appearance) → operands of operators and functions.
 * Update order: reserved words → unknown functions → repeated section → undefined names →
 * undefined values → overlapping/conflicting paths → ADD/DELETE operand types → function operands.
 */
final class Validator {
    static final Set<String> CONDITION_FUNCTIONS = Set.of("attribute_exists", "attribute_not_exists", "attribute_type",
            "begins_with", "contains");
    static final Set<String> UPDATE_FUNCTIONS = Set.of("if_not_exists", "list_append");
    private static final Set<String> TYPE_NAMES = Set.of("S", "N", "B", "NULL", "SS", "BOOL", "L", "BS", "NS", "M");
    /** https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-expression-parameters */
    static final int MAX_NESTING = 32;
    static final int MAX_IN_OPERANDS = 100;

    private final String kind;
    private final Resolver resolver;

    Validator(String kind, Map<String, String> names, Map<String, AttributeValue> values, UsageTracker tracker) {
        this.kind = kind;
        this.resolver = new Resolver(kind, names, values, tracker);
    }

    // ================= condition, filter and key-condition expressions =================

    Cond condition(Parser.Parsed<Cond> parsed) {
        Cond raw = parsed.ast();
        if (parsed.redundantParentheses()) {
            throw ExpressionErrors.redundantParentheses(kind);
        }
        List<Call> calls = new ArrayList<>();
        Ast.walk(raw, node -> {
            if (node instanceof Call c) {
                calls.add(c);
            }
        });
        for (Call call : calls) {
            if (!CONDITION_FUNCTIONS.contains(call.function()) && !call.function().equals("size")
                    && !UPDATE_FUNCTIONS.contains(call.function())) {
                throw ExpressionErrors.unknownFunction(kind, call.function());
            }
        }
        checkFunctionPlacement(raw);
        checkPathNames(raw);
        Cond resolved = resolver.resolve(raw);
        checkOperands(resolved);
        return resolved;
    }

    private void checkFunctionPlacement(Cond cond) {
        Ast.walk(cond, node -> {
            if (node instanceof Ast.FunctionCond f) {
                String name = f.call().function();
                if (UPDATE_FUNCTIONS.contains(name)) {
                    throw ExpressionErrors.functionNotAllowed(kind, name);
                }
                if (name.equals("size")) {
                    throw ExpressionErrors.misusedFunction(kind, name);
                }
                for (Operand arg : f.call().args()) {
                    checkOperandFunction(arg);
                }
            } else if (node instanceof Ast.Compare c) {
                checkOperandFunction(c.left());
                checkOperandFunction(c.right());
            } else if (node instanceof Ast.Between b) {
                checkOperandFunction(b.value());
                checkOperandFunction(b.low());
                checkOperandFunction(b.high());
            } else if (node instanceof Ast.In in) {
                checkOperandFunction(in.value());
                in.candidates().forEach(this::checkOperandFunction);
            }
        });
    }

    /** In operand position only size() may appear (and its own argument must be plain). */
    private void checkOperandFunction(Operand operand) {
        if (operand instanceof Call call) {
            if (UPDATE_FUNCTIONS.contains(call.function())) {
                throw ExpressionErrors.functionNotAllowed(kind, call.function());
            }
            if (!call.function().equals("size")) {
                throw ExpressionErrors.misusedFunction(kind, call.function());
            }
            call.args().forEach(this::checkOperandFunction);
        }
    }

    private void checkOperands(Cond cond) {
        Ast.walk(cond, node -> {
            if (node instanceof Ast.Compare c) {
                checkDistinct(c.op(), c.left(), c.right());
            } else if (node instanceof Ast.Between b) {
                if (b.low() instanceof ValueRef low && b.high() instanceof ValueRef high) {
                    if (!low.value().type().equals(high.value().type())) {
                        throw ExpressionErrors.betweenTypes(kind, low.value(), high.value());
                    }
                    Integer order = Values.compare(low.value(), high.value());
                    if (order != null && order > 0) {
                        throw ExpressionErrors.betweenOrder(kind, low.value(), high.value());
                    }
                }
            } else if (node instanceof Ast.In in) {
                if (in.candidates().size() > MAX_IN_OPERANDS) {
                    throw ExpressionErrors.tooManyInOperands(kind, in.candidates().size());
                }
                for (Operand candidate : in.candidates()) {
                    checkDistinct("IN", in.value(), candidate);
                }
            } else if (node instanceof Call call) {
                checkConditionFunction(call);
            }
        });
    }

    private void checkConditionFunction(Call call) {
        String name = call.function();
        List<Operand> args = call.args();
        int expected = switch (name) {
            case "attribute_type", "begins_with", "contains" -> 2;
            default -> 1;
        };
        if (args.size() != expected) {
            throw ExpressionErrors.operandCount(kind, name, args.size());
        }
        if (expected == 2) {
            checkDistinct(name, args.get(0), args.get(1));
        }
        switch (name) {
            case "attribute_exists", "attribute_not_exists" -> {
                if (!(args.get(0) instanceof PathRef)) {
                    throw ExpressionErrors.requiresPath(kind, name);
                }
            }
            case "attribute_type" -> {
                if (!(args.get(0) instanceof PathRef)) {
                    throw ExpressionErrors.requiresPath(kind, name);
                }
                String type = staticType(args.get(1));
                if (!"S".equals(type)) {
                    throw ExpressionErrors.operandType(kind, name, type == null ? "{NS,SS,L,BS,N,M,B,BOOL,NULL,S}" : type);
                }
                if (args.get(1) instanceof ValueRef v && !TYPE_NAMES.contains(((AttributeValue.S) v.value()).value())) {
                    throw ExpressionErrors.invalidAttributeType(kind, ((AttributeValue.S) v.value()).value());
                }
            }
            case "begins_with" -> {
                for (Operand arg : args) {
                    String type = staticType(arg);
                    if (type != null && !type.equals("S") && !type.equals("B")) {
                        throw ExpressionErrors.operandType(kind, name, type);
                    }
                }
            }
            case "size" -> {
                String type = staticType(args.get(0));
                if ("N".equals(type) || "BOOL".equals(type) || "NULL".equals(type)) {
                    throw ExpressionErrors.operandType(kind, name, type);
                }
            }
            default -> {
            }
        }
    }

    /** The type an operand is known to have before evaluation, or null if it depends on the item. */
    private static String staticType(Operand operand) {
        if (operand instanceof ValueRef v) {
            return v.value().type();
        }
        if (operand instanceof Call c && c.function().equals("size")) {
            return "N";
        }
        return null;
    }

    private void checkDistinct(String operator, Operand left, Operand right) {
        if (left instanceof PathRef a && right instanceof PathRef b && a.path().equals(b.path())) {
            throw ExpressionErrors.notDistinct(kind, operator, a.path().describe());
        }
    }

    // ================= update expressions =================

    Ast.UpdateExpr update(Parser.Parsed<Ast.UpdateExpr> parsed) {
        Ast.UpdateExpr raw = parsed.ast();
        List<Path> paths = new ArrayList<>();
        List<Call> calls = new ArrayList<>();
        Ast.walkUpdate(raw, node -> {
            if (node instanceof Path p) {
                paths.add(p);
            } else if (node instanceof Call c) {
                calls.add(c);
            }
        });
        checkReservedAndNesting(paths);
        for (Call call : calls) {
            if (!UPDATE_FUNCTIONS.contains(call.function())) {
                if (CONDITION_FUNCTIONS.contains(call.function()) || call.function().equals("size")) {
                    throw ExpressionErrors.functionNotAllowed(kind, call.function());
                }
                throw ExpressionErrors.unknownFunction(kind, call.function());
            }
        }
        if (parsed.repeatedSection() != null) {
            throw ExpressionErrors.sectionTwice(parsed.repeatedSection());
        }
        for (Path path : paths) {
            resolver.resolvePath(path);
        }
        Ast.walkUpdate(raw, node -> {
            if (node instanceof ValueRef v) {
                resolver.resolveValue(v);
            }
        });
        Ast.UpdateExpr resolved = new Ast.UpdateExpr(
                raw.set().stream().map(a -> new Ast.SetAction(resolver.resolvePath(a.path()), resolver.resolve(a.value()))).toList(),
                raw.remove().stream().map(resolver::resolvePath).toList(),
                raw.add().stream().map(a -> new Ast.AddAction(resolver.resolvePath(a.path()), resolver.resolveValue(a.value()))).toList(),
                raw.delete().stream().map(a -> new Ast.DeleteAction(resolver.resolvePath(a.path()), resolver.resolveValue(a.value()))).toList());
        checkOverlaps(kind, parsed.actionPaths().stream().map(resolver::resolvePath).toList());
        for (Ast.AddAction add : resolved.add()) {
            String type = add.value().value().type();
            if (!type.equals("N") && !type.equals("SS") && !type.equals("NS") && !type.equals("BS")) {
                throw ExpressionErrors.updateOperatorType("ADD", typeWord(type));
            }
        }
        for (Ast.DeleteAction delete : resolved.delete()) {
            String type = delete.value().value().type();
            if (!type.equals("SS") && !type.equals("NS") && !type.equals("BS")) {
                throw ExpressionErrors.updateOperatorType("DELETE", typeWord(type));
            }
        }
        for (Ast.SetAction set : resolved.set()) {
            checkUpdateOperand(set.value());
        }
        return resolved;
    }

    private void checkUpdateOperand(Operand operand) {
        if (operand instanceof Ast.Arith a) {
            String op = String.valueOf(a.op());
            for (Operand arg : List.of(a.left(), a.right())) {
                checkUpdateOperand(arg);
                String type = literalType(arg);
                if (type != null && !type.equals("N")) {
                    throw ExpressionErrors.operandType(kind, op, type);
                }
            }
        } else if (operand instanceof Call c) {
            c.args().forEach(this::checkUpdateOperand);
            if (c.args().size() != 2) {
                throw ExpressionErrors.operandCount(kind, c.function(), c.args().size());
            }
            if (c.function().equals("if_not_exists")) {
                if (!(c.args().get(0) instanceof PathRef)) {
                    throw ExpressionErrors.requiresPath(kind, c.function());
                }
            } else {
                for (Operand arg : c.args()) {
                    String type = literalType(arg);
                    if (type != null && !type.equals("L")) {
                        throw ExpressionErrors.operandType(kind, c.function(), type);
                    }
                }
            }
        }
    }

    private static String literalType(Operand operand) {
        return operand instanceof ValueRef v ? v.value().type() : null;
    }

    private static String typeWord(String type) {
        return switch (type) {
            case "S" -> "STRING";
            case "N" -> "NUMBER";
            case "B" -> "BINARY";
            case "BOOL" -> "BOOLEAN";
            case "L" -> "LIST";
            case "M" -> "MAP";
            default -> type;
        };
    }

    // ================= projection expressions =================

    Ast.ProjectionExpr projection(Parser.Parsed<Ast.ProjectionExpr> parsed) {
        List<Path> raw = parsed.ast().paths();
        checkReservedAndNesting(raw);
        List<Path> resolved = raw.stream().map(resolver::resolvePath).toList();
        checkOverlaps(kind, resolved);
        return new Ast.ProjectionExpr(resolved);
    }

    // ================= shared passes =================

    private void checkPathNames(Cond cond) {
        List<Path> paths = new ArrayList<>();
        Ast.walk(cond, node -> {
            if (node instanceof Path p) {
                paths.add(p);
            }
        });
        checkReservedAndNesting(paths);
    }

    private void checkReservedAndNesting(List<Path> paths) {
        for (Path path : paths) {
            for (PathElement element : path.elements()) {
                if (element instanceof Attr a && !a.name().startsWith("#") && ReservedWords.isReserved(a.name())) {
                    throw ExpressionErrors.reservedKeyword(kind, a.name());
                }
            }
        }
        for (Path path : paths) {
            if (path.size() > MAX_NESTING) {
                throw ExpressionErrors.nestingTooDeep(kind, path.size());
            }
        }
    }

    /**
     * Paths overlap when one is a prefix of (or equal to) the other, and conflict when they part
     * ways with a map key on one side and a list index on the other. An overlap is reported
     * before a conflict, as DynamoDB does.
     */
    static void checkOverlaps(String kind, List<Path> paths) {
        RuntimeException conflict = null;
        for (int j = 1; j < paths.size(); j++) {
            for (int i = 0; i < j; i++) {
                Path one = paths.get(i);
                Path two = paths.get(j);
                int common = Math.min(one.size(), two.size());
                boolean diverged = false;
                for (int k = 0; k < common && !diverged; k++) {
                    PathElement a = one.elements().get(k);
                    PathElement b = two.elements().get(k);
                    if (a.getClass() != b.getClass()) {
                        if (conflict == null) {
                            conflict = ExpressionErrors.pathsConflict(kind, one, two);
                        }
                        diverged = true;
                    } else if (!a.equals(b)) {
                        diverged = true;
                    }
                }
                if (!diverged) {
                    throw ExpressionErrors.pathsOverlap(kind, one, two);
                }
            }
        }
        if (conflict != null) {
            throw conflict;
        }
    }

}
