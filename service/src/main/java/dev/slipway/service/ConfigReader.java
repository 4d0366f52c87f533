package dev.slipway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
/**
 * Reads typed values out of the resolved configuration and reports what does not fit (wrong
 * type, out of range, unknown key with "did you mean") as {@link Problem}s at the value's place.
 * Never throws: a wrong value is reported and read as absent, so later checks still run.
 */
class ConfigReader {
    static final JsonNodeFactory F = JsonNodeFactory.instance;

    final Locations loc;
    final List<Problem> problems;

    ConfigReader(Locations loc, List<Problem> problems) {
        this.loc = loc;
        this.problems = problems;
    }

    // ---- typed accessors that report wrong types --------------------------------------------

    Map<String, JsonNode> environment(JsonNode parent, String path) {
        Map<String, JsonNode> env = new LinkedHashMap<>();
        JsonNode e = parent.get("environment");
        String p = Locations.child(path, "environment");
        if (e == null || e.isNull()) {
            return env;
        }
        if (!e.isObject()) {
            typeError(p, "a map of NAME: value", e, "write environment: NAME: value");
            return env;
        }
        for (var it = e.fields(); it.hasNext(); ) {
            var f = it.next();
            JsonNode v = f.getValue();
            if (!f.getKey().matches("[a-zA-Z]([a-zA-Z0-9_])*")) {
                errorAtKey(Locations.child(p, f.getKey()), "environment variable name \"" + f.getKey()
                        + "\" is invalid: Lambda requires letters, digits and underscores, starting with a letter",
                        "rename it, e.g. " + f.getKey().replaceAll("[^a-zA-Z0-9_]", "_"));
            }
            if (v.isArray() || (v.isObject() && !isIntrinsic(v))) {
                typeError(Locations.child(p, f.getKey()), "a string, number, boolean or an intrinsic function", v,
                        "Lambda environment values are strings");
                continue;
            }
            env.put(f.getKey(), v.isValueNode() && !v.isTextual() && !v.isNull() ? F.textNode(v.asText()) : v);
        }
        return env;
    }

    static boolean isIntrinsic(JsonNode v) {
        if (!v.isObject() || v.size() != 1) {
            return false;
        }
        String k = v.fieldNames().next();
        return k.equals("Ref") || k.startsWith("Fn::") || k.equals("Condition");
    }

    ObjectNode object(JsonNode parent, String parentPath, String key) {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            return F.objectNode();
        }
        if (!n.isObject()) {
            typeError(Locations.child(parentPath, key), "a map", n, "write " + key + " as a map of settings");
            return F.objectNode();
        }
        return (ObjectNode) n;
    }

    List<JsonNode> list(JsonNode parent, String parentPath, String key) {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            typeError(Locations.child(parentPath, key), "a list", n, "write " + key + " as a list (items start with -)");
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>();
        n.forEach(out::add);
        return List.copyOf(out);
    }

    List<String> strings(JsonNode parent, String parentPath, String key) {
        List<String> out = new ArrayList<>();
        int i = 0;
        for (JsonNode n : list(parent, parentPath, key)) {
            if (n.isValueNode() && !n.isNull()) {
                out.add(n.asText());
            } else {
                typeError(Locations.child(Locations.child(parentPath, key), i), "a string", n, "write a plain value");
            }
            i++;
        }
        return List.copyOf(out);
    }

    Map<String, String> stringMap(JsonNode parent, String parentPath, String key) {
        Map<String, String> m = new LinkedHashMap<>();
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            return m;
        }
        if (!n.isObject()) {
            typeError(Locations.child(parentPath, key), "a map", n, "write " + key + " as KEY: value pairs");
            return m;
        }
        n.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return Collections.unmodifiableMap(m);
    }

    Optional<String> string(JsonNode parent, String parentPath, String key) {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (n.isTextual() || n.isNumber() || n.isBoolean()) {
            return Optional.of(n.asText());
        }
        typeError(Locations.child(parentPath, key), "a string", n, "write " + key + " as a plain value");
        return Optional.empty();
    }

    Optional<Integer> integer(JsonNode parent, String parentPath, String key, int min, int max) {
        JsonNode n = parent.get(key);
        String p = Locations.child(parentPath, key);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (n.isTextual() && n.asText().contains("${")) {
            return Optional.empty();
        }
        if (!n.isIntegralNumber()) {
            typeError(p, "an integer", n, "write " + key + " as a whole number without quotes");
            return Optional.empty();
        }
        long v = n.asLong();
        if (v < min || v > max) {
            error(p, key + " " + v + " is out of range: it must be between " + min + " and " + max,
                    "choose a value from " + min + " to " + max);
            return Optional.empty();
        }
        return Optional.of((int) v);
    }

    boolean bool(JsonNode parent, String parentPath, String key, boolean dflt) {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            return dflt;
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        if (n.isTextual() && (n.asText().equals("true") || n.asText().equals("false"))) {
            return Boolean.parseBoolean(n.asText());
        }
        if (!(n.isTextual() && n.asText().contains("${"))) {
            typeError(Locations.child(parentPath, key), "true or false", n, "write " + key + ": true (or false)");
        }
        return dflt;
    }

    // ---- problems ---------------------------------------------------------------------------

    void unknownKeys(ObjectNode o, String path, Set<String> known, String what) {
        for (var it = o.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!known.contains(k)) {
                String childPath = Locations.child(path, k);
                errorAtKey(childPath, "unknown " + what + " \"" + k + "\"" + (path.isEmpty() ? "" : " in " + path) + "."
                        + Schema.suggestion(k, known), hintFor(k, known, "remove it, or check the spelling in the "
                        + "Serverless Framework v3 reference"));
            }
        }
    }

    static String hintFor(String k, Set<String> known, String otherwise) {
        String best = Schema.closest(k, known);
        return best == null ? otherwise : "rename \"" + k + "\" to \"" + best + "\"";
    }

    void typeError(String path, String expected, JsonNode got, String hint) {
        String shown = got.isValueNode() ? " (" + abbreviate(got.toString()) + ")" : "";
        error(path, path + " must be " + expected + ", not " + Schema.typeName(got) + shown, hint);
    }

    static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    void error(String path, String message, String hint) {
        add(Problem.Severity.ERROR, loc.value(path), message, hint);
    }

    void warn(String path, String message, String hint) {
        add(Problem.Severity.WARNING, loc.value(path), message, hint);
    }

    void errorAtKey(String path, String message, String hint) {
        add(Problem.Severity.ERROR, loc.key(path), message, hint);
    }

    void add(Problem.Severity s, Locations.Position p, String message, String hint) {
        problems.add(new Problem(s, p.file(), p.line(), p.column(), message, hint));
    }
}
