package dev.slipway.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.dynamodb.error.DynamoDbException;
import dev.slipway.dynamodb.model.AttributeValue;
import dev.slipway.protocol.AwsDefaults;
import dev.slipway.protocol.Json;
import dev.slipway.protocol.http.HttpHandler;
import dev.slipway.protocol.spi.CloudService;
import dev.slipway.protocol.spi.ResourceProvider;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Slipway's DynamoDB engine: in-memory, or persistent on H2's MVStore with {@code dataDir}.
 * Every DynamoDB action is reachable through {@link #execute(String, JsonNode)} (the same JSON as
 * on the wire) and, for the common ones, typed methods; {@link #handler()} is the HTTP wire
 * codec, {@link #asCloudService()} the local cloud's view of it. Thread-safe.
 */
public final class DynamoDbEngine implements AutoCloseable {
    private final Tables tables;
    private final Map<String, Action> actions;
    private final Map<String, Action> streamActions;
    private final WireHandler handler;
    private final ScheduledExecutorService sweeper;

    private DynamoDbEngine(Builder b) {
        Storage storage = b.dataDir.<Storage>map(MvStoreStorage::new).orElseGet(Storage::memory);
        this.tables = new Tables(b.clock, b.region, b.accountId, b.tableStatusDelay, storage, ExpressionBridge.create());
        this.actions = Actions.dynamodb(tables);
        this.streamActions = Actions.streams(tables);
        this.handler = new WireHandler(actions, streamActions, storage);
        if (b.ttlSweepInterval.isZero()) {
            this.sweeper = null;
        } else {
            this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "dynamodb-ttl-sweeper");
                t.setDaemon(true);
                return t;
            });
            long millis = b.ttlSweepInterval.toMillis();
            sweeper.scheduleWithFixedDelay(this::sweepQuietly, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs one action on its wire-format request, e.g. {@code execute("PutItem", json)}.
     *
     * @throws DynamoDbException with DynamoDB's error code and message
     */
    public ObjectNode execute(String action, JsonNode request) {
        Action a = actions.get(action);
        if (a == null) {
            a = streamActions.get(action);
        }
        if (a == null) {
            throw dev.slipway.dynamodb.error.UnknownOperationException.unknown();
        }
        Action run = a;
        JsonNode input = request == null ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode() : request;
        try {
            return tables.storage.apply(() -> run.handle(input));
        } finally {
            awaitDurable();
        }
    }

    /** Waits for the group commit covering this thread's last write (none: returns at once). */
    private void awaitDurable() {
        try {
            tables.storage.durable().join();
        } catch (java.util.concurrent.CompletionException e) {
            throw dev.slipway.dynamodb.error.InternalServerError.unexpected();
        }
    }

    /** Creates a PAY_PER_REQUEST table with a string partition key and optional string sort key. */
    public void createTable(String tableName, String hashKey, Optional<String> rangeKey) {
        ObjectNode r = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("TableName", tableName).put("BillingMode", "PAY_PER_REQUEST");
        var defs = r.putArray("AttributeDefinitions");
        var keys = r.putArray("KeySchema");
        defs.addObject().put("AttributeName", hashKey).put("AttributeType", "S");
        keys.addObject().put("AttributeName", hashKey).put("KeyType", "HASH");
        rangeKey.ifPresent(k -> {
            defs.addObject().put("AttributeName", k).put("AttributeType", "S");
            keys.addObject().put("AttributeName", k).put("KeyType", "RANGE");
        });
        execute("CreateTable", r);
    }

    public void putItem(String tableName, Map<String, AttributeValue> item) {
        ObjectNode r = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("TableName", tableName);
        r.set("Item", AttributeJson.encodeItem(item));
        execute("PutItem", r);
    }

    public Optional<Map<String, AttributeValue>> getItem(String tableName, Map<String, AttributeValue> key) {
        ObjectNode r = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("TableName", tableName).put("ConsistentRead", true);
        r.set("Key", AttributeJson.encodeItem(key));
        JsonNode item = execute("GetItem", r).get("Item");
        return Optional.ofNullable(AttributeJson.item(item));
    }

    /** Returns the old item, if there was one. */
    public Optional<Map<String, AttributeValue>> deleteItem(String tableName, Map<String, AttributeValue> key) {
        ObjectNode r = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("TableName", tableName).put("ReturnValues", "ALL_OLD");
        r.set("Key", AttributeJson.encodeItem(key));
        return Optional.ofNullable(AttributeJson.item(execute("DeleteItem", r).get("Attributes")));
    }

    /** All table names, in order (follows ListTables pages). */
    public List<String> listTables() {
        return new ArrayList<>(tables.map().keySet());
    }

    public void deleteTable(String tableName) {
        execute("DeleteTable", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("TableName", tableName));
    }

    /** The table's ARN, stream ARN (if a stream is enabled) and status, for CloudFormation. */
    public Map<String, String> tableAttributes(String tableName) {
        Table t = tables.named(tableName);
        Map<String, String> a = new LinkedHashMap<>();
        a.put("Arn", t.def.arn);
        a.put("TableStatus", tables.status(t));
        if (t.def.streamEnabled) {
            a.put("StreamArn", t.def.streamArn());
        }
        return a;
    }

    /** Deletes items whose TTL has passed on the engine's clock; the background sweep calls this too. */
    public int sweepExpiredItems() {
        // not under Storage.apply: each expired item's delete stands alone, so a commit may take
        // some of them (the rest go with the next), and a long sweep does not hold up commits
        try {
            return TimeToLiveActions.sweep(tables);
        } finally {
            awaitDurable();
        }
    }

    /** The HTTP handler speaking DynamoDB's JSON 1.0 protocol. */
    public HttpHandler handler() {
        return handler;
    }

    public String region() {
        return tables.region;
    }

    /** This engine as a service of the local cloud (closing the service closes the engine). */
    public CloudService asCloudService() {
        DynamoDbEngine engine = this;
        return new CloudService() {
            public String name() {
                return "dynamodb";
            }

            public Set<String> signingNames() {
                return Set.of("dynamodb");
            }

            public Set<String> targetPrefixes() {
                return Set.of(WireHandler.TARGET_PREFIX, WireHandler.STREAMS_PREFIX);
            }

            public HttpHandler handler() {
                return handler;
            }

            public List<ResourceProvider> resourceProviders() {
                return List.of(new TableResourceProvider(engine));
            }

            public void close() {
                engine.close();
            }
        };
    }

    private void sweepQuietly() {
        try {
            sweepExpiredItems();
        } catch (RuntimeException e) {
            System.getLogger(DynamoDbEngine.class.getName()).log(System.Logger.Level.WARNING, "TTL sweep failed", e);
        }
    }

    @Override
    public void close() {
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
        tables.close();
    }

    /** Configuration; every setting has a default. */
    public static final class Builder {
        private Optional<Path> dataDir = Optional.empty();
        private Clock clock = Clock.systemUTC();
        private String region = AwsDefaults.REGION;
        private String accountId = AwsDefaults.ACCOUNT_ID;
        private Duration tableStatusDelay = Duration.ZERO;
        private Duration ttlSweepInterval = Duration.ofSeconds(1);

        private Builder() {}

        /** Where to persist tables; empty (the default) keeps everything in memory. */
        public Builder dataDir(Optional<Path> dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public Builder region(String region) {
            this.region = Objects.requireNonNull(region);
            return this;
        }

        public Builder accountId(String accountId) {
            this.accountId = Objects.requireNonNull(accountId);
            return this;
        }

        /** How long a new table stays CREATING; zero (the default) makes it ACTIVE at once. */
        public Builder tableStatusDelay(Duration delay) {
            this.tableStatusDelay = Objects.requireNonNull(delay);
            return this;
        }

        /** How often expired TTL items are deleted; zero turns the background sweep off. */
        public Builder ttlSweepInterval(Duration interval) {
            this.ttlSweepInterval = Objects.requireNonNull(interval);
            return this;
        }

        public DynamoDbEngine build() {
            return new DynamoDbEngine(this);
        }
    }
}
