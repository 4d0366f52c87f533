package dev.slipway.logs;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed access to a JSON 1.1 request body; a value of the wrong JSON type is a SerializationException. */
final class Params {
    private final JsonNode body;
    final List<String> violations = new ArrayList<>();

    Params(JsonNode body) {
        this.body = body;
    }

    Optional<String> string(String name) {
        JsonNode n = body.get(name);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isTextual()) {
            throw LogsException.serialization("Unexpected value for field '" + name + "': expected a string");
        }
        return Optional.of(n.asText());
    }

    Optional<Long> longValue(String name) {
        JsonNode n = body.get(name);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw LogsException.serialization("Unexpected value for field '" + name + "': expected an integer");
        }
        return Optional.of(n.asLong());
    }

    Optional<Integer> integer(String name, int min, int max) {
        Optional<Long> v = longValue(name);
        if (v.isPresent() && (v.get() < min || v.get() > max)) {
            violations.add("Value '" + v.get() + "' at '" + name + "' failed to satisfy constraint: Member must have value "
                    + (v.get() < min ? "greater than or equal to " + min : "less than or equal to " + max));
            return Optional.empty();
        }
        return v.map(Long::intValue);
    }

    boolean bool(String name, boolean fallback) {
        JsonNode n = body.get(name);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.isBoolean()) {
            throw LogsException.serialization("Unexpected value for field '" + name + "': expected a boolean");
        }
        return n.asBoolean();
    }

    List<String> strings(String name) {
        JsonNode n = body.get(name);
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            throw LogsException.serialization("Unexpected value for field '" + name + "': expected a list");
        }
        List<String> out = new ArrayList<>();
        n.forEach(e -> {
            if (!e.isTextual()) {
                throw LogsException.serialization("Unexpected value in list '" + name + "': expected a string");
            }
            out.add(e.asText());
        });
        return out;
    }

    Map<String, String> stringMap(String name) {
        JsonNode n = body.get(name);
        if (n == null || n.isNull()) {
            return Map.of();
        }
        if (!n.isObject()) {
            throw LogsException.serialization("Unexpected value for field '" + name + "': expected a map");
        }
        Map<String, String> out = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual()) {
                throw LogsException.serialization("Unexpected value in map '" + name + "': expected a string");
            }
            out.put(e.getKey(), e.getValue().asText());
        });
        return out;
    }

    JsonNode node(String name) {
        return body.path(name);
    }

    /**
     * The log group named by {@code logGroupName} or {@code logGroupIdentifier} (a name or an ARN);
     * exactly one of them is required.
     */
    String groupName() {
        Optional<String> name = string("logGroupName");
        Optional<String> identifier = string("logGroupIdentifier");
        if (name.isPresent() && identifier.isPresent()) {
            throw LogsException.invalidParameter("LogGroup name and LogGroup ARN are mutually exclusive parameters.");
        }
        if (identifier.isPresent()) {
            String id = identifier.get();
            int at = id.indexOf(":log-group:");
            if (at >= 0) {
                id = id.substring(at + ":log-group:".length());
                if (id.endsWith(":*")) {
                    id = id.substring(0, id.length() - 2);
                }
            }
            return id;
        }
        if (name.isEmpty()) {
            violations.add("Value null at 'logGroupName' failed to satisfy constraint: Member must not be null");
            LogStore.check(violations);
        }
        return name.get();
    }

    void check() {
        LogStore.check(violations);
    }

    static String token(String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    static String untoken(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw LogsException.invalidParameter("The specified nextToken is invalid.");
        }
    }
}
