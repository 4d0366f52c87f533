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
 * Reading and editing document paths. Attribute values are never mutated: the update works on
 * its own copy of the item's top-level map and replaces nested maps and lists by edited copies
 * (sharing the untouched parts), which is what lets an update run against "a copy" at the cost
 * of the edited spine only.
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
     * Sets the value at {@code path} in {@code item}, a working copy owned by the caller (its
     * top level is changed in place; nested maps and lists are copied on write). The parent must
     * exist with the right type; an index past the end of a list appends. Throws DynamoDB's
     * "document path ... invalid for update" otherwise.
     */
    static void set(Map<String, AttributeValue> item, Path path, AttributeValue value) {
        if (path.size() == 1) {
            item.put(path.top(), value);
            return;
        }
        AttributeValue child = item.get(path.top());
        if (child == null) {
            throw ExpressionErrors.invalidPathForUpdate();
        }
        item.put(path.top(), edit(child, path.elements(), 1, value, false));
    }

    /** Removes the value at {@code path} from the working copy {@code item}; a missing attribute or element is not an error. */
    static void remove(Map<String, AttributeValue> item, Path path) {
        if (path.size() == 1) {
            item.remove(path.top());
            return;
        }
        AttributeValue child = item.get(path.top());
        if (child != null) {
            item.put(path.top(), edit(child, path.elements(), 1, null, true));
        }
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
