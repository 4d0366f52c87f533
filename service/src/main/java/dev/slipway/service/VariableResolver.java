package dev.slipway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves {@code ${…}} variables in place, the way Serverless Framework v3 does: sources
 * {@code self, opt, env, sls, file, strToBool, param, aws} locally and {@code ssm, cf, s3} (and
 * {@code aws:accountId}) through a {@link VariableSource}; fallbacks after commas (quoted strings,
 * numbers, booleans, other variables); variables nested in addresses; a variable that is the whole
 * value may resolve to a map or list, inside a longer string it must resolve to a scalar.
 * Lazily: a {@code ${self:…}} resolves what it points at first, so order in the file does not
 * matter; a cycle is reported as such. Errors use the Framework's wording and leave the value as
 * written, so every unresolvable variable is reported in one run.
 */
final class VariableResolver {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Pattern REFERENCE = Pattern.compile("^([A-Za-z][A-Za-z0-9]*)(?:\\((.*?)\\))?(?::(.*))?$",
            Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("^-?\\d+(\\.\\d+)?$");
    static final Set<String> SOURCES = Set.of("self", "opt", "env", "sls", "file", "strToBool", "param", "aws",
            "ssm", "cf", "s3");

    /** A variable that cannot be resolved; the message is the Framework's reason. */
    static class Unresolvable extends Exception {
        final String hint;

        Unresolvable(String message, String hint) {
            super(message, null, false, false);
            this.hint = hint;
        }
    }

    /** A source that needs a deployment target, asked without one: a fallback, if any, applies. */
    static final class NeedsTarget extends Unresolvable {
        NeedsTarget(String message, String hint) {
            super(message, hint);
        }
    }

    /** Thrown when a value depends on one already reported as unresolvable. */
    private static final class AlreadyReported extends Exception {
        AlreadyReported() {
            super(null, null, false, false);
        }
    }

    private final ObjectNode root;
    private final Path serviceDir;
    private final LoadOptions options;
    private final Locations locations;
    private final List<Problem> problems;
    private final String instanceId;
    private final Set<String> inProgress = new HashSet<>();
    private final Set<String> failed = new HashSet<>();
    private final Map<Path, Optional<JsonNode>> files = new HashMap<>();

    VariableResolver(ObjectNode root, Path serviceDir, LoadOptions options, Locations locations,
            List<Problem> problems, String instanceId) {
        this.root = root;
        this.serviceDir = serviceDir;
        this.options = options;
        this.locations = locations;
        this.problems = problems;
        this.instanceId = instanceId;
    }

    void resolveAll() {
        walk(root, "");
    }

    /** The stage as the Framework picks it: --stage, else provider.stage, else dev. */
    String stage() {
        Optional<String> fromCli = options.stage().or(() -> Optional.ofNullable(options.cliOptions().get("stage")));
        if (fromCli.isPresent()) {
            return fromCli.get();
        }
        JsonNode s = navigateQuietly("provider.stage");
        return s != null && s.isValueNode() && !s.isNull() && !s.asText().contains("${") ? s.asText() : "dev";
    }

    String region() {
        Optional<String> fromCli = options.region().or(() -> Optional.ofNullable(options.cliOptions().get("region")));
        if (fromCli.isPresent()) {
            return fromCli.get();
        }
        JsonNode s = navigateQuietly("provider.region");
        return s != null && s.isValueNode() && !s.isNull() && !s.asText().contains("${") ? s.asText() : "us-east-1";
    }

    private JsonNode navigateQuietly(String address) {
        try {
            return navigate(root, "", address);
        } catch (Unresolvable | AlreadyReported e) {
            return null;
        }
    }

    private JsonNode walk(JsonNode node, String path) {
        if (node instanceof ObjectNode o) {
            for (String k : iterableNames(o)) {
                JsonNode child = o.get(k);
                JsonNode resolved = walk(child, Locations.child(path, k));
                if (resolved != child) {
                    o.set(k, resolved);
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                JsonNode child = a.get(i);
                JsonNode resolved = walk(child, Locations.child(path, i));
                if (resolved != child) {
                    a.set(i, resolved);
                }
            }
        } else if (node.isTextual() && node.asText().contains("${")) {
            try {
                return resolveString(node.asText(), path);
            } catch (AlreadyReported e) {
                return node;
            }
        }
        return node;
    }

    private static List<String> iterableNames(ObjectNode o) {
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private JsonNode resolveString(String text, String path) throws AlreadyReported {
        if (failed.contains(path)) {
            throw new AlreadyReported();
        }
        if (!inProgress.add(path)) {
            report(path, new Unresolvable("Circular reference. \"" + display(path) + "\" refers (directly or "
                    + "through other variables) to itself", "break the cycle: one of the values must not refer back"));
            throw new AlreadyReported();
        }
        try {
            List<Object> parts = split(text);
            if (parts.size() == 1 && parts.get(0) instanceof Var v) {
                JsonNode value = resolveExpression(v.inner, path);
                return value.isContainerNode() ? value.deepCopy() : value;
            }
            StringBuilder sb = new StringBuilder();
            for (Object part : parts) {
                if (part instanceof Var v) {
                    JsonNode value = resolveExpression(v.inner, path);
                    if (value.isContainerNode()) {
                        throw new Unresolvable("String value consist of variable which resolve with non-string value",
                                "a variable inside a longer string must resolve to a string, number or boolean; "
                                        + "${" + v.inner + "} resolves to " + (value.isArray() ? "a list" : "a map"));
                    }
                    sb.append(value.isNull() ? "null" : value.asText());
                } else {
                    sb.append((String) part);
                }
            }
            return TextNode.valueOf(sb.toString());
        } catch (Unresolvable e) {
            report(path, e);
            throw new AlreadyReported();
        } finally {
            inProgress.remove(path);
        }
    }

    private void report(String path, Unresolvable e) {
        failed.add(path);
        Locations.Position p = locations.value(path);
        String message = "Cannot resolve variable at \"" + display(path) + "\": " + e.getMessage();
        for (Problem existing : problems) {
            if (existing.message().equals(message)) {
                return;
            }
        }
        problems.add(new Problem(Problem.Severity.ERROR, p.file(), p.line(), p.column(), message, e.hint));
    }

    private static String display(String path) {
        return path.isEmpty() ? "(root)" : path;
    }

    private record Var(String inner) {}

    /** Splits a string into literal parts and top-level {@code ${…}} variables. */
    static List<Object> split(String text) throws Unresolvable {
        List<Object> parts = new ArrayList<>();
        int i = 0;
        StringBuilder literal = new StringBuilder();
        while (i < text.length()) {
            int start = text.indexOf("${", i);
            if (start < 0) {
                literal.append(text, i, text.length());
                break;
            }
            literal.append(text, i, start);
            int end = matchingBrace(text, start + 2);
            if (end < 0) {
                throw new Unresolvable("Missing \"}\" in variable \"" + text.substring(start) + "\"",
                        "close the variable with \"}\"");
            }
            if (literal.length() > 0) {
                parts.add(literal.toString());
                literal.setLength(0);
            }
            parts.add(new Var(text.substring(start + 2, end)));
            i = end + 1;
        }
        if (literal.length() > 0 || parts.isEmpty()) {
            parts.add(literal.toString());
        }
        return parts;
    }

    private static int matchingBrace(String text, int from) {
        int depth = 1;
        char quote = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Splits {@code a, 'b, c', ${d, e}} at its top-level commas. */
    private static List<String> params(String inner) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '{' || c == '(') {
                depth++;
            } else if (c == '}' || c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(inner.substring(start, i).trim());
                start = i + 1;
            }
        }
        out.add(inner.substring(start).trim());
        return out;
    }

    private JsonNode resolveExpression(String inner, String path) throws Unresolvable, AlreadyReported {
        List<String> params = params(inner);
        String first = interpolate(params.get(0), path);
        JsonNode value;
        try {
            value = resolveReference(first, path);
        } catch (NeedsTarget e) {
            if (params.size() < 2) {
                throw e;
            }
            value = null; // without a target, the written default stands in (validate, print)
        }
        String lastSource = sourceName(first);
        for (int i = 1; i < params.size() && isMissing(value); i++) {
            String fallback = params.get(i);
            if (fallback.isEmpty()) {
                continue;
            }
            char c = fallback.charAt(0);
            if ((c == '\'' || c == '"') && fallback.length() >= 2 && fallback.charAt(fallback.length() - 1) == c) {
                value = TextNode.valueOf(fallback.substring(1, fallback.length() - 1));
            } else if (fallback.startsWith("${") && fallback.endsWith("}")) {
                value = resolveExpression(fallback.substring(2, fallback.length() - 1), path);
            } else if (NUMBER.matcher(fallback).matches()) {
                value = fallback.contains(".") ? F.numberNode(Double.parseDouble(fallback))
                        : fallback.length() < 10 ? F.numberNode(Integer.parseInt(fallback))
                        : F.numberNode(Long.parseLong(fallback));
            } else if (fallback.equals("true") || fallback.equals("false")) {
                value = F.booleanNode(Boolean.parseBoolean(fallback));
            } else if (fallback.equals("null")) {
                value = F.nullNode();
                break;
            } else if (REFERENCE.matcher(fallback).matches() && SOURCES.contains(sourceName(fallback))) {
                value = resolveReference(interpolate(fallback, path), path);
                lastSource = sourceName(fallback);
            } else {
                throw new Unresolvable("Invalid variable default \"" + fallback + "\"",
                        "quote a literal default: ${" + params.get(0) + ", '" + fallback + "'}");
            }
        }
        if (value == null) {
            throw new Unresolvable("Value not found at \"" + lastSource + "\" source", hintFor(first));
        }
        return value;
    }

    private static boolean isMissing(JsonNode v) {
        return v == null || v.isNull();
    }

    private static String sourceName(String ref) {
        Matcher m = REFERENCE.matcher(ref);
        return m.matches() ? m.group(1) : ref;
    }

    private String hintFor(String ref) {
        Matcher m = REFERENCE.matcher(ref);
        String type = m.matches() ? m.group(1) : "";
        String address = m.matches() && m.group(3) != null ? m.group(3) : "";
        return switch (type) {
            case "env" -> "set the environment variable " + address + ", or give a default: ${env:" + address
                    + ", 'value'}";
            case "opt" -> "pass --" + address + " on the command line, or give a default: ${opt:" + address
                    + ", 'value'}";
            case "self" -> "define \"" + address + "\" in the configuration, or give a default: ${self:" + address
                    + ", 'value'}";
            case "file" -> "check that the file exists next to serverless.yml and contains \"" + address + "\"";
            case "param" -> "define params." + "<stage>." + address + " or params.default." + address;
            default -> "give a default: ${" + ref + ", 'value'}";
        };
    }

    /** Resolves variables nested inside an address, e.g. {@code self:custom.${sls:stage}.table}. */
    private String interpolate(String text, String path) throws Unresolvable, AlreadyReported {
        if (!text.contains("${")) {
            return text;
        }
        StringBuilder sb = new StringBuilder();
        for (Object part : split(text)) {
            if (part instanceof Var v) {
                JsonNode value = resolveExpression(v.inner, path);
                if (value.isContainerNode()) {
                    throw new Unresolvable("String value consist of variable which resolve with non-string value",
                            "a variable nested in an address must resolve to a string");
                }
                sb.append(value.asText());
            } else {
                sb.append((String) part);
            }
        }
        return sb.toString();
    }

    private JsonNode resolveReference(String ref, String path) throws Unresolvable, AlreadyReported {
        Matcher m = REFERENCE.matcher(ref.trim());
        if (!m.matches()) {
            throw new Unresolvable("Invalid variable \"${" + ref + "}\"",
                    "write variables as ${source:address}, e.g. ${self:custom.table} or ${env:NAME}");
        }
        String type = m.group(1);
        String param = m.group(2);
        String address = m.group(3) == null ? "" : m.group(3).trim();
        switch (type) {
            case "self":
                return address.isEmpty() ? walk(root, "") : navigate(root, "", address);
            case "opt": {
                String v = switch (address) {
                    case "stage" -> options.stage().orElse(options.cliOptions().get("stage"));
                    case "region" -> options.region().orElse(options.cliOptions().get("region"));
                    default -> options.cliOptions().get(address);
                };
                return v == null ? null : TextNode.valueOf(v);
            }
            case "env": {
                String v = options.env().get(address);
                return v == null ? null : TextNode.valueOf(v);
            }
            case "sls":
                return switch (address) {
                    case "stage" -> TextNode.valueOf(stage());
                    case "instanceId" -> TextNode.valueOf(instanceId);
                    default -> throw new Unresolvable("Unsupported \"" + address
                            + "\" address argument in variable \"sls\" source", "use ${sls:stage} or ${sls:instanceId}");
                };
            case "strToBool": {
                String input = param != null ? param : address;
                String v = input.trim().toLowerCase();
                if (v.equals("true") || v.equals("1")) {
                    return F.booleanNode(true);
                }
                if (v.equals("false") || v.equals("0")) {
                    return F.booleanNode(false);
                }
                throw new Unresolvable("Invalid \"strToBool\" input: Expected either \"true\", \"false\", \"0\", "
                        + "or \"1\". Received: " + input, "pass one of true, false, 0, 1");
            }
            case "file":
                return file(param, address, path);
            case "param":
                return param(address);
            case "aws":
                if (address.equals("region")) {
                    return TextNode.valueOf(region());
                }
                return remote(type, address);
            case "ssm", "cf", "s3":
                return remote(type, address);
            default:
                throw new Unresolvable("Unrecognized configuration variable sources: \"" + type + "\"."
                        + Schema.suggestion(type, SOURCES),
                        "Slipway resolves self, opt, env, sls, file, strToBool, param, aws, ssm, cf and s3");
        }
    }

    private JsonNode remote(String type, String address) throws Unresolvable {
        if (options.remoteSource().isEmpty()) {
            throw new NeedsTarget("\"${" + type + ":" + address + "}\" needs a deployment target to look it up "
                    + "(the local cloud or AWS), and none was given",
                    "run a command that has a target (slipway deploy / offline), or give a default: ${" + type + ":"
                            + address + ", 'value'}");
        }
        try {
            return options.remoteSource().get().resolve(type, address).orElse(null);
        } catch (RuntimeException e) {
            throw new Unresolvable("Cannot read \"" + type + ":" + address + "\" from the deployment target: "
                    + e.getMessage(), "check that it exists in the target, or give a default");
        }
    }

    private JsonNode param(String address) throws Unresolvable, AlreadyReported {
        JsonNode v = navigate(root, "", "params." + stage() + "." + address);
        if (isMissing(v)) {
            v = navigate(root, "", "params.default." + address);
        }
        return v;
    }

    private JsonNode file(String param, String address, String path) throws Unresolvable, AlreadyReported {
        if (param == null || param.isBlank()) {
            throw new Unresolvable("Missing path argument in variable \"file\" source",
                    "write ${file(./other.yml):key}");
        }
        String rel = param.trim();
        if ((rel.startsWith("'") || rel.startsWith("\"")) && rel.length() > 1) {
            rel = rel.substring(1, rel.length() - 1);
        }
        Path p = serviceDir.resolve(rel).normalize();
        String name = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase();
        if (name.endsWith(".js") || name.endsWith(".ts") || name.endsWith(".mjs") || name.endsWith(".cjs")) {
            throw new Unresolvable("JavaScript files are not supported by Slipway's \"file\" source (" + rel + ")",
                    "convert " + rel + " to YAML or JSON");
        }
        Optional<JsonNode> content = files.get(p);
        if (content == null) {
            content = Optional.empty();
            if (Files.isRegularFile(p)) {
                try {
                    String text = Files.readString(p);
                    JsonNode tree = YamlReader.read(text, p, null, problems);
                    content = Optional.of(tree);
                } catch (IOException e) {
                    throw new Unresolvable("Cannot read " + rel + ": " + e.getMessage(), "check the file's permissions");
                } catch (YamlReader.SyntaxError e) {
                    throw new Unresolvable("Cannot parse " + rel + " at line " + e.line + ", column " + e.column + ": "
                            + e.getMessage(), "fix the syntax of " + rel);
                }
            }
            files.put(p, content);
        }
        if (content.isEmpty()) {
            return null;
        }
        String label = "file(" + rel + ")";
        return address.isEmpty() ? walk(content.get(), label) : navigate(content.get(), label, address);
    }

    /**
     * Follows a dotted address from {@code from}, resolving variables met on the way (so a
     * section that is itself a variable, like {@code custom: ${file(./c.yml)}}, can be entered),
     * and resolves the whole target before returning it. Null when the address does not exist.
     */
    private JsonNode navigate(JsonNode from, String basePath, String address) throws Unresolvable, AlreadyReported {
        JsonNode cur = from;
        String curPath = basePath;
        for (String key : address.split("\\.")) {
            if (key.isEmpty()) {
                continue;
            }
            JsonNode child;
            if (cur instanceof ObjectNode o) {
                child = o.get(key);
            } else if (cur instanceof ArrayNode a && key.chars().allMatch(Character::isDigit)) {
                child = a.get(Integer.parseInt(key));
            } else {
                return null;
            }
            if (child == null) {
                return null;
            }
            String childPath = Locations.child(curPath, key);
            if (child.isTextual() && child.asText().contains("${")) {
                JsonNode resolved = resolveString(child.asText(), childPath);
                if (cur instanceof ObjectNode o) {
                    o.set(key, resolved);
                } else {
                    ((ArrayNode) cur).set(Integer.parseInt(key), resolved);
                }
                child = resolved;
            }
            cur = child;
            curPath = childPath;
        }
        return walk(cur, curPath);
    }
}
