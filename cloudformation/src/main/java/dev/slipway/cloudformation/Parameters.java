package dev.slipway.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Declared parameters, checked and bound to the values a request supplies. */
final class Parameters {
    private Parameters() {}

    /** A bound parameter; {@link #refValue()} is what {@code Ref} returns. */
    record Value(String name, String type, String value, boolean noEcho) {
        boolean isList() {
            return type.startsWith("List<") || type.equals("CommaDelimitedList");
        }

        JsonNode refValue() {
            if (!isList()) {
                return JsonNodeFactory.instance.textNode(value);
            }
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            if (!value.isEmpty()) {
                for (String part : value.split(",", -1)) {
                    array.add(part.strip());
                }
            }
            return array;
        }
    }

    static void checkDeclarations(ObjectNode declarations) {
        var fields = declarations.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            JsonNode type = field.getValue().get("Type");
            if (type == null || !type.isTextual()) {
                throw ValidationError.templateFormat("Every Parameters object must contain a Type member.");
            }
            if (!isKnownType(type.asText())) {
                throw ValidationError.unrecognizedParameterType(type.asText());
            }
        }
    }

    private static boolean isKnownType(String type) {
        return switch (type) {
            case "String", "Number", "List<Number>", "CommaDelimitedList" -> true;
            default -> type.startsWith("AWS::") || type.startsWith("List<AWS::");
        };
    }

    /**
     * Binds supplied values (or previous values, or defaults) to the declarations.
     *
     * @param previous the stack's current values, for {@code UsePreviousValue}
     */
    static Map<String, Value> bind(ObjectNode declarations, List<Parameter> supplied, Map<String, String> previous) {
        List<String> unknown = new ArrayList<>();
        Map<String, Parameter> byKey = new LinkedHashMap<>();
        for (Parameter p : supplied) {
            if (!declarations.has(p.key())) {
                unknown.add(p.key());
            }
            byKey.put(p.key(), p);
        }
        if (!unknown.isEmpty()) {
            throw ValidationError.parametersUnknown(unknown);
        }
        Map<String, Value> result = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        var fields = declarations.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            String name = field.getKey();
            JsonNode decl = field.getValue();
            Parameter given = byKey.get(name);
            String value;
            if (given != null && given.usePreviousValue()) {
                value = previous.get(name);
                if (value == null) {
                    // AWS wording not confirmed
                    throw ValidationError.of("Invalid input for parameter key " + name
                            + ". Cannot specify usePreviousValue as true for a parameter key not in the previous template");
                }
            } else if (given != null) {
                value = given.value();
            } else if (decl.has("Default")) {
                value = scalar(decl.get("Default"));
            } else {
                missing.add(name);
                continue;
            }
            String type = decl.path("Type").asText("String");
            check(name, type, value, decl);
            result.put(name, new Value(name, type, value, "true".equalsIgnoreCase(decl.path("NoEcho").asText())));
        }
        if (!missing.isEmpty()) {
            throw ValidationError.parametersMissing(missing);
        }
        return result;
    }

    private static String scalar(JsonNode node) {
        if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            node.forEach(n -> parts.add(n.asText()));
            return String.join(",", parts);
        }
        return node.asText();
    }

    private static void check(String name, String type, String value, JsonNode decl) {
        String constraint = decl.path("ConstraintDescription").asText("");
        List<String> items = type.startsWith("List<") || type.equals("CommaDelimitedList")
                ? List.of(value.split(",", -1)) : List.of(value);
        for (String raw : items) {
            String item = items.size() > 1 ? raw.strip() : raw;
            if (type.equals("Number") || type.equals("List<Number>")) {
                BigDecimal number;
                try {
                    number = new BigDecimal(item.strip());
                } catch (NumberFormatException e) {
                    throw ValidationError.parameterConstraint(name, "must be a number");
                }
                if (decl.has("MinValue") && number.compareTo(bound(name, decl.get("MinValue"))) < 0) {
                    throw failure(name, constraint, "must be a number not less than " + decl.get("MinValue").asText());
                }
                if (decl.has("MaxValue") && number.compareTo(bound(name, decl.get("MaxValue"))) > 0) {
                    throw failure(name, constraint, "must be a number not greater than "
                            + decl.get("MaxValue").asText());
                }
            }
            JsonNode allowed = decl.get("AllowedValues");
            if (allowed != null && allowed.isArray()) {
                boolean ok = false;
                for (JsonNode a : allowed) {
                    ok |= a.asText().equals(item);
                }
                if (!ok) {
                    throw failure(name, constraint, "must be one of AllowedValues");
                }
            }
            if (decl.has("AllowedPattern")) {
                String pattern = decl.get("AllowedPattern").asText();
                boolean matches;
                try {
                    matches = Pattern.compile(pattern).matcher(item).matches();
                } catch (PatternSyntaxException e) {
                    throw ValidationError.templateFormat("Parameter '" + name + "' AllowedPattern is not a valid regex");
                }
                if (!matches) {
                    throw failure(name, constraint, "must match pattern " + pattern);
                }
            }
            if (decl.has("MinLength") && item.length() < decl.get("MinLength").asInt()) {
                throw failure(name, constraint, "must contain at least " + decl.get("MinLength").asInt()
                        + " characters");
            }
            if (decl.has("MaxLength") && item.length() > decl.get("MaxLength").asInt()) {
                throw failure(name, constraint, "must contain at most " + decl.get("MaxLength").asInt()
                        + " characters");
            }
        }
    }

    private static BigDecimal bound(String name, JsonNode bound) {
        try {
            return new BigDecimal(bound.asText().strip());
        } catch (NumberFormatException e) {
            // wording not confirmed
            throw ValidationError.templateFormat("Parameter '" + name + "' MinValue and MaxValue must be numbers");
        }
    }

    private static ValidationError failure(String name, String constraintDescription, String what) {
        return constraintDescription.isEmpty() ? ValidationError.parameterConstraint(name, what)
                : ValidationError.parameterConstraintDescription(name, constraintDescription);
    }
}
