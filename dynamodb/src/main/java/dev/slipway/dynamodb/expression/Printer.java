package dev.slipway.dynamodb.expression;

import dev.slipway.dynamodb.expression.Ast.Cond;
import dev.slipway.dynamodb.expression.Ast.Operand;
import dev.slipway.dynamodb.expression.Ast.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints a tree back as expression text, parenthesising only where precedence requires, so
 * that parsing the output gives the same tree (a property the tests check). Resolved trees
 * print with real attribute names and the original value placeholders.
 */
final class Printer {
    private Printer() {
    }

    static String condition(Cond cond) {
        return cond(cond, 0);
    }

    /** Precedence levels: 0 = OR, 1 = AND, 2 = NOT, 3 = comparisons and functions. */
    private static String cond(Cond cond, int context) {
        if (cond instanceof Ast.Or o) {
            return wrap(cond(o.left(), 0) + " OR " + cond(o.right(), 1), context > 0);
        }
        if (cond instanceof Ast.And a) {
            return wrap(cond(a.left(), 1) + " AND " + cond(a.right(), 2), context > 1);
        }
        if (cond instanceof Ast.Not n) {
            return "NOT " + cond(n.operand(), 2);
        }
        if (cond instanceof Ast.Compare c) {
            return operand(c.left()) + " " + c.op() + " " + operand(c.right());
        }
        if (cond instanceof Ast.Between b) {
            return operand(b.value()) + " BETWEEN " + operand(b.low()) + " AND " + operand(b.high());
        }
        if (cond instanceof Ast.In in) {
            return operand(in.value()) + " IN (" + in.candidates().stream().map(Printer::operand).collect(Collectors.joining(", ")) + ")";
        }
        return operand(((Ast.FunctionCond) cond).call());
    }

    private static String wrap(String text, boolean parenthesise) {
        return parenthesise ? "(" + text + ")" : text;
    }

    static String operand(Operand operand) {
        if (operand instanceof Ast.PathRef p) {
            return path(p.path());
        }
        if (operand instanceof Ast.ValueRef v) {
            return v.name();
        }
        if (operand instanceof Ast.Call c) {
            return c.function() + "(" + c.args().stream().map(Printer::operand).collect(Collectors.joining(", ")) + ")";
        }
        Ast.Arith a = (Ast.Arith) operand;
        return operand(a.left()) + " " + a.op() + " " + operand(a.right());
    }

    static String path(Path path) {
        StringBuilder text = new StringBuilder();
        for (Ast.PathElement element : path.elements()) {
            if (element instanceof Ast.Index i) {
                text.append('[').append(i.index()).append(']');
            } else {
                if (text.length() > 0) {
                    text.append('.');
                }
                text.append(((Ast.Attr) element).name());
            }
        }
        return text.toString();
    }

    static String update(Ast.UpdateExpr update) {
        List<String> clauses = new ArrayList<>();
        if (!update.set().isEmpty()) {
            clauses.add("SET " + update.set().stream().map(a -> path(a.path()) + " = " + operand(a.value()))
                    .collect(Collectors.joining(", ")));
        }
        if (!update.remove().isEmpty()) {
            clauses.add("REMOVE " + update.remove().stream().map(Printer::path).collect(Collectors.joining(", ")));
        }
        if (!update.add().isEmpty()) {
            clauses.add("ADD " + update.add().stream().map(a -> path(a.path()) + " " + a.value().name())
                    .collect(Collectors.joining(", ")));
        }
        if (!update.delete().isEmpty()) {
            clauses.add("DELETE " + update.delete().stream().map(a -> path(a.path()) + " " + a.value().name())
                    .collect(Collectors.joining(", ")));
        }
        return String.join(" ", clauses);
    }

    static String projection(Ast.ProjectionExpr projection) {
        return projection.paths().stream().map(Printer::path).collect(Collectors.joining(", "));
    }
}
