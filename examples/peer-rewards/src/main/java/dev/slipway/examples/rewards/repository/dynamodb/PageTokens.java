package dev.slipway.examples.rewards.repository.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.examples.rewards.repository.RewardRepository.InvalidPageToken;
import java.io.IOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The {@code next} token of a page: a query's ExclusiveStartKey as base64url JSON. Opaque to clients;
 * checked on the way back in (only the key attributes of the index queried, only S and N values, the
 * same partition), so a tampered token is a 400 rather than a DynamoDB ValidationException.
 */
final class PageTokens {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PageTokens() {
    }

    static String encode(Map<String, AttributeValue> key) {
        ObjectNode node = JSON.createObjectNode();
        key.forEach((name, value) -> {
            if (value.s() != null) {
                node.putObject(name).put("S", value.s());
            } else if (value.n() != null) {
                node.putObject(name).put("N", value.n());
            } else {
                throw new IllegalArgumentException("key attribute " + name + " is neither S nor N");
            }
        });
        return Base64.getUrlEncoder().withoutPadding().encodeToString(node.toString().getBytes());
    }

    /** The key in {@code token}; it must have exactly {@code attributes} and the given partition value. */
    static Map<String, AttributeValue> decode(String token, Set<String> attributes, String partitionName,
            String partitionValue) {
        JsonNode node;
        try {
            node = JSON.readTree(Base64.getUrlDecoder().decode(token));
        } catch (IllegalArgumentException | IOException e) {
            throw new InvalidPageToken("not base64url JSON");
        }
        if (node == null || !node.isObject() || node.size() != attributes.size()) {
            throw new InvalidPageToken("not a key of this list");
        }
        var key = new HashMap<String, AttributeValue>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            var field = it.next();
            JsonNode value = field.getValue();
            if (!attributes.contains(field.getKey()) || !value.isObject() || value.size() != 1) {
                throw new InvalidPageToken("not a key of this list");
            }
            if (value.path("S").isTextual()) {
                key.put(field.getKey(), AttributeValue.fromS(value.get("S").asText()));
            } else if (value.path("N").isTextual() && value.get("N").asText().matches("-?\\d{1,20}")) {
                key.put(field.getKey(), AttributeValue.fromN(value.get("N").asText()));
            } else {
                throw new InvalidPageToken("not a key of this list");
            }
        }
        AttributeValue partition = key.get(partitionName);
        if (partition == null || !partitionValue.equals(partition.s())) {
            throw new InvalidPageToken("token is for another list");
        }
        return key;
    }
}
