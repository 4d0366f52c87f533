package dev.slipway.examples.rewards.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.examples.rewards.service.BadRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** A null-safe view of an API Gateway (REST, proxy integration) event. */
final class ApiRequest {

    private final APIGatewayProxyRequestEvent event;

    ApiRequest(APIGatewayProxyRequestEvent event) {
        this.event = event == null ? new APIGatewayProxyRequestEvent() : event;
    }

    String method() {
        return event.getHttpMethod() == null ? "GET" : event.getHttpMethod().toUpperCase(java.util.Locale.ROOT);
    }

    /** The request path without the stage, e.g. {@code /rewards/leaderboard}. */
    String path() {
        String path = event.getPath() == null ? "/" : event.getPath();
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** The API resource that matched, e.g. {@code /rewards/{id}}; empty when the event has none. */
    java.util.Optional<String> resource() {
        return java.util.Optional.ofNullable(blankToNull(event.getResource()));
    }

    /** A query string parameter, {@code null} when absent or empty. */
    String query(String name) {
        return blankToNull(valueOf(event.getQueryStringParameters(), name));
    }

    /** A query parameter that must be a whole number, {@code null} when absent. */
    Integer intQuery(String name) {
        String value = query(name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw BadRequest.field(name, name + " must be a whole number (got \"" + value + "\")");
        }
    }

    String pathParameter(String name) {
        return blankToNull(valueOf(event.getPathParameters(), name));
    }

    JsonNode jsonBody() {
        String body = event.getBody();
        if (body != null && Boolean.TRUE.equals(event.getIsBase64Encoded())) {
            try {
                body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw BadRequest.invalidJson("the body is marked base64 but is not");
            }
        }
        return Json.object(body);
    }

    private static String valueOf(Map<String, String> map, String name) {
        return map == null ? null : map.get(name);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
