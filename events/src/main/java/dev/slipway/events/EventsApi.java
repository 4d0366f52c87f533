package dev.slipway.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.protocol.AwsServiceException;
import dev.slipway.protocol.Json;
import dev.slipway.protocol.http.HttpHandler;
import dev.slipway.protocol.http.HttpRequest;
import dev.slipway.protocol.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * EventBridge's JSON 1.1 wire API ({@code X-Amz-Target: AWSEvents.<Action>}) for rules and targets,
 * plus the Slipway-only {@code AWSEvents.SlipwayFireRule} ({@code {"Name": …}} → {@code {"EventId": …}})
 * that {@code slipway schedule fire} uses.
 */
final class EventsApi implements HttpHandler {
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private final Rules rules;

    EventsApi(Rules rules) {
        this.rules = rules;
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        String target = request.header("X-Amz-Target").orElse("");
        try {
            JsonNode in = request.body().length == 0 ? Json.object() : parse(request.body());
            String action = target.startsWith("AWSEvents.") ? target.substring("AWSEvents.".length()) : target;
            return ok(dispatch(action, target, in));
        } catch (AwsServiceException e) {
            return HttpResponse.status(e.httpStatus()).header("Content-Type", CONTENT_TYPE)
                    .header("x-amzn-ErrorType", e.errorCode())
                    .body(Json.bytes(Json.object().put("__type", e.errorCode()).put("message", e.getMessage())));
        }
    }

    private ObjectNode dispatch(String action, String target, JsonNode in) {
        switch (action) {
            case "PutRule": {
                String arn = rules.put(text(in, "Name"), text(in, "ScheduleExpression"), text(in, "EventPattern"),
                        text(in, "State"), text(in, "Description"));
                return Json.object().put("RuleArn", arn);
            }
            case "DescribeRule": {
                Rule r = rules.get(required(in, "Name"));
                synchronized (r) {
                    return describe(r).put("CreatedBy", r.arn.split(":")[4]);
                }
            }
            case "ListRules": {
                List<Rule> all = rules.list(text(in, "NamePrefix"));
                int from = parseToken(text(in, "NextToken"));
                int limit = in.has("Limit") ? Math.max(1, Math.min(100, in.get("Limit").asInt(100))) : 100;
                ObjectNode out = Json.object();
                ArrayNode list = out.putArray("Rules");
                for (int i = from; i < Math.min(all.size(), from + limit); i++) {
                    Rule r = all.get(i);
                    synchronized (r) {
                        list.add(describe(r));
                    }
                }
                if (from + limit < all.size()) {
                    out.put("NextToken", Integer.toString(from + limit));
                }
                return out;
            }
            case "ListTargetsByRule": {
                Rule r = rules.get(required(in, "Rule"));
                ObjectNode out = Json.object();
                ArrayNode list = out.putArray("Targets");
                synchronized (r) {
                    r.targets.values().forEach(t -> list.add(Targets.write(t)));
                }
                return out;
            }
            case "EnableRule":
                rules.setState(required(in, "Name"), "ENABLED");
                return Json.object();
            case "DisableRule":
                rules.setState(required(in, "Name"), "DISABLED");
                return Json.object();
            case "DeleteRule":
                rules.delete(required(in, "Name"), in.path("Force").asBoolean(false));
                return Json.object();
            case "PutTargets":
                rules.putTargets(required(in, "Rule"), Targets.read(in.path("Targets")));
                return Json.object().put("FailedEntryCount", 0).set("FailedEntries", Json.MAPPER.createArrayNode());
            case "RemoveTargets": {
                List<String> ids = new ArrayList<>();
                in.path("Ids").forEach(i -> ids.add(i.asText()));
                List<String> missing = rules.removeTargets(required(in, "Rule"), ids);
                ObjectNode out = Json.object().put("FailedEntryCount", missing.size());
                ArrayNode failed = out.putArray("FailedEntries");
                missing.forEach(id -> failed.addObject().put("TargetId", id).put("ErrorCode", "ResourceNotFoundException")
                        .put("ErrorMessage", "Target " + id + " does not exist"));
                return out;
            }
            case "SlipwayFireRule":
                return Json.object().put("EventId", rules.fire(required(in, "Name")));
            default:
                throw EventsException.unknownOperation(target.isEmpty() ? "(no X-Amz-Target)" : target);
        }
    }

    static ObjectNode describe(Rule r) {
        ObjectNode n = Json.object().put("Name", r.name).put("Arn", r.arn);
        if (r.eventPattern != null) {
            n.put("EventPattern", r.eventPattern);
        }
        if (r.scheduleExpression != null) {
            n.put("ScheduleExpression", r.scheduleExpression);
        }
        n.put("State", r.state);
        if (r.description != null) {
            n.put("Description", r.description);
        }
        return n.put("EventBusName", "default");
    }

    private static int parseToken(String token) {
        if (token == null) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(token));
        } catch (NumberFormatException e) {
            throw EventsException.invalidNextToken();
        }
    }

    private static String text(JsonNode in, String field) {
        JsonNode v = in.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String required(JsonNode in, String field) {
        String v = text(in, field);
        if (v == null) {
            throw EventsException.missingParameter(Character.toLowerCase(field.charAt(0)) + field.substring(1));
        }
        return v;
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode n = Json.parse(body);
            if (n == null || !n.isObject()) {
                throw EventsException.serialization("Start of structure or map found where not expected.");
            }
            return n;
        } catch (java.io.IOException e) {
            throw EventsException.serialization("Unexpected content in the request body: not JSON");
        }
    }

    private static HttpResponse ok(ObjectNode body) {
        return HttpResponse.status(200).header("Content-Type", CONTENT_TYPE).body(Json.bytes(body));
    }
}
