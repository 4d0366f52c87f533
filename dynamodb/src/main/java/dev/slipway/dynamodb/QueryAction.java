package dev.slipway.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.dynamodb.error.ValidationException;
import dev.slipway.dynamodb.model.AttributeValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Query: one partition of a table or index, in sort key order, between the key condition's bounds. */
final class QueryAction implements Action {
    private final Tables tables;

    QueryAction(Tables tables) {
        this.tables = tables;
    }

    @Override
    public ObjectNode handle(JsonNode in) {
        Constraints c = new Constraints(in);
        String name = c.tableName("TableName");
        Reads.constraints(c);
        c.check();
        Integer limit = c.integer("Limit", 1, null);
        boolean consistent = Boolean.TRUE.equals(Constraints.bool(in, "ConsistentRead"));
        Boolean forwardFlag = Constraints.bool(in, "ScanIndexForward");
        boolean forward = forwardFlag == null || forwardFlag;
        if (!in.hasNonNull("KeyConditions") && !in.hasNonNull("KeyConditionExpression")) {
            throw ValidationException.of(
                    "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        }
        Map<String, AttributeValue> start = AttributeJson.item(Constraints.object(in, "ExclusiveStartKey"));
        Table table = tables.forItems(name);
        Reads.Target target = Reads.target(table, Constraints.text(in, "IndexName"));
        KeySchema keys = target.keys();
        Expressions.Compiled expressions = tables.expressions.compile(in, keys);
        String select = Reads.select(in, target, expressions, consistent);
        Expressions.QueryKey queryKey = expressions.keyCondition().orElseThrow(() -> ValidationException.of(
                "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request."));
        Expressions.KeyPart rangePart = queryKey.range().orElse(null);
        AttributeValue hash = queryKey.hashValue();
        if (!hash.type().equals(keys.hashType())) {
            throw ValidationException.invalidParameter("Condition parameter type does not match schema type");
        }
        if (rangePart != null) {
            for (AttributeValue v : rangePart.values()) {
                if (!v.type().equals(keys.rangeType().orElseThrow())) {
                    throw ValidationException.invalidParameter("Condition parameter type does not match schema type");
                }
            }
            if (rangePart.operator().equals("BEGINS_WITH") && keys.rangeType().orElseThrow().equals("N")) {
                throw ValidationException.invalidExpression("KeyConditionExpression",
                        "Incorrect operand type for operator or function; operator or function: begins_with, operand type: N");
            }
        }
        ItemKey startKey = start == null ? null : target.startKey(start);
        if (startKey != null) {
            checkStartKey(startKey, hash, rangePart);
        }

        ItemKey lo = ItemKey.partitionStart(hash);
        ItemKey hi = ItemKey.partitionEnd(hash);
        Predicate<ItemKey> stop = k -> false;
        if (rangePart != null) {
            List<AttributeValue> v = rangePart.values();
            switch (rangePart.operator()) {
                case "EQ" -> {
                    lo = ItemKey.around(hash, v.get(0), -1);
                    hi = ItemKey.around(hash, v.get(0), 1);
                }
                case "GT" -> lo = ItemKey.around(hash, v.get(0), 1);
                case "GE" -> lo = ItemKey.around(hash, v.get(0), -1);
                case "LT" -> hi = ItemKey.around(hash, v.get(0), -1);
                case "LE" -> hi = ItemKey.around(hash, v.get(0), 1);
                case "BETWEEN" -> {
                    lo = ItemKey.around(hash, v.get(0), -1);
                    hi = ItemKey.around(hash, v.get(1), 1);
                }
                case "BEGINS_WITH" -> {
                    lo = ItemKey.around(hash, v.get(0), -1);
                    AttributeValue prefix = v.get(0);
                    stop = k -> !startsWith(k.range(), prefix);
                }
                default -> throw ValidationException.of("Query key condition not supported");
            }
        }
        boolean loInclusive = true;
        boolean hiInclusive = true;
        if (startKey != null) {
            if (forward && startKey.compareTo(lo) >= 0) {
                lo = startKey;
                loInclusive = false;
            } else if (!forward && startKey.compareTo(hi) <= 0) {
                hi = startKey;
                hiInclusive = false;
            }
        }
        ObjectNode out;
        table.lock.readLock().lock();
        try {
            Iterator<Map.Entry<ItemKey, Map<String, AttributeValue>>> entries;
            if (lo.compareTo(hi) > 0) {
                entries = Collections.emptyIterator();
            } else if (rangePart != null && rangePart.operator().equals("BEGINS_WITH") && !forward) {
                // backwards from the last key with the prefix: collect the prefix range, then reverse it
                AttributeValue prefix = rangePart.values().get(0);
                List<Map.Entry<ItemKey, Map<String, AttributeValue>>> inPrefix = new ArrayList<>();
                for (var it = target.data().range(lo, loInclusive, hi, hiInclusive, false); it.hasNext(); ) {
                    Map.Entry<ItemKey, Map<String, AttributeValue>> e = it.next();
                    if (!startsWith(e.getKey().range(), prefix)) {
                        break;
                    }
                    inPrefix.add(e);
                }
                Collections.reverse(inPrefix);
                entries = inPrefix.iterator();
            } else {
                entries = target.data().range(lo, loInclusive, hi, hiInclusive, !forward);
            }
            out = Reads.page(in, target, entries, stop, k -> true, expressions, select, limit, consistent);
        } finally {
            table.lock.readLock().unlock();
        }
        return out;
    }

    /**
     * DynamoDB refuses a start key outside the key condition instead of ignoring it: a range value that fails the
     * range predicate, or another partition.
     */
    private static void checkStartKey(ItemKey startKey, AttributeValue hash, Expressions.KeyPart rangePart) {
        boolean samePartition = Values.compare(startKey.hash(), hash) == 0;
        if (rangePart == null) {
            if (!samePartition) {
                throw ValidationException.of(
                        "The provided starting key is outside query boundaries based on provided conditions");
            }
            return;
        }
        if (!matchesRange(startKey.range(), rangePart)) {
            throw ValidationException.of("The provided starting key does not match the range key predicate");
        }
        if (!samePartition) {
            throw ValidationException.of("The query can return at most one row and cannot be restarted");
        }
    }

    private static boolean matchesRange(AttributeValue range, Expressions.KeyPart part) {
        List<AttributeValue> v = part.values();
        return switch (part.operator()) {
            case "EQ" -> Values.compare(range, v.get(0)) == 0;
            case "GT" -> Values.compare(range, v.get(0)) > 0;
            case "GE" -> Values.compare(range, v.get(0)) >= 0;
            case "LT" -> Values.compare(range, v.get(0)) < 0;
            case "LE" -> Values.compare(range, v.get(0)) <= 0;
            case "BETWEEN" -> Values.compare(range, v.get(0)) >= 0 && Values.compare(range, v.get(1)) <= 0;
            case "BEGINS_WITH" -> startsWith(range, v.get(0));
            default -> true;
        };
    }

    static boolean startsWith(AttributeValue value, AttributeValue prefix) {
        if (value instanceof AttributeValue.S s && prefix instanceof AttributeValue.S p) {
            return s.value().startsWith(p.value());
        }
        if (value instanceof AttributeValue.B b && prefix instanceof AttributeValue.B p) {
            return b.value().length >= p.value().length
                    && Arrays.equals(b.value(), 0, p.value().length, p.value(), 0, p.value().length);
        }
        return false;
    }
}
