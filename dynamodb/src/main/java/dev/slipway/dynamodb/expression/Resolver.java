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

/**
 * The placeholder pass of validation: returns a copy of a tree with every {@code #name}
 * replaced by the attribute name it stands for and every {@code :value} given its value,
 * recording each use in the request's {@link UsageTracker}. Visits the tree in textual order, so
 * the first undefined placeholder is the one reported, as DynamoDB does.
 */
final class Resolver {
    private final String kind;
    private final Map<String, String> names;
    private final Map<String, AttributeValue> values;
    private final UsageTracker tracker;

    Resolver(String kind, Map<String, String> names, Map<String, AttributeValue> values, UsageTracker tracker) {
        this.kind = kind;
        this.names = names == null ? Map.of() : names;
        this.values = values == null ? Map.of() : values;
        this.tracker = tracker == null ? new UsageTracker() : tracker;
    }

    Cond resolve(Cond cond) {
        if (cond instanceof Ast.Compare c) {
            Operand left = resolve(c.left());
            return new Ast.Compare(c.op(), left, resolve(c.right()));
        } else if (cond instanceof Ast.Between b) {
            Operand value = resolve(b.value());
            Operand low = resolve(b.low());
            return new Ast.Between(value, low, resolve(b.high()));
        } else if (cond instanceof Ast.In in) {
            Operand value = resolve(in.value());
            List<Operand> candidates = new ArrayList<>();
            for (Operand candidate : in.candidates()) {
                candidates.add(resolve(candidate));
            }
            return new Ast.In(value, candidates);
        } else if (cond instanceof Ast.And a) {
            Cond left = resolve(a.left());
            return new Ast.And(left, resolve(a.right()));
        } else if (cond instanceof Ast.Or o) {
            Cond left = resolve(o.left());
            return new Ast.Or(left, resolve(o.right()));
        } else if (cond instanceof Ast.Not n) {
            return new Ast.Not(resolve(n.operand()));
        } else {
            return new Ast.FunctionCond((Call) resolve(((Ast.FunctionCond) cond).call()));
        }
    }

    Operand resolve(Operand operand) {
        if (operand instanceof PathRef p) {
            return new PathRef(resolvePath(p.path()));
        } else if (operand instanceof ValueRef v) {
            return resolveValue(v);
        } else if (operand instanceof Call c) {
            List<Operand> args = new ArrayList<>();
            for (Operand arg : c.args()) {
                args.add(resolve(arg));
            }
            return new Call(c.function(), args);
        } else {
            Ast.Arith a = (Ast.Arith) operand;
            Operand left = resolve(a.left());
            return new Ast.Arith(a.op(), left, resolve(a.right()));
        }
    }

    Path resolvePath(Path path) {
        List<PathElement> elements = new ArrayList<>(path.size());
        for (PathElement element : path.elements()) {
            if (element instanceof Attr a && a.name().startsWith("#")) {
                String name = names.get(a.name());
                if (name == null) {
                    throw ExpressionErrors.undefinedName(kind, a.name());
                }
                tracker.usedName(a.name());
                elements.add(new Attr(name));
            } else {
                elements.add(element);
            }
        }
        return new Path(elements);
    }

    ValueRef resolveValue(ValueRef ref) {
        AttributeValue value = values.get(ref.name());
        if (value == null) {
            throw ExpressionErrors.undefinedValue(kind, ref.name());
        }
        tracker.usedValue(ref.name());
        return new ValueRef(ref.name(), value);
    }
}
