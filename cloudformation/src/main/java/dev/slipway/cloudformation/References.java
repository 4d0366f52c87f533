package dev.slipway.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names a template fragment refers to: {@code Ref} targets (resources, parameters, pseudo
 * parameters), {@code Fn::GetAtt} resources, {@code Fn::Sub} variables, and {@code Condition}
 * names used by {@code Fn::If} and condition functions. Both branches of {@code Fn::If} count,
 * as they do for CloudFormation's dependency analysis.
 */
record References(Set<String> refs, Set<String> getAtts, Set<String> conditions,
        Optional<Predicate<String>> conditionValue) {
    static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    static References of(JsonNode node) {
        References r = new References(new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>(),
                Optional.empty());
        r.walk(node, false);
        return r;
    }

    /** The references that remain once conditions are known: only the chosen branch of each Fn::If. */
    static References live(JsonNode node, Predicate<String> conditionValue) {
        References r = new References(new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>(),
                Optional.of(conditionValue));
        r.walk(node, false);
        return r;
    }

    private void walk(JsonNode node, boolean inCondition) {
        if (node.isArray()) {
            node.forEach(n -> walk(n, inCondition));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if (node.size() == 1) {
            Map.Entry<String, JsonNode> only = node.fields().next();
            String key = only.getKey();
            JsonNode arg = only.getValue();
            switch (key) {
                case "Ref" -> {
                    if (arg.isTextual()) {
                        refs.add(arg.asText());
                    }
                    return;
                }
                case "Fn::GetAtt" -> {
                    if (arg.isArray() && arg.size() >= 1) {
                        getAtts.add(arg.get(0).asText());
                        arg.forEach(a -> walk(a, inCondition));
                    } else if (arg.isTextual()) {
                        getAtts.add(arg.asText().split("\\.", 2)[0]);
                    }
                    return;
                }
                case "Fn::Sub" -> {
                    sub(arg);
                    return;
                }
                case "Fn::If" -> {
                    if (arg.isArray() && arg.size() > 0 && arg.get(0).isTextual()) {
                        conditions.add(arg.get(0).asText());
                    }
                    if (conditionValue.isPresent() && arg.isArray() && arg.size() == 3 && arg.get(0).isTextual()) {
                        walk(arg.get(conditionValue.get().test(arg.get(0).asText()) ? 1 : 2), inCondition);
                        return;
                    }
                    arg.forEach(a -> walk(a, inCondition));
                    return;
                }
                case "Fn::And", "Fn::Or", "Fn::Not", "Fn::Equals" -> {
                    arg.forEach(a -> walk(a, true));
                    return;
                }
                case "Condition" -> {
                    if (inCondition && arg.isTextual()) {
                        conditions.add(arg.asText());
                        return;
                    }
                }
                default -> { }
            }
        }
        node.forEach(n -> walk(n, inCondition));
    }

    private void sub(JsonNode arg) {
        String text;
        Set<String> local = Set.of();
        if (arg.isTextual()) {
            text = arg.asText();
        } else if (arg.isArray() && arg.size() == 2 && arg.get(0).isTextual()) {
            text = arg.get(0).asText();
            Set<String> names = new LinkedHashSet<>();
            arg.get(1).fieldNames().forEachRemaining(names::add);
            local = names;
            walk(arg.get(1), false);
        } else {
            return;
        }
        Matcher m = SUB_VARIABLE.matcher(text);
        while (m.find()) {
            String name = m.group(1).strip();
            if (name.startsWith("!") || local.contains(name)) {
                continue;
            }
            int dot = name.indexOf('.');
            if (dot > 0) {
                getAtts.add(name.substring(0, dot));
            } else {
                refs.add(name);
            }
        }
    }
}
