package dev.slipway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
/**
 * One entry of a function's {@code events:} → a typed {@link Event}, in each form the Framework
 * accepts (string shorthands and maps), reporting unknown settings and impossible values.
 */
final class EventReader extends ConfigReader {
    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "OPTIONS", "HEAD",
            "DELETE", "ANY");

    EventReader(Locations loc, List<Problem> problems) {
        super(loc, problems);
    }

    Event event(JsonNode e, String path) {
        if (!e.isObject() || e.size() != 1) {
            error(path, "each event must be a map with one key, the event type (e.g. http, schedule), not "
                    + (e.isObject() ? "a map with " + e.size() + " keys" : Schema.typeName(e)),
                    "write e.g. - http: {path: users, method: get}");
            return null;
        }
        String type = e.fieldNames().next();
        String p = Locations.child(path, type);
        JsonNode c = e.get(type);
        if (!Schema.EVENT_TYPES.contains(type)) {
            errorAtKey(p, "unknown event type \"" + type + "\"." + Schema.suggestion(type, Schema.EVENT_TYPES),
                    hintFor(type, Schema.EVENT_TYPES, "event types are " + String.join(", ",
                            new java.util.TreeSet<>(Schema.EVENT_TYPES))));
            return null;
        }
        Set<String> keys = Schema.EVENT_KEYS.get(type);
        if (keys != null && c.isObject()) {
            unknownKeys((ObjectNode) c, p, keys, type + " event setting");
        }
        return switch (type) {
            case "http" -> http(c, p);
            case "httpApi" -> httpApi(c, p);
            case "schedule" -> schedule(c, p);
            case "sqs" -> sqs(c, p);
            case "sns" -> sns(c, p);
            case "s3" -> s3(c, p);
            case "stream" -> stream(c, p);
            default -> new Event.Other(type, c);
        };
    }

    private Event http(JsonNode c, String p) {
        String method;
        String path;
        ObjectNode o;
        if (c.isTextual()) {
            String[] parts = c.asText().trim().split("\\s+", 2);
            if (parts.length != 2) {
                error(p, "http event \"" + c.asText() + "\" must be \"METHOD path\"", "write e.g. http: GET users");
                return null;
            }
            method = parts[0];
            path = parts[1];
            o = F.objectNode();
            if (!path.startsWith("/")) {
                warn(p, "http event \"" + c.asText() + "\": the Framework's schema requires the path to start with "
                        + "\"/\"", "write http: " + method + " /" + path);
            }
        } else if (c.isObject()) {
            o = (ObjectNode) c;
            Optional<String> m = string(o, p, "method");
            Optional<String> pa = string(o, p, "path");
            if (m.isEmpty() || pa.isEmpty()) {
                error(p, "http event needs both \"path\" and \"method\"", "write e.g. http: {path: users, method: get}");
                return null;
            }
            method = m.get();
            path = pa.get();
        } else {
            typeError(p, "a map or a \"METHOD path\" string", c, "write e.g. http: {path: users, method: get}");
            return null;
        }
        method = method.toUpperCase(Locale.ROOT);
        if (!HTTP_METHODS.contains(method)) {
            error(Locations.child(p, "method"), "invalid HTTP method \"" + method + "\"",
                    "use one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS or ANY");
        }
        path = trimSlashes(path);
        ObjectNode req = object(o, p, "request");
        ObjectNode params = req.path("parameters").isObject() ? (ObjectNode) req.get("parameters") : F.objectNode();
        return new Event.Http(path, method, cors(o.get("cors"), Locations.child(p, "cors"), method),
                Optional.ofNullable(o.get("authorizer")), boolMap(params.get("paths")),
                boolMap(params.get("querystrings")), boolMap(params.get("headers")), bool(o, p, "private", false), c);
    }

    private static Map<String, Boolean> boolMap(JsonNode n) {
        Map<String, Boolean> m = new LinkedHashMap<>();
        if (n != null && n.isObject()) {
            n.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().isObject()
                    ? e.getValue().path("required").asBoolean(true) : e.getValue().asBoolean(false)));
        }
        return m;
    }

    private static String trimSlashes(String path) {
        String s = path.trim();
        while (s.startsWith("/")) {
            s = s.substring(1);
        }
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    private Optional<Event.Cors> cors(JsonNode c, String p, String method) {
        if (c == null || c.isNull() || (c.isBoolean() && !c.asBoolean())) {
            return Optional.empty();
        }
        if (c.isBoolean()) {
            return Optional.of(new Event.Cors("*", List.of(), Event.Cors.DEFAULT_HEADERS, List.of("OPTIONS", method),
                    false, Optional.empty(), Optional.empty()));
        }
        if (!c.isObject()) {
            typeError(p, "true or a map (origin, headers, allowCredentials, maxAge)", c, "write cors: true");
            return Optional.empty();
        }
        ObjectNode o = (ObjectNode) c;
        unknownKeys(o, p, Schema.CORS, "cors setting");
        List<String> origins = strings(o, p, "origins");
        String origin = string(o, p, "origin").orElse(origins.isEmpty() ? "*" : origins.get(0));
        List<String> headers = o.has("headers") ? (o.get("headers").isTextual() ? List.of(o.get("headers").asText())
                : strings(o, p, "headers")) : Event.Cors.DEFAULT_HEADERS;
        List<String> methods = new ArrayList<>(strings(o, p, "methods"));
        if (!methods.contains("OPTIONS")) {
            methods.add("OPTIONS");
        }
        if (!methods.contains(method)) {
            methods.add(method);
        }
        return Optional.of(new Event.Cors(origin, origins, headers, List.copyOf(methods),
                bool(o, p, "allowCredentials", false), integer(o, p, "maxAge", 0, Integer.MAX_VALUE),
                string(o, p, "cacheControl")));
    }

    private Event httpApi(JsonNode c, String p) {
        String method;
        String path;
        if (c.isTextual()) {
            String s = c.asText().trim();
            if (s.equals("*")) {
                return new Event.HttpApi("*", "*", Optional.empty(), c);
            }
            String[] parts = s.split("\\s+", 2);
            if (parts.length != 2) {
                error(p, "httpApi event \"" + s + "\" must be \"METHOD /path\" or \"*\"",
                        "write e.g. httpApi: GET /users");
                return null;
            }
            method = parts[0];
            path = parts[1];
        } else if (c.isObject()) {
            method = string(c, p, "method").orElse("*");
            Optional<String> pa = string(c, p, "path");
            if (pa.isEmpty()) {
                error(p, "httpApi event needs \"path\"", "write e.g. httpApi: {method: GET, path: /users}");
                return null;
            }
            path = pa.get();
        } else {
            typeError(p, "a map or a \"METHOD /path\" string", c, "write e.g. httpApi: GET /users");
            return null;
        }
        method = method.equals("*") ? "ANY" : method.toUpperCase(Locale.ROOT);
        if (!HTTP_METHODS.contains(method)) {
            error(p, "invalid HTTP method \"" + method + "\"", "use one of GET, POST, PUT, PATCH, DELETE, HEAD, "
                    + "OPTIONS or *");
        }
        if (!path.startsWith("/") && !path.equals("*")) {
            error(p, "httpApi path \"" + path + "\" must start with \"/\"", "write /" + path);
        }
        JsonNode auth = c.path("authorizer");
        Optional<String> authorizer = auth.isTextual() ? Optional.of(auth.asText())
                : Optional.ofNullable(auth.path("name").textValue());
        return new Event.HttpApi(method, path, authorizer, c);
    }

    private Event schedule(JsonNode c, String p) {
        ObjectNode o;
        List<String> expressions = new ArrayList<>();
        if (c.isTextual()) {
            o = F.objectNode();
            expressions.add(c.asText());
        } else if (c.isObject()) {
            o = (ObjectNode) c;
            JsonNode rate = o.get("rate");
            if (rate == null) {
                error(p, "schedule event needs \"rate\"", "write rate: rate(5 minutes) or rate: cron(0 12 * * ? *)");
            } else if (rate.isTextual()) {
                expressions.add(rate.asText());
            } else if (rate.isArray()) {
                expressions.addAll(strings(o, p, "rate"));
            } else {
                typeError(Locations.child(p, "rate"), "a string or a list of strings", rate,
                        "write rate: rate(5 minutes)");
            }
        } else {
            typeError(p, "a rate/cron string or a map", c, "write schedule: rate(5 minutes)");
            return null;
        }
        return new Event.Schedule(List.copyOf(expressions), bool(o, p, "enabled", true),
                Optional.ofNullable(o.get("input")), string(o, p, "inputPath"),
                Optional.ofNullable(o.get("inputTransformer")), string(o, p, "name"), string(o, p, "description"), c);
    }

    private Event sqs(JsonNode c, String p) {
        if (c.isTextual()) {
            return new Event.Sqs(c, 10, Optional.empty(), true, Optional.empty(), c);
        }
        if (!c.isObject() || !c.has("arn")) {
            error(p, "sqs event needs the queue \"arn\"", "write sqs: arn:aws:sqs:REGION:ACCOUNT:queue-name, or "
                    + "sqs: {arn: !GetAtt MyQueue.Arn}");
            return null;
        }
        return new Event.Sqs(c.get("arn"), integer(c, p, "batchSize", 1, 10000).orElse(10),
                integer(c, p, "maximumBatchingWindow", 0, 300), bool(c, p, "enabled", true),
                string(c, p, "functionResponseType"), c);
    }

    private Event sns(JsonNode c, String p) {
        if (c.isTextual()) {
            String s = c.asText();
            return s.startsWith("arn:") ? new Event.Sns(Optional.empty(), Optional.of(c), Optional.empty(), c)
                    : new Event.Sns(Optional.of(s), Optional.empty(), Optional.empty(), c);
        }
        if (!c.isObject()) {
            typeError(p, "a topic name, an ARN or a map", c, "write sns: my-topic");
            return null;
        }
        return new Event.Sns(string(c, p, "topicName"), Optional.ofNullable(c.get("arn")),
                Optional.ofNullable(c.get("filterPolicy")), c);
    }

    private Event s3(JsonNode c, String p) {
        if (c.isTextual()) {
            return new Event.S3(c.asText(), "s3:ObjectCreated:*", List.of(), false, c);
        }
        if (!c.isObject() || string(c, p, "bucket").isEmpty()) {
            error(p, "s3 event needs \"bucket\"", "write s3: {bucket: my-bucket, event: s3:ObjectCreated:*}");
            return null;
        }
        return new Event.S3(string(c, p, "bucket").get(), string(c, p, "event").orElse("s3:ObjectCreated:*"),
                list(c, p, "rules"), bool(c, p, "existing", false), c);
    }

    private Event stream(JsonNode c, String p) {
        JsonNode arn = c.isObject() ? c.get("arn") : c;
        if (arn == null || !(arn.isTextual() || arn.isObject())) {
            error(p, "stream event needs the stream \"arn\"", "write stream: {type: dynamodb, arn: !GetAtt "
                    + "Table.StreamArn}");
            return null;
        }
        String type = c.isObject() ? string(c, p, "type").orElse(null) : null;
        if (type == null) {
            type = arn.isTextual() && arn.asText().contains(":kinesis:") ? "kinesis" : "dynamodb";
        }
        return new Event.Stream(type, arn, c.isObject() ? integer(c, p, "batchSize", 1, 10000).orElse(10) : 10,
                c.isObject() ? string(c, p, "startingPosition").orElse("TRIM_HORIZON") : "TRIM_HORIZON",
                !c.isObject() || bool(c, p, "enabled", true), c);
    }

}
