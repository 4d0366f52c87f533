package dev.slipway.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One DynamoDB action: its request JSON in, its response JSON out, AWS errors thrown. */
interface Action {
    ObjectNode handle(JsonNode request);
}
