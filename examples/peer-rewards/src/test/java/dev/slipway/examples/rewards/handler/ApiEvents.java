package dev.slipway.examples.rewards.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** API Gateway proxy events as a REST API with proxy integration sends them. */
final class ApiEvents {

    private ApiEvents() {
    }

    static APIGatewayProxyRequestEvent request(String method, String resource, String path) {
        return new APIGatewayProxyRequestEvent()
                .withHttpMethod(method)
                .withResource(resource)
                .withPath(path)
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withIsBase64Encoded(false);
    }

    static JsonNode json(APIGatewayProxyResponseEvent response) {
        try {
            return Json.MAPPER.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }
}
