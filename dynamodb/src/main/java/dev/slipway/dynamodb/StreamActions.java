package dev.slipway.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.dynamodb.error.ResourceNotFoundException;
import dev.slipway.dynamodb.error.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * DynamoDB Streams (target prefix DynamoDBStreams_20120810): ListStreams, DescribeStream,
 * GetShardIterator and GetRecords over the single shard of each stream.
 */
final class StreamActions {
    private StreamActions() {}

    private static Streams.Stream stream(Tables tables, String arn) {
        Streams.Stream s = arn == null ? null : tables.streams.all().get(arn);
        if (s == null) {
            throw ResourceNotFoundException.stream(arn);
        }
        return s;
    }

    static final class ListStreams implements Action {
        private final Tables tables;

        ListStreams(Tables tables) {
            this.tables = tables;
        }

        @Override
        public ObjectNode handle(JsonNode in) {
            Constraints c = new Constraints(in);
            String table = c.tableName(in, "TableName", "tableName", false);
            Integer limit = c.integer("Limit", 1, 100);
            c.check();
            List<Streams.Stream> all = new ArrayList<>(tables.streams.all().values());
            all.sort(Comparator.comparing((Streams.Stream s) -> s.arn));
            String start = Constraints.text(in, "ExclusiveStartStreamArn");
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            ArrayNode a = out.putArray("Streams");
            int max = limit == null ? 100 : limit;
            String last = null;
            for (Streams.Stream s : all) {
                if ((table != null && !s.tableName.equals(table)) || (start != null && s.arn.compareTo(start) <= 0)) {
                    continue;
                }
                if (a.size() == max) {
                    out.put("LastEvaluatedStreamArn", last);
                    break;
                }
                a.addObject().put("StreamArn", s.arn).put("TableName", s.tableName).put("StreamLabel", s.label);
                last = s.arn;
            }
            return out;
        }
    }

    static final class DescribeStream implements Action {
        private final Tables tables;

        DescribeStream(Tables tables) {
            this.tables = tables;
        }

        @Override
        public ObjectNode handle(JsonNode in) {
            Constraints c = new Constraints(in);
            c.notNull(in, "StreamArn", "streamArn");
            c.check();
            Streams.Stream s = stream(tables, Constraints.text(in, "StreamArn"));
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            ObjectNode d = out.putObject("StreamDescription");
            d.put("StreamArn", s.arn).put("StreamLabel", s.label).put("StreamStatus", s.enabled ? "ENABLED" : "DISABLED")
                    .put("StreamViewType", s.viewType).put("TableName", s.tableName);
            d.set("KeySchema", TableDescriptions.keySchema(s.keys));
            ObjectNode shard = d.putArray("Shards").addObject();
            shard.put("ShardId", Streams.SHARD_ID);
            ObjectNode range = shard.putObject("SequenceNumberRange");
            synchronized (s) {
                range.put("StartingSequenceNumber", s.records.isEmpty() ? "100000000000000000000"
                        : s.records.get(0).path("dynamodb").path("SequenceNumber").asText());
                if (!s.enabled && !s.records.isEmpty()) {
                    range.put("EndingSequenceNumber",
                            s.records.get(s.records.size() - 1).path("dynamodb").path("SequenceNumber").asText());
                }
            }
            return out;
        }
    }

    static final class GetShardIterator implements Action {
        private final Tables tables;

        GetShardIterator(Tables tables) {
            this.tables = tables;
        }

        @Override
        public ObjectNode handle(JsonNode in) {
            Constraints c = new Constraints(in);
            c.notNull(in, "StreamArn", "streamArn");
            c.notNull(in, "ShardId", "shardId");
            String type = c.enumValue("ShardIteratorType", "TRIM_HORIZON", "LATEST", "AT_SEQUENCE_NUMBER",
                    "AFTER_SEQUENCE_NUMBER");
            c.notNull(in, "ShardIteratorType", "shardIteratorType");
            c.check();
            Streams.Stream s = stream(tables, Constraints.text(in, "StreamArn"));
            if (!Streams.SHARD_ID.equals(Constraints.text(in, "ShardId"))) {
                throw ResourceNotFoundException.stream(s.arn);
            }
            int position;
            synchronized (s) {
                switch (type) {
                    case "TRIM_HORIZON" -> position = 0;
                    case "LATEST" -> position = s.records.size();
                    default -> {
                        String seq = Constraints.text(in, "SequenceNumber");
                        if (seq == null) {
                            throw ValidationException.of("Must specify a sequence number for " + type);
                        }
                        position = s.records.size();
                        for (int i = 0; i < s.records.size(); i++) {
                            if (s.records.get(i).path("dynamodb").path("SequenceNumber").asText().equals(seq)) {
                                position = type.equals("AT_SEQUENCE_NUMBER") ? i : i + 1;
                                break;
                            }
                        }
                    }
                }
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            out.put("ShardIterator", iterator(s.arn, position));
            return out;
        }
    }

    static final class GetRecords implements Action {
        private final Tables tables;

        GetRecords(Tables tables) {
            this.tables = tables;
        }

        @Override
        public ObjectNode handle(JsonNode in) {
            Constraints c = new Constraints(in);
            c.notNull(in, "ShardIterator", "shardIterator");
            Integer limit = c.integer("Limit", 1, 1000);
            c.check();
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(Constraints.text(in, "ShardIterator")), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw ValidationException.of("Invalid ShardIterator");
            }
            int bar = decoded.lastIndexOf('|');
            if (bar < 0) {
                throw ValidationException.of("Invalid ShardIterator");
            }
            Streams.Stream s = stream(tables, decoded.substring(0, bar));
            int position;
            try {
                position = Integer.parseInt(decoded.substring(bar + 1));
            } catch (NumberFormatException e) {
                throw ValidationException.of("Invalid ShardIterator");
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            ArrayNode records = out.putArray("Records");
            int max = limit == null ? 1000 : limit;
            int next;
            synchronized (s) {
                next = position;
                while (next < s.records.size() && records.size() < max) {
                    ObjectNode r = s.records.get(next++).deepCopy();
                    r.put("awsRegion", tables.region);
                    records.add(r);
                }
            }
            out.put("NextShardIterator", iterator(s.arn, next));
            return out;
        }
    }

    private static String iterator(String arn, int position) {
        return Base64.getEncoder().encodeToString((arn + "|" + position).getBytes(StandardCharsets.UTF_8));
    }
}
