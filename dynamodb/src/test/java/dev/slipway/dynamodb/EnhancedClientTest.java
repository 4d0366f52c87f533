package dev.slipway.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** The enhanced client as an application uses it: bean mapping, optimistic locking, queries. */
class EnhancedClientTest extends ServerFixture {

    @DynamoDbBean
    public static class Reward {
        private String team;
        private String id;
        private int points;
        private Long version;

        @DynamoDbPartitionKey
        public String getTeam() {
            return team;
        }

        public void setTeam(String team) {
            this.team = team;
        }

        @DynamoDbSortKey
        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public int getPoints() {
            return points;
        }

        public void setPoints(int points) {
            this.points = points;
        }

        @DynamoDbVersionAttribute
        public Long getVersion() {
            return version;
        }

        public void setVersion(Long version) {
            this.version = version;
        }
    }

    private static Reward reward(String team, String id, int points) {
        Reward r = new Reward();
        r.setTeam(team);
        r.setId(id);
        r.setPoints(points);
        return r;
    }

    @Test
    void beansRoundTrip_queryInOrder_andVersionConflictsAreRejected() {
        DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(ddb).build();
        DynamoDbTable<Reward> table = enhanced.table(uniqueName("rewards"), TableSchema.fromBean(Reward.class));
        table.createTable();
        table.putItem(reward("blue", "b", 5));
        table.putItem(reward("blue", "a", 3));
        table.putItem(reward("red", "c", 1));
        List<Reward> blue = table.query(QueryConditional.keyEqualTo(Key.builder().partitionValue("blue").build()))
                .items().stream().toList();
        assertThat(blue).extracting(Reward::getId).containsExactly("a", "b");
        Reward loaded = table.getItem(Key.builder().partitionValue("blue").sortValue("a").build());
        assertThat(loaded.getVersion()).isEqualTo(1L);
        loaded.setPoints(10);
        table.updateItem(loaded);
        Reward stale = reward("blue", "a", 99);
        stale.setVersion(1L);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> table.putItem(stale))
                .isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(table.getItem(Key.builder().partitionValue("blue").sortValue("a").build()).getPoints()).isEqualTo(10);
    }
}
