package dev.slipway.dynamodb;

import dev.slipway.protocol.AwsDefaults;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** An in-memory engine served on a free port, and an SDK v2 client pointed at it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServerFixture {
    private static final AtomicInteger TABLES = new AtomicInteger();
    protected DynamoDbServer server;
    protected DynamoDbClient ddb;

    protected DynamoDbEngine.Builder engine() {
        return DynamoDbEngine.builder();
    }

    @BeforeAll
    void startServer() {
        server = DynamoDbServer.start(0, engine().build());
        ddb = client(server);
    }

    static DynamoDbClient client(DynamoDbServer server) {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create(server.url()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(AwsDefaults.ACCESS_KEY_ID, AwsDefaults.SECRET_ACCESS_KEY)))
                .build();
    }

    @AfterAll
    void stopServer() {
        ddb.close();
        server.close();
    }

    static String uniqueName(String prefix) {
        return prefix + "-" + TABLES.incrementAndGet();
    }

    /** A PAY_PER_REQUEST table keyed by string pk and (if given) string sk. */
    String table(String prefix, boolean withSortKey) {
        String name = uniqueName(prefix);
        ddb.createTable(b -> {
            b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST);
            if (withSortKey) {
                b.attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("sk", ScalarAttributeType.S))
                        .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE));
            } else {
                b.attributeDefinitions(attr("pk", ScalarAttributeType.S)).keySchema(key("pk", KeyType.HASH));
            }
        });
        return name;
    }

    static AttributeDefinition attr(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    static AttributeValue n(String v) {
        return AttributeValue.fromN(v);
    }

    static Map<String, AttributeValue> item(Object... kv) {
        Map<String, AttributeValue> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            m.put((String) kv[i], v instanceof AttributeValue a ? a : v instanceof Number ? n(v.toString()) : s(v.toString()));
        }
        return m;
    }

    static List<String> strings(List<Map<String, AttributeValue>> items, String attribute) {
        return items.stream().map(i -> i.get(attribute).s()).toList();
    }
}
