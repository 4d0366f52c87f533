package dev.slipway.examples.rewards.repository.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.examples.rewards.repository.RewardRepository.InvalidPageToken;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class PageTokensTest {

    static final Set<String> KEY = Set.of("id", "createdAt", "to");
    static final Map<String, AttributeValue> BOB = Map.of("id", AttributeValue.fromS("r1"),
            "createdAt", AttributeValue.fromN("1764158400000"), "to", AttributeValue.fromS("bob"));

    static String token(String json) {
        return Base64.getUrlEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aTokenDecodesToTheKeyItWasMadeFrom() {
        String token = PageTokens.encode(BOB);

        assertThat(token).matches("[A-Za-z0-9_-]+");
        assertThat(PageTokens.decode(token, KEY, "to", "bob")).isEqualTo(BOB);
    }

    @Test
    void aTokenForAnotherPartition_isRejected() {
        String token = PageTokens.encode(BOB);

        assertThatThrownBy(() -> PageTokens.decode(token, KEY, "to", "alice")).isInstanceOf(InvalidPageToken.class);
    }

    @Test
    void malformedTokens_areRejected() {
        for (String token : new String[] {
                "%%%", token("not json"), token("[]"), token("{}"),
                token("{\"id\":{\"S\":\"r1\"},\"createdAt\":{\"N\":\"1\"},\"from\":{\"S\":\"bob\"}}"),
                token("{\"id\":{\"S\":\"r1\"},\"createdAt\":{\"N\":\"1e5\"},\"to\":{\"S\":\"bob\"}}"),
                token("{\"id\":{\"B\":\"AA==\"},\"createdAt\":{\"N\":\"1\"},\"to\":{\"S\":\"bob\"}}"),
                token("{\"id\":{\"S\":\"r1\",\"N\":\"1\"},\"createdAt\":{\"N\":\"1\"},\"to\":{\"S\":\"bob\"}}")}) {
            assertThatThrownBy(() -> PageTokens.decode(token, KEY, "to", "bob")).as(token)
                    .isInstanceOf(InvalidPageToken.class);
        }
    }
}
