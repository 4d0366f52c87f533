package dev.slipway.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.protocol.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and writes targets in the shape PutTargets, ListTargetsByRule and AWS::Events::Rule share. */
final class Targets {
    private Targets() {}

    static List<Rule.Target> read(JsonNode targets) {
        List<Rule.Target> out = new ArrayList<>();
        for (JsonNode t : targets) {
            String id = text(t, "Id");
            String arn = text(t, "Arn");
            if (id == null || id.isEmpty()) {
                throw EventsException.missingParameter("targets.member.id");
            }
            if (arn == null || arn.isEmpty()) {
                throw EventsException.missingParameter("targets.member.arn");
            }
            JsonNode it = t.get("InputTransformer");
            Map<String, String> paths = null;
            String template = null;
            if (it != null && it.isObject()) {
                paths = new LinkedHashMap<>();
                Map<String, String> p = paths;
                it.path("InputPathsMap").fields().forEachRemaining(e -> p.put(e.getKey(), e.getValue().asText()));
                template = text(it, "InputTemplate");
            }
            JsonNode input = t.get("Input");
            // CloudFormation may hand over Input as a JSON object when a template wrote it unquoted.
            String inputText = input == null || input.isNull() ? null : input.isTextual() ? input.textValue()
                    : input.toString();
            out.add(new Rule.Target(id, arn, inputText, text(t, "InputPath"), paths, template));
        }
        return out;
    }

    static ObjectNode write(Rule.Target t) {
        ObjectNode n = Json.object().put("Id", t.id()).put("Arn", t.arn());
        if (t.input() != null) {
            n.put("Input", t.input());
        }
        if (t.inputPath() != null) {
            n.put("InputPath", t.inputPath());
        }
        if (t.inputTemplate() != null) {
            ObjectNode it = n.putObject("InputTransformer");
            it.set("InputPathsMap", Json.MAPPER.valueToTree(t.inputPathsMap()));
            it.put("InputTemplate", t.inputTemplate());
        }
        return n;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
