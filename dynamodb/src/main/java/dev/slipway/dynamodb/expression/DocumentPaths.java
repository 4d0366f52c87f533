package dev.slipway.dynamodb.expression;

import dev.slipway.dynamodb.expression.Ast.Attr;
import dev.slipway.dynamodb.expression.Ast.Index;
import dev.slipway.dynamodb.expression.Ast.Path;
import dev.slipway.dynamodb.expression.Ast.PathElement;
import dev.slipway.dynamodb.model.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading and copy-on-write editing of document paths in an item. Items and values are never
 * mutated: an edit returns a new top-level map sharing the untouched parts with the original,
 * which is what lets an update run against "a copy" at the cost of the edited spine only.
 */
final class DocumentPaths {
    private DocumentPaths() {
    }

    /** The value at {@code path}, or null when any step is missing or of the wrong type. */
    static AttributeValue get(Map<String, AttributeValue> item, Path path) {
        AttributeValue current = item.get(path.top());
        for (int i = 1; i < path.size() && current != null; i++) {
            current = step(current, path.elements().get(i));
        }
        return current;
    }

    private static AttributeValue step(AttributeValue value, PathElement element) {
        if (element instanceof Attr a) {
            return value instanceof AttributeValue.M m ? m.value().get(a.name()) : null;
        }
        int index = ((Index) element).index();
        if (value instanceof AttributeValue.L l && index < l.value().size()) {
            return l.value().get(index);
        }
        return null;
    }

    /**
     * Sets the value at {@code path}. The parent must exist with the right type; an index past
     * the end of a list appends. Throws DynamoDB's "document path ... invalid for update" otherwise.
     */
    static Map<String, AttributeValue> set(Map<String, AttributeValue> item, Path path, AttributeValue value) {
        return ((AttributeValue.M) edit(new AttributeValue.M(item), path.elements(), 0, value, false)).value();
    }

    /** Removes the value at {@code path}; a missing attribute or list element is not an error. */
    static Map<String, AttributeValue> remove(Map<String, AttributeValue> item, Path path) {
        return ((AttributeValue.M) edit(new AttributeValue.M(item), path.elements(), 0, null, true)).value();
    }

    private static AttributeValue edit(AttributeValue container, List<PathElement> elements, int at, AttributeValue value,
                                       boolean remove) {
        PathElement element = elements.get(at);
        boolean last = at == elements.size() - 1;
        if (element instanceof Attr a) {
            if (!(container instanceof AttributeValue.M m)) {
                throw ExpressionErrors.invalidPathForUpdate();
            }
            AttributeValue child = m.value().get(a.name());
            if (!last && child == null) {
                if (remove) {
                    return container;
                }
                throw ExpressionErrors.invalidPathForUpdate();
            }
            Map<String, AttributeValue> copy = new LinkedHashMap<>(m.value());
            if (last && remove) {
                if (child == null) {
                    return container;
                }
                copy.remove(a.name());
            } else {
                copy.put(a.name(), last ? value : edit(child, elements, at + 1, value, remove));
            }
            return new AttributeValue.M(copy);
        }
        int index = ((Index) element).index();
        if (!(container instanceof AttributeValue.L l)) {
            throw ExpressionErrors.invalidPathForUpdate();
        }
        List<AttributeValue> copy = new ArrayList<>(l.value());
        if (last) {
            if (remove) {
                if (index >= copy.size()) {
                    return container;
                }
                copy.remove(index);
            } else if (index >= copy.size()) {
                copy.add(value);
            } else {
                copy.set(index, value);
            }
        } else {
            if (index >= copy.size()) {
                if (remove) {
                    return container;
                }
                throw ExpressionErrors.invalidPathForUpdate();
            }
            copy.set(index, edit(copy.get(index), elements, at + 1, value, remove));
        }
        return new AttributeValue.L(copy);
    }
}
