package dev.slipway.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Evaluates intrinsic functions and conditions against bound parameters, pseudo parameters,
 * mappings, created resources and exports. {@code AWS::NoValue} evaluates to {@link #NO_VALUE},
 * which removes the enclosing property or list item.
 */
final class Evaluator {
    static final JsonNode NO_VALUE = MissingNode.getInstance();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** How {@code Ref} and {@code Fn::GetAtt} see resources. */
    interface Resources {
        JsonNode ref(String logicalId);

        JsonNode getAtt(String logicalId, String attribute);
    }

    /** How {@code Fn::ImportValue} sees other stacks' exports. */
    interface Exports {
        Optional<String> value(String name);
    }

    private final Template template;
    private final Map<String, JsonNode> names;
    private final Resources resources;
    private final Exports exports;
    private final String region;
    private final Map<String, Boolean> conditionValues = new HashMap<>();
    private final Set<String> evaluating = new HashSet<>();

    /** @param names parameter values by name and pseudo parameters by {@code AWS::…} name */
    Evaluator(Template template, Map<String, JsonNode> names, Resources resources, Exports exports, String region) {
        this.template = template;
        this.names = names;
        this.resources = resources;
        this.exports = exports;
        this.region = region;
    }

    synchronized boolean condition(String name) {
        Boolean known = conditionValues.get(name);
        if (known != null) {
            return known;
        }
        JsonNode definition = template.conditions.get(name);
        if (definition == null) {
            throw ValidationError.templateFormat("Unresolved condition dependencies [" + name + "]");
        }
        if (!evaluating.add(name)) {
            throw ValidationError.templateError("circular condition dependency " + name);
        }
        boolean value = asBoolean(resolveCondition(definition), "Conditions");
        evaluating.remove(name);
        conditionValues.put(name, value);
        return value;
    }

    /** Whether a resource or output with this optional condition is part of the stack. */
    boolean active(Optional<String> condition) {
        return condition.map(this::condition).orElse(true);
    }

    private JsonNode resolveCondition(JsonNode node) {
        if (node.isObject() && node.size() == 1 && node.has("Condition") && node.get("Condition").isTextual()) {
            return F.booleanNode(condition(node.get("Condition").asText()));
        }
        return resolve(node);
    }

    /** A resource's resolved properties; an Fn::If choosing AWS::NoValue leaves none. */
    ObjectNode properties(Template.Resource resource) {
        JsonNode resolved = resolve(resource.properties());
        if (resolved.isMissingNode()) {
            return F.objectNode();
        }
        if (!resolved.isObject()) {
            throw ValidationError.propertiesNotAnObject();
        }
        return (ObjectNode) resolved;
    }

    /** Resolves every intrinsic function in {@code node}; returns a new tree. */
    JsonNode resolve(JsonNode node) {
        if (node.isArray()) {
            ArrayNode out = F.arrayNode();
            for (JsonNode item : node) {
                JsonNode r = resolve(item);
                if (!r.isMissingNode()) {
                    out.add(r);
                }
            }
            return out;
        }
        if (!node.isObject()) {
            return node;
        }
        if (node.size() == 1) {
            Map.Entry<String, JsonNode> only = node.fields().next();
            String key = only.getKey();
            if (key.equals("Ref") || key.startsWith("Fn::")) {
                return function(key, only.getValue());
            }
        }
        ObjectNode out = F.objectNode();
        var fields = node.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            JsonNode r = resolve(field.getValue());
            if (!r.isMissingNode()) {
                out.set(field.getKey(), r);
            }
        }
        return out;
    }

    private JsonNode function(String name, JsonNode arg) {
        return switch (name) {
            case "Ref" -> ref(text(resolve(arg), "Ref"));
            case "Fn::GetAtt" -> getAtt(arg);
            case "Fn::Join" -> join(arg);
            case "Fn::Sub" -> sub(arg);
            case "Fn::Select" -> select(arg);
            case "Fn::Split" -> split(arg);
            case "Fn::If" -> fnIf(arg);
            case "Fn::Equals" -> equalsFn(arg);
            case "Fn::And", "Fn::Or" -> andOr(name, arg);
            case "Fn::Not" -> not(arg);
            case "Fn::FindInMap" -> findInMap(arg);
            case "Fn::GetAZs" -> getAzs(arg);
            case "Fn::Base64" -> F.textNode(Base64.getEncoder().encodeToString(
                    text(resolve(arg), name).getBytes(StandardCharsets.UTF_8)));
            case "Fn::ImportValue" -> importValue(arg);
            case "Fn::Cidr" -> cidr(arg);
            default -> throw ValidationError.templateFormat("Unrecognized function " + name); // not confirmed
        };
    }

    private JsonNode ref(String name) {
        if (name.equals(Pseudo.NO_VALUE)) {
            return NO_VALUE;
        }
        JsonNode value = names.get(name);
        if (value != null) {
            return value;
        }
        if (template.resources.containsKey(name)) {
            return resources.ref(name);
        }
        throw ValidationError.unresolvedDependencies(List.of(name), "Resources");
    }

    private JsonNode getAtt(JsonNode arg) {
        String resource;
        String attribute;
        if (arg.isTextual()) {
            String[] parts = arg.asText().split("\\.", 2);
            if (parts.length < 2) {
                throw ValidationError.templateError("every Fn::GetAtt object requires two non-empty parameters");
            }
            resource = parts[0];
            attribute = parts[1];
        } else if (arg.isArray() && arg.size() == 2) {
            resource = text(resolve(arg.get(0)), "Fn::GetAtt");
            attribute = text(resolve(arg.get(1)), "Fn::GetAtt");
        } else {
            throw ValidationError.templateError("every Fn::GetAtt object requires two non-empty parameters");
        }
        if (!template.resources.containsKey(resource)) {
            throw ValidationError.getAttUndefined(resource);
        }
        return resources.getAtt(resource, attribute);
    }

    private JsonNode join(JsonNode arg) {
        if (!arg.isArray() || arg.size() != 2) {
            throw joinShape();
        }
        String delimiter = text(resolve(arg.get(0)), "Fn::Join");
        JsonNode list = resolve(arg.get(1));
        if (!list.isArray()) {
            throw joinShape();
        }
        List<String> parts = new ArrayList<>();
        list.forEach(item -> parts.add(text(item, "Fn::Join")));
        return F.textNode(String.join(delimiter, parts));
    }

    private static ValidationError joinShape() {
        return ValidationError.templateError("every Fn::Join object requires two parameters, (1) a string delimiter "
                + "and (2) a list of strings to be joined or a function that returns a list of strings (such as "
                + "Fn::GetAZs) to be joined.");
    }

    private JsonNode sub(JsonNode arg) {
        String text;
        Map<String, JsonNode> local = new HashMap<>();
        if (arg.isTextual()) {
            text = arg.asText();
        } else if (arg.isArray() && arg.size() == 2 && arg.get(0).isTextual() && arg.get(1).isObject()) {
            text = arg.get(0).asText();
            arg.get(1).fields().forEachRemaining(e -> local.put(e.getKey(), resolve(e.getValue())));
        } else {
            throw ValidationError.templateError("One or more Fn::Sub intrinsic functions don't specify expected "
                    + "arguments. Specify a string as first argument, and an optional second argument to specify "
                    + "a mapping of values to replace in the string");
        }
        Matcher m = References.SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String variable = m.group(1);
            String replacement;
            if (variable.startsWith("!")) {
                replacement = "${" + variable.substring(1) + "}";
            } else {
                String name = variable.strip();
                if (!name.matches("[A-Za-z0-9_.:]+")) {
                    throw ValidationError.templateError("variable names in Fn::Sub syntax must contain only "
                            + "alphanumeric characters, underscores, periods, and colons");
                }
                if (local.containsKey(name)) {
                    replacement = text(local.get(name), "Fn::Sub");
                } else if (name.contains(".") && !names.containsKey(name)) {
                    String[] parts = name.split("\\.", 2);
                    if (!template.resources.containsKey(parts[0])) {
                        throw ValidationError.unresolvedDependencies(List.of(parts[0]), "Resources");
                    }
                    replacement = text(resources.getAtt(parts[0], parts[1]), "Fn::Sub");
                } else {
                    replacement = text(ref(name), "Fn::Sub");
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return F.textNode(out.toString());
    }

    private JsonNode select(JsonNode arg) {
        if (!arg.isArray() || arg.size() != 2) {
            throw ValidationError.templateError("Fn::Select requires a list argument with two elements: an integer "
                    + "index and a list");
        }
        String indexText = text(resolve(arg.get(0)), "Fn::Select");
        JsonNode list = resolve(arg.get(1));
        int index;
        try {
            index = Integer.parseInt(indexText.strip());
        } catch (NumberFormatException e) {
            throw ValidationError.templateError("Fn::Select requires a list argument with two elements: an integer "
                    + "index and a list");
        }
        if (!list.isArray() || index < 0 || index >= list.size()) {
            throw ValidationError.templateError("Fn::Select cannot select nonexistent value at index " + index);
        }
        return list.get(index);
    }

    private JsonNode split(JsonNode arg) {
        if (!arg.isArray() || arg.size() != 2) {
            throw ValidationError.templateError("Fn::Split requires a list argument with two elements: a delimiter "
                    + "and a source string");
        }
        String delimiter = text(resolve(arg.get(0)), "Fn::Split");
        String source = text(resolve(arg.get(1)), "Fn::Split");
        ArrayNode out = F.arrayNode();
        if (delimiter.isEmpty()) {
            out.add(source);
            return out;
        }
        int from = 0;
        int at;
        while ((at = source.indexOf(delimiter, from)) >= 0) {
            out.add(source.substring(from, at));
            from = at + delimiter.length();
        }
        out.add(source.substring(from));
        return out;
    }

    private JsonNode fnIf(JsonNode arg) {
        if (!arg.isArray() || arg.size() != 3 || !arg.get(0).isTextual()) {
            throw ValidationError.templateError("Fn::If requires a list argument with three elements");
        }
        return condition(arg.get(0).asText()) ? resolve(arg.get(1)) : resolve(arg.get(2));
    }

    private JsonNode equalsFn(JsonNode arg) {
        if (!arg.isArray() || arg.size() != 2) {
            throw ValidationError.templateError("Fn::Equals requires a list argument with two elements");
        }
        JsonNode a = resolve(arg.get(0));
        JsonNode b = resolve(arg.get(1));
        boolean equal = a.isValueNode() && b.isValueNode() ? a.asText().equals(b.asText()) : a.equals(b);
        return F.booleanNode(equal);
    }

    private JsonNode andOr(String name, JsonNode arg) {
        if (!arg.isArray() || arg.size() < 2 || arg.size() > 10) {
            throw ValidationError.templateError(name + " requires a list argument with between 2 and 10 elements");
        }
        boolean and = name.equals("Fn::And");
        boolean result = and;
        for (JsonNode item : arg) {
            boolean v = asBoolean(resolveCondition(item), name);
            result = and ? result && v : result || v;
        }
        return F.booleanNode(result);
    }

    private JsonNode not(JsonNode arg) {
        if (!arg.isArray() || arg.size() != 1) {
            throw ValidationError.templateError("Fn::Not requires a list argument with one element");
        }
        return F.booleanNode(!asBoolean(resolveCondition(arg.get(0)), "Fn::Not"));
    }

    private JsonNode findInMap(JsonNode arg) {
        if (!arg.isArray() || arg.size() < 3) {
            throw ValidationError.templateError("Fn::FindInMap requires a list argument with three elements");
        }
        String map = text(resolve(arg.get(0)), "Fn::FindInMap");
        String first = text(resolve(arg.get(1)), "Fn::FindInMap");
        String second = text(resolve(arg.get(2)), "Fn::FindInMap");
        JsonNode value = template.mappings.path(map).path(first).path(second);
        if (value.isMissingNode()) {
            if (arg.size() == 4 && arg.get(3).has("DefaultValue")) {
                return resolve(arg.get(3).get("DefaultValue"));
            }
            throw ValidationError.templateError("Unable to get mapping for " + map + "::" + first + "::" + second);
        }
        return value;
    }

    private JsonNode getAzs(JsonNode arg) {
        String r = text(resolve(arg), "Fn::GetAZs");
        String zoneRegion = r.isEmpty() ? region : r;
        ArrayNode out = F.arrayNode();
        for (String suffix : List.of("a", "b", "c")) {
            out.add(zoneRegion + suffix);
        }
        return out;
    }

    private JsonNode importValue(JsonNode arg) {
        String name = text(resolve(arg), "Fn::ImportValue");
        return F.textNode(exports.value(name).orElseThrow(() -> ValidationError.exportMissing(name)));
    }

    private JsonNode cidr(JsonNode arg) {
        if (!arg.isArray() || arg.size() != 3) {
            throw ValidationError.templateError("Fn::Cidr requires a list argument with three elements");
        }
        String block = text(resolve(arg.get(0)), "Fn::Cidr");
        int count;
        int hostBits;
        long base = 0;
        String[] parts = block.split("/");
        String[] octets = parts[0].split("\\.");
        try {
            count = Integer.parseInt(text(resolve(arg.get(1)), "Fn::Cidr").strip());
            hostBits = Integer.parseInt(text(resolve(arg.get(2)), "Fn::Cidr").strip());
            for (String o : octets) {
                base = base << 8 | Integer.parseInt(o);
            }
        } catch (NumberFormatException e) {
            count = -1;
            hostBits = -1;
        }
        if (parts.length != 2 || octets.length != 4 || hostBits < 0 || hostBits > 32 || count < 1 || count > 256) {
            throw ValidationError.templateError("Fn::Cidr supports IPv4 blocks with a count of 1 to 256 "
                    + "(IPv6 is not supported by Slipway)");
        }
        int prefix = 32 - hostBits;
        ArrayNode out = F.arrayNode();
        for (int i = 0; i < count; i++) {
            long address = base + ((long) i << hostBits);
            out.add((address >> 24 & 255) + "." + (address >> 16 & 255) + "." + (address >> 8 & 255) + "."
                    + (address & 255) + "/" + prefix);
        }
        return out;
    }

    private static boolean asBoolean(JsonNode node, String where) {
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isTextual() && (node.asText().equals("true") || node.asText().equals("false"))) {
            return Boolean.parseBoolean(node.asText());
        }
        throw ValidationError.templateFormat("Conditions can only be boolean operations on parameters and other "
                + "conditions (" + where + ")"); // wording not confirmed
    }

    static String text(JsonNode node, String function) {
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isNumber() || node.isBoolean()) {
            return node.asText();
        }
        throw ValidationError.templateError("every " + function + " argument must be a string here, got "
                + (node.isArray() ? "a list" : node.isObject() ? "an object" : node.getNodeType().name().toLowerCase()));
    }
}
