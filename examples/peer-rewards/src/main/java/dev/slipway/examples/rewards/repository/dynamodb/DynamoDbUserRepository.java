package dev.slipway.examples.rewards.repository.dynamodb;

import dev.slipway.examples.rewards.model.User;
import dev.slipway.examples.rewards.repository.UserRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Users in DynamoDB. Item: {@code username} (S, key), {@code displayName} (S), {@code createdAt}
 * (N, epoch millis), {@code points} (N, kept with {@code ADD}) and {@code board} (S, always "all"), the
 * partition of the {@code by-points} index that the leaderboard queries. Expressions name every
 * attribute through {@code #aliases}: several words (FROM, TO, USERNAME...) are DynamoDB reserved words.
 */
public final class DynamoDbUserRepository implements UserRepository {

    /** BatchGetItem takes at most 100 keys per call. */
    static final int BATCH_GET_MAX_KEYS = 100;
    static final int BATCH_GET_MAX_ATTEMPTS = 8;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration backoff;

    public DynamoDbUserRepository(DynamoDbClient dynamo, Tables tables) {
        this(dynamo, tables, Duration.ofMillis(25));
    }

    /** {@code backoff}: the first wait before retrying UnprocessedKeys; it doubles on each retry. */
    DynamoDbUserRepository(DynamoDbClient dynamo, Tables tables, Duration backoff) {
        this.dynamo = dynamo;
        this.table = tables.users();
        this.backoff = backoff;
    }

    @Override
    public boolean create(User user) {
        try {
            dynamo.putItem(put -> put.tableName(table)
                    .item(toItem(user))
                    .conditionExpression("attribute_not_exists(#username)")
                    .expressionAttributeNames(Map.of("#username", "username")));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    @Override
    public Optional<User> find(String username) {
        // Consistent: a user who just registered can be rewarded at once.
        var item = dynamo.getItem(get -> get.tableName(table).key(key(username)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    /**
     * One BatchGetItem per 100 names. DynamoDB may return part of a batch in UnprocessedKeys (throttling,
     * 16 MB responses); those are asked again, with exponential backoff, until none remain.
     */
    @Override
    public List<User> findAll(Collection<String> usernames) {
        List<String> names = usernames.stream().distinct().toList(); // duplicates are a ValidationException
        var found = new ArrayList<User>();
        for (int start = 0; start < names.size(); start += BATCH_GET_MAX_KEYS) {
            var keys = names.subList(start, Math.min(names.size(), start + BATCH_GET_MAX_KEYS)).stream()
                    .map(DynamoDbUserRepository::key)
                    .toList();
            Map<String, KeysAndAttributes> request =
                    Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
            for (int attempt = 1; !request.isEmpty(); attempt++) {
                if (attempt > BATCH_GET_MAX_ATTEMPTS) {
                    throw new IllegalStateException("BatchGetItem left keys unprocessed after "
                            + BATCH_GET_MAX_ATTEMPTS + " attempts on " + table);
                }
                if (attempt > 1) {
                    pause(backoff.multipliedBy(1L << (attempt - 2)));
                }
                final var pending = request;
                BatchGetItemResponse response = dynamo.batchGetItem(batch -> batch.requestItems(pending));
                response.responses().getOrDefault(table, List.of()).forEach(item -> found.add(fromItem(item)));
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return found;
    }

    @Override
    public List<User> list() {
        var users = new ArrayList<User>();
        Map<String, AttributeValue> start = null;
        do {
            final var from = start;
            ScanResponse page = dynamo.scan(scan -> scan.tableName(table).exclusiveStartKey(from));
            page.items().forEach(item -> users.add(fromItem(item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return users;
    }

    /** {@code ADD points :delta}: DynamoDB applies concurrent updates one after another, none is lost. */
    @Override
    public Optional<Long> addPoints(String username, long delta) {
        try {
            var updated = dynamo.updateItem(update -> update.tableName(table)
                    .key(key(username))
                    .updateExpression("ADD #points :delta")
                    .conditionExpression("attribute_exists(#username)")
                    .expressionAttributeNames(Map.of("#points", "points", "#username", "username"))
                    .expressionAttributeValues(Map.of(":delta", AttributeValue.fromN(Long.toString(delta))))
                    .returnValues(ReturnValue.UPDATED_NEW));
            return Optional.of(Long.parseLong(updated.attributes().get("points").n()));
        } catch (ConditionalCheckFailedException missing) {
            return Optional.empty();
        }
    }

    @Override
    public List<User> topByPoints(int limit) {
        return dynamo.query(query -> query.tableName(table)
                        .indexName(Tables.USERS_BY_POINTS)
                        .keyConditionExpression("#board = :board AND #points > :zero")
                        .expressionAttributeNames(Map.of("#board", "board", "#points", "points"))
                        .expressionAttributeValues(Map.of(
                                ":board", AttributeValue.fromS(Tables.BOARD),
                                ":zero", AttributeValue.fromN("0")))
                        .scanIndexForward(false)
                        .limit(limit))
                .items().stream()
                .map(DynamoDbUserRepository::fromItem)
                .toList();
    }

    private static Map<String, AttributeValue> key(String username) {
        return Map.of("username", AttributeValue.fromS(username));
    }

    static Map<String, AttributeValue> toItem(User user) {
        var item = new HashMap<String, AttributeValue>();
        item.put("username", AttributeValue.fromS(user.username()));
        item.put("displayName", AttributeValue.fromS(user.displayName()));
        item.put("createdAt", AttributeValue.fromN(Long.toString(user.createdAt().toEpochMilli())));
        item.put("points", AttributeValue.fromN(Long.toString(user.points())));
        item.put("board", AttributeValue.fromS(Tables.BOARD));
        return item;
    }

    static User fromItem(Map<String, AttributeValue> item) {
        String username = item.get("username").s();
        AttributeValue displayName = item.get("displayName");
        AttributeValue createdAt = item.get("createdAt");
        AttributeValue points = item.get("points");
        return new User(username,
                displayName == null ? username : displayName.s(),
                points == null ? 0 : Long.parseLong(points.n()),
                createdAt == null ? Instant.EPOCH : Instant.ofEpochMilli(Long.parseLong(createdAt.n())));
    }

    private static void pause(Duration wait) {
        if (wait.isZero()) {
            return;
        }
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying BatchGetItem", e);
        }
    }
}
