package dev.slipway.examples.rewards.repository.dynamodb;

import dev.slipway.examples.rewards.model.Page;
import dev.slipway.examples.rewards.model.Reward;
import dev.slipway.examples.rewards.repository.RewardRepository;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Rewards in DynamoDB. Item: {@code id} (S, key), {@code from}, {@code to}, {@code message} (S),
 * {@code points}, {@code createdAt} (N, epoch millis) and {@code feed} (S, always "all"). Three GSIs sort
 * by {@code createdAt}: {@code received-by} (partition {@code to}), {@code given-by} ({@code from}) and
 * {@code feed} ({@code feed}); every list is one Query on one of them, newest first.
 */
public final class DynamoDbRewardRepository implements RewardRepository {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbRewardRepository(DynamoDbClient dynamo, Tables tables) {
        this.dynamo = dynamo;
        this.table = tables.rewards();
    }

    @Override
    public void save(Reward reward) {
        dynamo.putItem(put -> put.tableName(table)
                .item(toItem(reward))
                .conditionExpression("attribute_not_exists(#id)")
                .expressionAttributeNames(Map.of("#id", "id")));
    }

    @Override
    public Optional<Reward> find(String id) {
        var item = dynamo.getItem(get -> get.tableName(table).key(key(id)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public boolean delete(String id) {
        try {
            dynamo.deleteItem(delete -> delete.tableName(table)
                    .key(key(id))
                    .conditionExpression("attribute_exists(#id)")
                    .expressionAttributeNames(Map.of("#id", "id")));
            return true;
        } catch (ConditionalCheckFailedException alreadyGone) {
            return false;
        }
    }

    @Override
    public Page<Reward> feed(int limit, String next) {
        return query(Tables.FEED, "feed", Tables.FEED_PARTITION, limit, next);
    }

    @Override
    public Page<Reward> receivedBy(String username, int limit, String next) {
        return query(Tables.RECEIVED_BY, "to", username, limit, next);
    }

    @Override
    public Page<Reward> givenBy(String username, int limit, String next) {
        return query(Tables.GIVEN_BY, "from", username, limit, next);
    }

    /**
     * Asks for one item more than the page: if it comes, there is a next page, and the token is the key of
     * the page's last item. So the last page has no token (DynamoDB alone would return a LastEvaluatedKey
     * whenever Limit is reached, and the client would fetch an empty page).
     */
    private Page<Reward> query(String index, String partition, String value, int limit, String next) {
        Set<String> keyAttributes = Set.of("id", "createdAt", partition);
        Map<String, AttributeValue> start =
                next == null ? null : PageTokens.decode(next, keyAttributes, partition, value);
        QueryResponse response = dynamo.query(query -> query.tableName(table)
                .indexName(index)
                .keyConditionExpression("#p = :p")
                .expressionAttributeNames(Map.of("#p", partition))
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(value)))
                .scanIndexForward(false)
                .exclusiveStartKey(start)
                .limit(limit + 1));
        List<Map<String, AttributeValue>> items = response.items();
        if (items.size() > limit) {
            var last = items.get(limit - 1);
            var key = new HashMap<String, AttributeValue>();
            keyAttributes.forEach(name -> key.put(name, last.get(name)));
            return new Page<>(items.subList(0, limit).stream().map(DynamoDbRewardRepository::fromItem).toList(),
                    PageTokens.encode(key));
        }
        // Fewer items than asked for with a LastEvaluatedKey: the 1 MB page limit stopped the query.
        String token = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? PageTokens.encode(response.lastEvaluatedKey()) : null;
        return new Page<>(items.stream().map(DynamoDbRewardRepository::fromItem).toList(), token);
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("id", AttributeValue.fromS(id));
    }

    static Map<String, AttributeValue> toItem(Reward reward) {
        return Map.of(
                "id", AttributeValue.fromS(reward.id()),
                "from", AttributeValue.fromS(reward.from()),
                "to", AttributeValue.fromS(reward.to()),
                "points", AttributeValue.fromN(Integer.toString(reward.points())),
                "message", AttributeValue.fromS(reward.message()),
                "createdAt", AttributeValue.fromN(Long.toString(reward.createdAt().toEpochMilli())),
                "feed", AttributeValue.fromS(Tables.FEED_PARTITION));
    }

    static Reward fromItem(Map<String, AttributeValue> item) {
        return new Reward(item.get("id").s(), item.get("from").s(), item.get("to").s(),
                Integer.parseInt(item.get("points").n()), item.get("message").s(),
                Instant.ofEpochMilli(Long.parseLong(item.get("createdAt").n())));
    }
}
