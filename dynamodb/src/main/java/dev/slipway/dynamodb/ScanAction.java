package dev.slipway.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.dynamodb.error.ValidationException;
import dev.slipway.dynamodb.model.AttributeValue;
import java.util.Arrays;
import java.util.Map;

/**
 * Scan: every item of a table or index in key order; with TotalSegments, segment {@code s}
 * reads the partitions whose partition key hashes to {@code s}, so parallel segments together
 * read every item exactly once.
 */
final class ScanAction implements Action {
    private final Tables tables;

    ScanAction(Tables tables) {
        this.tables = tables;
    }

    @Override
    public ObjectNode handle(JsonNode in) {
        Constraints c = new Constraints(in);
        String name = c.tableName("TableName");
        Reads.constraints(c);
        Integer segment = c.integer("Segment", 0, 999_999);
        Integer total = c.integer("TotalSegments", 1, 1_000_000);
        c.check();
        Integer limit = c.integer("Limit", 1, null);
        if (segment != null && total == null) {
            throw ValidationException.of("The TotalSegments parameter is required but was not present in the request "
                    + "when parameter Segment is present");
        }
        if (total != null && segment == null) {
            throw ValidationException.of("The Segment parameter is required but was not present in the request when "
                    + "parameter TotalSegments is present");
        }
        if (segment != null && segment >= total) {
            throw ValidationException.of("The Segment parameter is zero-based and must be less than parameter "
                    + "TotalSegments: Segment: " + segment + " is out of bounds for TotalSegments: " + total);
        }
        boolean consistent = Boolean.TRUE.equals(Constraints.bool(in, "ConsistentRead"));
        Map<String, AttributeValue> start = AttributeJson.item(Constraints.object(in, "ExclusiveStartKey"));
        Expressions.Compiled expressions = tables.expressions.compile(in, null);
        Table table = tables.forItems(name);
        Reads.Target target = Reads.target(table, Constraints.text(in, "IndexName"));
        String select = Reads.select(in, target, expressions, consistent);
        ItemKey startKey = start == null ? null : target.startKey(start);
        table.lock.readLock().lock();
        try {
            var data = startKey == null ? target.data().all() : target.data().range(startKey, false, null, true, false);
            return Reads.page(in, target, data, k -> false,
                    segment == null ? k -> true : k -> segmentOf(k.hash(), total) == segment,
                    expressions, select, limit, consistent);
        } finally {
            table.lock.readLock().unlock();
        }
    }

    static int segmentOf(AttributeValue hash, int totalSegments) {
        int h;
        if (hash instanceof AttributeValue.S s) {
            h = s.value().hashCode();
        } else if (hash instanceof AttributeValue.N n) {
            h = n.value().stripTrailingZeros().toPlainString().hashCode();
        } else if (hash instanceof AttributeValue.B b) {
            h = Arrays.hashCode(b.value());
        } else {
            h = 0;
        }
        h ^= h >>> 16;
        return Math.floorMod(h * 0x9E3779B1, totalSegments);
    }
}
