package dev.slipway.dynamodb;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.dynamodb.model.AttributeValue;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * DynamoDB Streams data: for each stream (one per table and stream label), one shard holding the
 * change records in order. Records are kept in memory for the life of the engine (AWS keeps 24 h).
 */
final class Streams {
    static final String SHARD_ID = "shardId-00000000000000000001-00000001";
    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong(100_000_000_000_000_000L);
    private final Map<String, Stream> streams = new ConcurrentHashMap<>();

    /** One stream's shard: records in sequence order. */
    static final class Stream {
        final String arn;
        final String tableName;
        final String label;
        final String viewType;
        final String keySchemaHash;
        final List<ObjectNode> records = new ArrayList<>();
        final KeySchema keys;
        volatile boolean enabled = true;

        Stream(TableDef def) {
            this.arn = def.streamArn();
            this.tableName = def.name;
            this.label = def.streamLabel;
            this.viewType = def.streamViewType;
            this.keys = def.keys;
            this.keySchemaHash = def.keys.hashName();
        }
    }

    Streams(Clock clock) {
        this.clock = clock;
    }

    Map<String, Stream> all() {
        return streams;
    }

    /** Called (under the table's write lock) for each item change. */
    void record(TableDef def, Map<String, AttributeValue> keys, Map<String, AttributeValue> oldItem,
            Map<String, AttributeValue> newItem) {
        if (!def.streamEnabled) {
            return;
        }
        Stream stream = streams.computeIfAbsent(def.streamArn(), a -> new Stream(def));
        ObjectNode r = JsonNodeFactory.instance.objectNode();
        r.put("eventID", UUID.randomUUID().toString().replace("-", ""));
        r.put("eventName", oldItem == null ? "INSERT" : newItem == null ? "REMOVE" : "MODIFY");
        r.put("eventVersion", "1.1");
        r.put("eventSource", "aws:dynamodb");
        ObjectNode d = r.putObject("dynamodb");
        d.put("ApproximateCreationDateTime", clock.instant().getEpochSecond());
        d.set("Keys", AttributeJson.encodeItem(keys));
        String view = def.streamViewType;
        if (newItem != null && (view.equals("NEW_IMAGE") || view.equals("NEW_AND_OLD_IMAGES"))) {
            d.set("NewImage", AttributeJson.encodeItem(newItem));
        }
        if (oldItem != null && (view.equals("OLD_IMAGE") || view.equals("NEW_AND_OLD_IMAGES"))) {
            d.set("OldImage", AttributeJson.encodeItem(oldItem));
        }
        d.put("SequenceNumber", Long.toString(sequence.incrementAndGet()));
        d.put("SizeBytes", Values.itemSize(keys) + (newItem == null ? 0 : Values.itemSize(newItem))
                + (oldItem == null ? 0 : Values.itemSize(oldItem)));
        d.put("StreamViewType", view);
        synchronized (stream) {
            stream.records.add(r);
        }
    }

    /** Registers a newly enabled stream so that it is listed before its first record. */
    void open(TableDef def) {
        streams.computeIfAbsent(def.streamArn(), a -> new Stream(def));
    }

    void disable(String arn) {
        Stream s = streams.get(arn);
        if (s != null) {
            s.enabled = false;
        }
    }
}
