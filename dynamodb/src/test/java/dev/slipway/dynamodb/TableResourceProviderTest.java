package dev.slipway.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.protocol.Json;
import dev.slipway.protocol.spi.CloudService;
import dev.slipway.protocol.spi.ResourceProvider;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** AWS::DynamoDB::Table as CloudFormation drives it through the engine's CloudService. */
class TableResourceProviderTest {

    private static ResourceProvider.Request request(ObjectNode properties, Optional<String> physicalId,
            Optional<ObjectNode> previous) {
        return new ResourceProvider.Request("stack", "arn:aws:cloudformation:us-east-1:000000000000:stack/stack/1", "Rewards",
                physicalId, properties, previous, Map.of(), "us-east-1", "000000000000");
    }

    private static ObjectNode json(String s) throws Exception {
        return (ObjectNode) Json.MAPPER.readTree(s);
    }

    @Test
    void createUpdateDelete_likeCloudFormation() throws Exception {
        try (DynamoDbEngine engine = DynamoDbEngine.builder().build()) {
            CloudService service = engine.asCloudService();
            assertThat(service.targetPrefixes()).containsExactlyInAnyOrder("DynamoDB_20120810", "DynamoDBStreams_20120810");
            ResourceProvider provider = service.resourceProviders().get(0);
            assertThat(provider.type()).isEqualTo("AWS::DynamoDB::Table");
            ObjectNode v1 = json("{\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}],"
                    + "\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}],"
                    + "\"BillingMode\":\"PAY_PER_REQUEST\"}");
            ResourceProvider.Result created = provider.create(request(v1, Optional.empty(), Optional.empty()));
            assertThat(created.physicalId()).startsWith("stack-Rewards-");
            assertThat(created.attributes().get("Arn").asText()).endsWith(":table/" + created.physicalId());
            ObjectNode v2 = v1.deepCopy();
            v2.set("StreamSpecification", json("{\"StreamViewType\":\"NEW_IMAGE\"}"));
            v2.set("TimeToLiveSpecification", json("{\"AttributeName\":\"expires\",\"Enabled\":true}"));
            v2.set("Tags", Json.MAPPER.readTree("[{\"Key\":\"team\",\"Value\":\"rewards\"}]"));
            ResourceProvider.Result updated = provider.update(request(v2, Optional.of(created.physicalId()), Optional.of(v1)));
            assertThat(updated.attributes()).containsKey("StreamArn");
            ObjectNode ttl = engine.execute("DescribeTimeToLive", Json.MAPPER.createObjectNode().put("TableName", created.physicalId()));
            assertThat(ttl.path("TimeToLiveDescription").path("TimeToLiveStatus").asText()).isEqualTo("ENABLED");
            provider.delete(request(v2, Optional.of(created.physicalId()), Optional.empty()));
            provider.delete(request(v2, Optional.of(created.physicalId()), Optional.empty()));
            assertThat(engine.listTables()).isEmpty();
        }
    }
}
