package dev.slipway.dynamodb.expression;

import dev.slipway.dynamodb.model.AttributeValue;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Phase 3: the syntax tree shared by every expression kind. The parser produces it with
 * placeholders as written ({@code #n} in {@link Attr}, {@link ValueRef#value()} null); the
 * resolution pass returns a copy with names substituted and values attached, which is what the
 * evaluator runs.
 */
final class Ast {
    private Ast() {
    }

    // ---- document paths ----

    sealed interface PathElement permits Attr, Index {
    }

    /** A map key or top-level attribute name (or, before resolution, a {@code #placeholder}). */
    record Attr(String name) implements PathElement {
    }

    record Index(int index) implements PathElement {
    }

    record Path(List<PathElement> elements) {
        Path {
            elements = List.copyOf(elements);
        }

        static Path of(String topLevel) {
            return new Path(List.of(new Attr(topLevel)));
        }

        String top() {
            return ((Attr) elements.get(0)).name();
        }

        int size() {
            return elements.size();
        }

        /** DynamoDB's rendering in error messages: {@code [a, b, [1]]}. */
        String describe() {
            return elements.stream()
                    .map(e -> e instanceof Index i ? "[" + i.index() + "]" : ((Attr) e).name())
                    .collect(Collectors.joining(", ", "[", "]"));
        }
    }

    // ---- operands ----

    sealed interface Operand permits PathRef, ValueRef, Call, Arith {
    }

    record PathRef(Path path) implements Operand {
    }

    /** {@code :name}; {@code value} is null until resolved. */
    record ValueRef(String name, AttributeValue value) implements Operand {
    }

    /** A function call: size, if_not_exists, list_append, or a condition function in operand position. */
    record Call(String function, List<Operand> args) implements Operand {
        Call {
            args = List.copyOf(args);
        }
    }

    /** {@code left + right} or {@code left - right} (update expressions only). */
    record Arith(char op, Operand left, Operand right) implements Operand {
    }

    // ---- conditions ----

    sealed interface Cond permits Compare, Between, In, And, Or, Not, FunctionCond {
    }

    /** {@code op} is one of {@code = <> < <= > >=}. */
    record Compare(String op, Operand left, Operand right) implements Cond {
    }

    record Between(Operand value, Operand low, Operand high) implements Cond {
    }

    record In(Operand value, List<Operand> candidates) implements Cond {
        In {
            candidates = List.copyOf(candidates);
        }
    }

    record And(Cond left, Cond right) implements Cond {
    }

    record Or(Cond left, Cond right) implements Cond {
    }

    record Not(Cond operand) implements Cond {
    }

    /** A function used as a condition: attribute_exists(p), begins_with(p, :v), ... */
    record FunctionCond(Call call) implements Cond {
    }

    // ---- update expressions ----

    record UpdateExpr(List<SetAction> set, List<Path> remove, List<AddAction> add, List<DeleteAction> delete) {
        UpdateExpr {
            set = List.copyOf(set);
            remove = List.copyOf(remove);
            add = List.copyOf(add);
            delete = List.copyOf(delete);
        }
    }

    record SetAction(Path path, Operand value) {
    }

    record AddAction(Path path, ValueRef value) {
    }

    record DeleteAction(Path path, ValueRef value) {
    }

    // ---- projection expressions ----

    record ProjectionExpr(List<Path> paths) {
        ProjectionExpr {
            paths = List.copyOf(paths);
        }
    }

    // ---- walking ----

    /** Visits every condition, operand and path of the tree in textual order. */
    static void walk(Cond cond, Consumer<Object> visitor) {
        visitor.accept(cond);
        if (cond instanceof Ast.Compare c) {
            walk(c.left(), visitor);
            walk(c.right(), visitor);
        } else if (cond instanceof Ast.Between b) {
            walk(b.value(), visitor);
            walk(b.low(), visitor);
            walk(b.high(), visitor);
        } else if (cond instanceof Ast.In in) {
            walk(in.value(), visitor);
            in.candidates().forEach(c -> walk(c, visitor));
        } else if (cond instanceof Ast.And a) {
            walk(a.left(), visitor);
            walk(a.right(), visitor);
        } else if (cond instanceof Ast.Or o) {
            walk(o.left(), visitor);
            walk(o.right(), visitor);
        } else if (cond instanceof Ast.Not n) {
            walk(n.operand(), visitor);
        } else if (cond instanceof Ast.FunctionCond f) {
            walk(f.call(), visitor);
        }
    }

    static void walk(Operand operand, Consumer<Object> visitor) {
        visitor.accept(operand);
        if (operand instanceof PathRef p) {
            visitor.accept(p.path());
        } else if (operand instanceof Call c) {
            c.args().forEach(a -> walk(a, visitor));
        } else if (operand instanceof Ast.Arith a) {
            walk(a.left(), visitor);
            walk(a.right(), visitor);
        }
    }

    static void walkUpdate(Ast.UpdateExpr update, Consumer<Object> visitor) {
        for (Ast.SetAction set : update.set()) {
            visitor.accept(set.path());
            walk(set.value(), visitor);
        }
        update.remove().forEach(visitor);
        for (Ast.AddAction add : update.add()) {
            visitor.accept(add.path());
            visitor.accept(add.value());
        }
        for (Ast.DeleteAction delete : update.delete()) {
            visitor.accept(delete.path());
            visitor.accept(delete.value());
        }
    }
}
