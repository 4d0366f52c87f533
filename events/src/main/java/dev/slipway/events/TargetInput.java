package dev.slipway.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What a target receives, as "Transforming target input" (EventBridge user guide) describes:
 * the constant Input, the part of the event at InputPath, the InputTransformer's template with
 * its {@code <placeholders>} filled from InputPathsMap, or else the whole event.
 */
final class TargetInput {
    private TargetInput() {}

    static byte[] payload(Rule.Target t, ObjectNode event, String ruleName, String ruleArn) {
        if (t.input() != null) {
            return t.input().getBytes(StandardCharsets.UTF_8);
        }
        if (t.inputPath() != null) {
            JsonNode v = path(event, t.inputPath());
            return Json.bytes(v.isMissingNode() ? Json.MAPPER.nullNode() : v);
        }
        if (t.inputTemplate() != null) {
            return transform(t.inputTemplate(), t.inputPathsMap() == null ? Map.of() : t.inputPathsMap(), event,
                    ruleName, ruleArn).getBytes(StandardCharsets.UTF_8);
        }
        return Json.bytes(event);
    }

    /** A JSONPath of the simple form EventBridge accepts: {@code $}, {@code $.a.b}, {@code $.a[0]}, {@code $['a-b']}. */
    static JsonNode path(JsonNode root, String path) {
        String p = path.trim();
        if (!p.startsWith("$")) {
            return MissingNode.getInstance();
        }
        JsonNode cur = root;
        int i = 1;
        while (i < p.length() && cur != null && !cur.isMissingNode()) {
            char c = p.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < p.length() && p.charAt(end) != '.' && p.charAt(end) != '[') {
                    end++;
                }
                cur = cur.path(p.substring(i + 1, end));
                i = end;
            } else if (c == '[') {
                int end = p.indexOf(']', i);
                if (end < 0) {
                    return MissingNode.getInstance();
                }
                String key = p.substring(i + 1, end).trim();
                if (key.startsWith("'") || key.startsWith("\"")) {
                    cur = cur.path(key.substring(1, key.length() - 1));
                } else {
                    try {
                        cur = cur.path(Integer.parseInt(key));
                    } catch (NumberFormatException e) {
                        return MissingNode.getInstance();
                    }
                }
                i = end + 1;
            } else {
                return MissingNode.getInstance();
            }
        }
        return cur == null ? MissingNode.getInstance() : cur;
    }

    /**
     * Fills {@code <name>} placeholders: inside a JSON string the value's text is inserted (escaped),
     * outside it the value's JSON; a path that matches nothing gives an empty string or {@code null}.
     * Predefined: {@code aws.events.rule-arn}, {@code aws.events.rule-name}, {@code aws.events.event},
     * {@code aws.events.event.json}, {@code aws.events.event.ingestion-time}.
     */
    static String transform(String template, Map<String, String> paths, ObjectNode event, String ruleName,
            String ruleArn) {
        StringBuilder out = new StringBuilder(template.length() + 64);
        boolean inString = false;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '"' && (i == 0 || template.charAt(i - 1) != '\\')) {
                inString = !inString;
                out.append(c);
                continue;
            }
            if (c == '<') {
                int end = template.indexOf('>', i);
                if (end > i) {
                    String name = template.substring(i + 1, end);
                    JsonNode value = value(name, paths, event, ruleName, ruleArn);
                    if (value != null) {
                        out.append(render(value, inString));
                        i = end;
                        continue;
                    }
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    private static JsonNode value(String name, Map<String, String> paths, ObjectNode event, String ruleName,
            String ruleArn) {
        switch (name) {
            case "aws.events.rule-arn":
                return Json.MAPPER.getNodeFactory().textNode(ruleArn);
            case "aws.events.rule-name":
                return Json.MAPPER.getNodeFactory().textNode(ruleName);
            case "aws.events.event":
            case "aws.events.event.json":
                return event;
            case "aws.events.event.ingestion-time":
                return event.path("time");
            default:
                String path = paths.get(name);
                return path == null ? null : path(event, path);
        }
    }

    private static String render(JsonNode v, boolean inString) {
        if (v.isMissingNode() || v.isNull()) {
            return inString ? "" : "null";
        }
        if (inString) {
            String text = v.isTextual() ? v.textValue() : v.toString();
            String quoted = Json.string(text);
            return quoted.substring(1, quoted.length() - 1);
        }
        return v.toString();
    }
}
