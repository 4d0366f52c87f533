package dev.slipway.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.dynamodb.model.AttributeValue;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

class TtlStreamsPersistenceTest extends ServerFixture {
    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        volatile Instant now = Instant.parse("2026-11-26T12:00:00Z");

        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        public Instant instant() {
            return now;
        }
    }

    final MutableClock clock = new MutableClock();

    @Override
    protected DynamoDbEngine.Builder engine() {
        return DynamoDbEngine.builder().clock(clock).ttlSweepInterval(Duration.ZERO);
    }

    @Test
    void ttl_deletesExpiredItemsOnTheEnginesClock() {
        String t = table("ttl", false);
        ddb.updateTimeToLive(b -> b.tableName(t).timeToLiveSpecification(s -> s.attributeName("expires").enabled(true)));
        long now = clock.now.getEpochSecond();
        ddb.putItem(b -> b.tableName(t).item(item("pk", "old", "expires", now + 10)));
        ddb.putItem(b -> b.tableName(t).item(item("pk", "new", "expires", now + 100)));
        ddb.putItem(b -> b.tableName(t).item(item("pk", "text", "expires", "not a number")));
        assertThat(server.engine().sweepExpiredItems()).isZero();
        clock.now = clock.now.plusSeconds(50);
        assertThat(server.engine().sweepExpiredItems()).isEqualTo(1);
        assertThat(strings(ddb.scan(b -> b.tableName(t)).items(), "pk")).containsExactlyInAnyOrder("new", "text");
        assertThat(ddb.describeTimeToLive(b -> b.tableName(t)).timeToLiveDescription().attributeName()).isEqualTo("expires");
    }

    @Test
    void streams_recordInsertModifyRemoveWithImages() {
        String t = uniqueName("stream");
        ddb.createTable(b -> b.tableName(t).billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(attr("pk", software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S))
                .keySchema(key("pk", software.amazon.awssdk.services.dynamodb.model.KeyType.HASH))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "v", 1)));
        ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "v", 2)));
        ddb.deleteItem(b -> b.tableName(t).key(item("pk", "a")));
        String arn = ddb.describeTable(b -> b.tableName(t)).table().latestStreamArn();
        try (DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder().endpointOverride(java.net.URI.create(server.url()))
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider.create()).build()) {
            assertThat(streams.listStreams(b -> b.tableName(t)).streams()).singleElement()
                    .satisfies(s -> assertThat(s.streamArn()).isEqualTo(arn));
            String shard = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0).shardId();
            String iterator = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard)
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            var records = streams.getRecords(b -> b.shardIterator(iterator)).records();
            assertThat(records).extracting(r -> r.eventNameAsString()).containsExactly("INSERT", "MODIFY", "REMOVE");
            assertThat(records.get(1).dynamodb().oldImage().get("v").n()).isEqualTo("1");
            assertThat(records.get(1).dynamodb().newImage().get("v").n()).isEqualTo("2");
        }
    }

    @Test
    void tableStatusDelay_keepsNewTablesCreatingUntilTheClockPassesIt() {
        try (DynamoDbEngine engine = DynamoDbEngine.builder().clock(clock).tableStatusDelay(Duration.ofSeconds(30))
                .ttlSweepInterval(Duration.ZERO).build()) {
            engine.createTable("slow", "id", Optional.empty());
            var describe = dev.slipway.protocol.Json.MAPPER.createObjectNode().put("TableName", "slow");
            assertThat(engine.execute("DescribeTable", describe).path("Table").path("TableStatus").asText()).isEqualTo("CREATING");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.putItem("slow", Map.of("id", new AttributeValue.S("1"))))
                    .hasMessage("Requested resource not found");
            clock.now = clock.now.plusSeconds(31);
            assertThat(engine.execute("DescribeTable", describe).path("Table").path("TableStatus").asText()).isEqualTo("ACTIVE");
            engine.putItem("slow", Map.of("id", new AttributeValue.S("1")));
        }
    }

    @Test
    void returnItemCollectionMetrics_onTablesWithLocalIndexes() {
        String t = uniqueName("icm");
        ddb.createTable(b -> b.tableName(t).billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(attr("pk", software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S),
                        attr("sk", software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S),
                        attr("l", software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S))
                .keySchema(key("pk", software.amazon.awssdk.services.dynamodb.model.KeyType.HASH),
                        key("sk", software.amazon.awssdk.services.dynamodb.model.KeyType.RANGE))
                .localSecondaryIndexes(l -> l.indexName("byL").keySchema(
                        key("pk", software.amazon.awssdk.services.dynamodb.model.KeyType.HASH),
                        key("l", software.amazon.awssdk.services.dynamodb.model.KeyType.RANGE))
                        .projection(p -> p.projectionType("ALL"))));
        var out = ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "sk", "1", "l", "x"))
                .returnItemCollectionMetrics("SIZE"));
        assertThat(out.itemCollectionMetrics().itemCollectionKey()).isEqualTo(item("pk", "a"));
        assertThat(out.itemCollectionMetrics().sizeEstimateRangeGB()).containsExactly(0.0, 1.0);
    }

    @Test
    void persistentEngine_keepsTablesItemsAndIndexesAcrossRestart(@TempDir Path dir) throws Exception {
        try (DynamoDbEngine engine = DynamoDbEngine.builder().dataDir(Optional.of(dir)).build()) {
            engine.createTable("people", "id", Optional.empty());
            engine.putItem("people", Map.of("id", new AttributeValue.S("1"), "age", new AttributeValue.N(new BigDecimal("42"))));
            engine.putItem("people", Map.of("id", new AttributeValue.S("2")));
            engine.deleteItem("people", Map.of("id", new AttributeValue.S("2")));
        }
        assertThat(Files.list(dir)).isNotEmpty();
        try (DynamoDbEngine engine = DynamoDbEngine.builder().dataDir(Optional.of(dir)).build()) {
            assertThat(engine.listTables()).containsExactly("people");
            assertThat(engine.getItem("people", Map.of("id", new AttributeValue.S("1"))))
                    .hasValue(Map.of("id", new AttributeValue.S("1"), "age", new AttributeValue.N(new BigDecimal("42"))));
            assertThat(engine.getItem("people", Map.of("id", new AttributeValue.S("2")))).isEmpty();
        }
    }
}
