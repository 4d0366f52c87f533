package dev.slipway.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.protocol.spi.ResourceProvider.ResourceFailure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads resolved CloudFormation properties; a missing required one fails as CloudFormation reports it. */
final class Props {
    private Props() {}

    static String required(ObjectNode props, String name, String type) throws ResourceFailure {
        JsonNode n = props.get(name);
        if (n == null || n.isNull() || n.asText().isEmpty()) {
            throw new ResourceFailure("Properties validation failed for resource of type " + type
                    + " with message: #: required key [" + name + "] not found");
        }
        return n.asText();
    }

    static String text(JsonNode props, String name, String fallback) {
        JsonNode n = props == null ? null : props.get(name);
        return n == null || n.isNull() ? fallback : n.asText();
    }

    static boolean bool(JsonNode props, String name, boolean fallback) {
        JsonNode n = props == null ? null : props.get(name);
        if (n == null || n.isNull()) {
            return fallback;
        }
        return n.isBoolean() ? n.booleanValue() : Boolean.parseBoolean(n.asText());
    }

    static int integer(JsonNode props, String name, int fallback) {
        JsonNode n = props == null ? null : props.get(name);
        if (n == null || n.isNull()) {
            return fallback;
        }
        try {
            return n.isNumber() ? n.intValue() : Integer.parseInt(n.asText().trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static List<String> strings(JsonNode props, String name) {
        JsonNode n = props == null ? null : props.get(name);
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (n.isArray()) {
            n.forEach(v -> out.add(v.asText()));
        } else {
            for (String s : n.asText().split(",")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
        }
        return out;
    }

    static Map<String, String> stringMap(JsonNode props, String name) {
        JsonNode n = props == null ? null : props.get(name);
        Map<String, String> out = new LinkedHashMap<>();
        if (n != null && n.isObject()) {
            n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        }
        return out;
    }
}
