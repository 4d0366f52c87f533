package dev.slipway.examples.rewards.repository.dynamodb;

import dev.slipway.examples.rewards.repository.RepositoryContractTest;
import dev.slipway.examples.rewards.repository.RewardRepository;
import dev.slipway.examples.rewards.repository.UserRepository;
import dev.slipway.junit.DeployedService;
import dev.slipway.junit.SlipwayTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The repository contract on the local cloud's DynamoDB (started by {@code @SlipwayTest}, on the stage the API
 * tests use, so the run deploys once; set
 * {@code -Dslipway.endpoint=<url>} to use a cloud that already runs). Creates the tables of serverless.yml
 * (keep in step with its {@code resources:}) under a random prefix for each test and deletes them afterwards.
 */
@Tag("integration")
@SlipwayTest(service = ".", stage = "it", remove = false)
class DynamoDbRepositoriesTest extends RepositoryContractTest {

    DynamoDbClient dynamo;
    Tables tables;
    DynamoDbUserRepository users;
    DynamoDbRewardRepository rewards;

    @BeforeEach
    void createTables(DeployedService app) {
        String url = app.endpoint().toString();
        dynamo = DynamoDbClients.create(Map.of("AWS_ENDPOINT_URL", url, "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test"));
        tables = Tables.withPrefix("t" + UUID.randomUUID().toString().substring(0, 8) + "-rewards");
        dynamo.createTable(table -> table.tableName(tables.users())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("username", ScalarAttributeType.S),
                        attribute("board", ScalarAttributeType.S), attribute("points", ScalarAttributeType.N))
                .keySchema(key("username", KeyType.HASH))
                .globalSecondaryIndexes(index(Tables.USERS_BY_POINTS, "board", "points")));
        dynamo.createTable(table -> table.tableName(tables.rewards())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S), attribute("to", ScalarAttributeType.S),
                        attribute("from", ScalarAttributeType.S), attribute("feed", ScalarAttributeType.S),
                        attribute("createdAt", ScalarAttributeType.N))
                .keySchema(key("id", KeyType.HASH))
                .globalSecondaryIndexes(index(Tables.RECEIVED_BY, "to", "createdAt"),
                        index(Tables.GIVEN_BY, "from", "createdAt"), index(Tables.FEED, "feed", "createdAt")));
        for (String table : List.of(tables.users(), tables.rewards())) {
            dynamo.waiter().waitUntilTableExists(wait -> wait.tableName(table));
        }
        users = new DynamoDbUserRepository(dynamo, tables);
        rewards = new DynamoDbRewardRepository(dynamo, tables);
    }

    @AfterEach
    void deleteTables() {
        if (dynamo != null) {
            dynamo.deleteTable(delete -> delete.tableName(tables.users()));
            dynamo.deleteTable(delete -> delete.tableName(tables.rewards()));
            dynamo.close();
        }
    }

    @Override
    protected UserRepository users() {
        return users;
    }

    @Override
    protected RewardRepository rewards() {
        return rewards;
    }

    private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static GlobalSecondaryIndex index(String name, String partition, String sort) {
        return GlobalSecondaryIndex.builder()
                .indexName(name)
                .keySchema(key(partition, KeyType.HASH), key(sort, KeyType.RANGE))
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                .build();
    }
}
