package dev.slipway.dynamodb.expression;

import dev.slipway.dynamodb.expression.Ast.Attr;
import dev.slipway.dynamodb.expression.Ast.Index;
import dev.slipway.dynamodb.expression.Ast.Path;
import dev.slipway.dynamodb.model.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A validated projection (ProjectionExpression or legacy AttributesToGet). Applying it keeps
 * only the addressed parts of an item: nested map keys keep their nesting, and list elements
 * picked by index come back as a shorter list in index order, as DynamoDB returns them.
 */
public final class Projection {
    private final List<Path> paths;

    Projection(Ast.ProjectionExpr tree) {
        this.paths = tree.paths();
    }

    public Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
        return project(paths, item == null ? Map.of() : item);
    }

    /** Top-level attribute names the projection reads (e.g. to check an index projects them). */
    public Set<String> topLevelAttributes() {
        Set<String> tops = new LinkedHashSet<>();
        paths.forEach(p -> tops.add(p.top()));
        return tops;
    }

    @Override
    public String toString() {
        return Printer.projection(new Ast.ProjectionExpr(paths));
    }

    static Map<String, AttributeValue> project(List<Path> paths, Map<String, AttributeValue> item) {
        Node root = new Node();
        for (Path path : paths) {
            AttributeValue value = DocumentPaths.get(item, path);
            if (value != null) {
                root.put(path, 0, value);
            }
        }
        Map<String, AttributeValue> result = new LinkedHashMap<>();
        root.keys.forEach((k, v) -> result.put(k, v.build()));
        return result;
    }

    /** A partially built projected value: a leaf, a map under construction or a list under construction. */
    private static final class Node {
        AttributeValue leaf;
        final Map<String, Node> keys = new LinkedHashMap<>();
        final TreeMap<Integer, Node> indexes = new TreeMap<>();

        void put(Path path, int at, AttributeValue value) {
            if (at == path.size()) {
                leaf = value;
                return;
            }
            Node child;
            if (path.elements().get(at) instanceof Attr a) {
                child = keys.computeIfAbsent(a.name(), k -> new Node());
            } else {
                child = indexes.computeIfAbsent(((Index) path.elements().get(at)).index(), k -> new Node());
            }
            child.put(path, at + 1, value);
        }

        AttributeValue build() {
            if (leaf != null) {
                return leaf;
            }
            if (!indexes.isEmpty()) {
                List<AttributeValue> list = new ArrayList<>();
                indexes.values().forEach(n -> list.add(n.build()));
                return new AttributeValue.L(list);
            }
            Map<String, AttributeValue> map = new LinkedHashMap<>();
            keys.forEach((k, v) -> map.put(k, v.build()));
            return new AttributeValue.M(map);
        }
    }
}
