package dev.slipway.examples.rewards.repository.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.examples.rewards.model.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * BatchGetItem's contract that the happy path never shows: at most 100 keys a call, no duplicate keys,
 * and part of a batch may come back in UnprocessedKeys. A scripted client stands in for DynamoDB.
 */
class DynamoDbUserRepositoryTest {

    static final Tables TABLES = Tables.withPrefix("test-rewards");

    /** Answers each BatchGetItem with the items it names, leaving the last {@code unprocessed} keys for later. */
    static final class ScriptedClient implements DynamoDbClient {
        final List<BatchGetItemRequest> requests = new ArrayList<>();
        final List<Integer> unprocessedPerCall;

        ScriptedClient(List<Integer> unprocessedPerCall) {
            this.unprocessedPerCall = new ArrayList<>(unprocessedPerCall);
        }

        @Override
        public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
            requests.add(request);
            List<Map<String, AttributeValue>> keys = request.requestItems().get(TABLES.users()).keys();
            int unprocessed = unprocessedPerCall.isEmpty() ? 0 : Math.min(keys.size(), unprocessedPerCall.remove(0));
            var served = keys.subList(0, keys.size() - unprocessed).stream()
                    .filter(key -> !key.get("username").s().startsWith("missing"))
                    .map(key -> DynamoDbUserRepository.toItem(
                            new User(key.get("username").s(), "U", 1, Instant.EPOCH)))
                    .toList();
            var response = BatchGetItemResponse.builder().responses(Map.of(TABLES.users(), served));
            if (unprocessed > 0) {
                response.unprocessedKeys(Map.of(TABLES.users(),
                        KeysAndAttributes.builder().keys(keys.subList(keys.size() - unprocessed, keys.size())).build()));
            }
            return response.build();
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    }

    @Test
    void findAll_asksAgainForUnprocessedKeysUntilNoneRemain() {
        var client = new ScriptedClient(List.of(2, 1));
        var repository = new DynamoDbUserRepository(client, TABLES, Duration.ZERO);

        var found = repository.findAll(List.of("alice", "bob", "carol", "missing1"));

        assertThat(found).extracting(User::username).containsExactlyInAnyOrder("alice", "bob", "carol");
        assertThat(client.requests).hasSize(3);
        assertThat(client.requests.get(1).requestItems().get(TABLES.users()).keys()).hasSize(2);
        assertThat(client.requests.get(2).requestItems().get(TABLES.users()).keys()).hasSize(1);
    }

    @Test
    void findAll_readsConsistently_sendsEachKeyOnce_andAtMost100KeysPerCall() {
        var client = new ScriptedClient(List.of());
        var repository = new DynamoDbUserRepository(client, TABLES, Duration.ZERO);
        var names = new ArrayList<>(IntStream.range(0, 150).mapToObj(i -> "user" + i).toList());
        names.add("user0");

        assertThat(repository.findAll(names)).hasSize(150);

        assertThat(client.requests).extracting(r -> r.requestItems().get(TABLES.users()).keys().size())
                .containsExactly(100, 50);
        assertThat(client.requests).allSatisfy(r ->
                assertThat(r.requestItems().get(TABLES.users()).consistentRead()).isTrue());
    }

    @Test
    void findAll_givesUpWithAClearErrorWhenKeysStayUnprocessed() {
        var client = new ScriptedClient(List.of(1, 1, 1, 1, 1, 1, 1, 1, 1));
        var repository = new DynamoDbUserRepository(client, TABLES, Duration.ZERO);

        assertThatThrownBy(() -> repository.findAll(List.of("alice")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("BatchGetItem left keys unprocessed after 8 attempts on test-rewards-users");
    }
}
