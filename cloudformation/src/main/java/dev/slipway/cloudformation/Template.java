package dev.slipway.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.protocol.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A parsed and structurally validated template: its sections, its resources with their explicit
 * ({@code DependsOn}) and implicit ({@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub}) dependencies.
 * Checks run in the order CloudFormation reports them: format, unresolved references, cycles.
 */
final class Template {
    private static final Set<String> SECTIONS = Set.of("AWSTemplateFormatVersion", "Description", "Metadata",
            "Parameters", "Rules", "Mappings", "Conditions", "Transform", "Resources", "Outputs", "Hooks");
    private static final Set<String> RESOURCE_ATTRIBUTES = Set.of("Type", "Properties", "DependsOn", "Condition",
            "DeletionPolicy", "UpdateReplacePolicy", "Metadata", "CreationPolicy", "UpdatePolicy", "Version");

    final ObjectNode root;
    final String body;
    final ObjectNode parameters;
    final ObjectNode mappings;
    final ObjectNode conditions;
    final ObjectNode outputs;
    final Map<String, Resource> resources;

    /**
     * @param dependencies logical ids this resource depends on (explicit and implicit)
     */
    record Resource(String logicalId, String type, ObjectNode properties, Set<String> dependencies,
            Optional<String> condition, boolean retainOnDelete, boolean retainOnReplace, JsonNode metadata) {}

    private Template(String body, ObjectNode root) {
        this.body = body;
        this.root = root;
        this.parameters = section(root, "Parameters");
        this.mappings = section(root, "Mappings");
        this.conditions = section(root, "Conditions");
        this.outputs = section(root, "Outputs");
        this.resources = Collections.unmodifiableMap(readResources(root));
    }

    static Template parse(String body) {
        return new Template(body, TemplateParser.parse(body));
    }

    Optional<String> description() {
        JsonNode d = root.get("Description");
        return d != null && d.isTextual() ? Optional.of(d.asText()) : Optional.empty();
    }

    Set<String> resourceTypes() {
        Set<String> types = new LinkedHashSet<>();
        resources.values().forEach(r -> types.add(r.type()));
        return types;
    }

    private static ObjectNode section(ObjectNode root, String name) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            return Json.object();
        }
        if (!node.isObject()) {
            throw ValidationError.templateFormat(name + " must be an object"); // AWS wording not confirmed
        }
        return (ObjectNode) node;
    }

    private Map<String, Resource> readResources(ObjectNode root) {
        List<String> unknownSections = new ArrayList<>();
        root.fieldNames().forEachRemaining(n -> {
            if (!SECTIONS.contains(n)) {
                unknownSections.add(n);
            }
        });
        if (!unknownSections.isEmpty()) {
            throw ValidationError.invalidTemplateProperties(unknownSections);
        }
        JsonNode transform = root.get("Transform");
        if (transform != null) {
            // Slipway's own message: macros (SAM included) are expanded by the service compiler, not here.
            throw ValidationError.templateFormat("Transform " + transform
                    + " is not supported by the Slipway local cloud; deploy the expanded template");
        }
        JsonNode node = root.get("Resources");
        if (node == null || !node.isObject() || node.isEmpty()) {
            throw ValidationError.noResources();
        }
        Map<String, Resource> result = new LinkedHashMap<>();
        var fields = node.fields();
        while (fields.hasNext()) {
            var entry = fields.next();
            result.put(entry.getKey(), readResource(entry.getKey(), entry.getValue()));
        }
        return result;
    }

    private static Resource readResource(String logicalId, JsonNode node) {
        if (!node.isObject()) {
            throw ValidationError.resourceNotAnObject();
        }
        if (!node.path("Type").isTextual()) {
            throw ValidationError.missingType();
        }
        node.fieldNames().forEachRemaining(n -> {
            if (!RESOURCE_ATTRIBUTES.contains(n)) {
                throw ValidationError.invalidResourceAttribute(n);
            }
        });
        JsonNode props = node.get("Properties");
        if (props != null && !props.isObject() && !props.isNull()) {
            throw ValidationError.propertiesNotAnObject();
        }
        JsonNode metadata = node.get("Metadata");
        if (metadata != null && !metadata.isObject()) {
            throw ValidationError.metadataNotAnObject();
        }
        ObjectNode properties = props instanceof ObjectNode o ? o : Json.object();
        Set<String> dependencies = new LinkedHashSet<>();
        JsonNode dependsOn = node.get("DependsOn");
        if (dependsOn != null) {
            if (dependsOn.isTextual()) {
                dependencies.add(dependsOn.asText());
            } else if (dependsOn.isArray()) {
                dependsOn.forEach(d -> dependencies.add(d.asText()));
            } else {
                throw ValidationError.templateFormat("DependsOn must be a string or list of strings.");
            }
        }
        JsonNode condition = node.get("Condition");
        return new Resource(logicalId, node.get("Type").asText(), properties, dependencies,
                condition != null && condition.isTextual() ? Optional.of(condition.asText()) : Optional.empty(),
                "Retain".equals(node.path("DeletionPolicy").asText()),
                "Retain".equals(node.path("UpdateReplacePolicy").asText()),
                node.path("Metadata"));
    }

    /** Checks references and cycles; returns the template with implicit dependencies filled in. */
    Template validated() {
        Set<String> known = new LinkedHashSet<>(resources.keySet());
        Set<String> parameterNames = new LinkedHashSet<>();
        parameters.fieldNames().forEachRemaining(parameterNames::add);
        Parameters.checkDeclarations(parameters);

        Map<String, Resource> withImplicit = new LinkedHashMap<>();
        Set<String> unresolved = new TreeSet<>();
        Set<String> unresolvedConditions = new TreeSet<>();
        for (Resource r : resources.values()) {
            References refs = References.of(r.properties());
            for (String getAtt : refs.getAtts()) {
                if (!known.contains(getAtt)) {
                    throw ValidationError.getAttUndefined(getAtt);
                }
            }
            Set<String> deps = new LinkedHashSet<>(r.dependencies());
            for (String d : r.dependencies()) {
                if (!known.contains(d)) {
                    unresolved.add(d);
                }
            }
            for (String ref : refs.refs()) {
                if (known.contains(ref)) {
                    deps.add(ref);
                } else if (!parameterNames.contains(ref) && !Pseudo.isPseudo(ref)) {
                    unresolved.add(ref);
                }
            }
            deps.addAll(refs.getAtts());
            r.condition().filter(c -> !conditions.has(c)).ifPresent(unresolvedConditions::add);
            refs.conditions().stream().filter(c -> !conditions.has(c)).forEach(unresolvedConditions::add);
            withImplicit.put(r.logicalId(), new Resource(r.logicalId(), r.type(), r.properties(), deps,
                    r.condition(), r.retainOnDelete(), r.retainOnReplace(), r.metadata()));
        }
        if (!unresolved.isEmpty()) {
            throw ValidationError.unresolvedDependencies(unresolved, "Resources");
        }
        if (!unresolvedConditions.isEmpty()) {
            throw ValidationError.unresolvedConditions(unresolvedConditions, "Resources");
        }
        var outputFields = outputs.fields();
        while (outputFields.hasNext()) {
            var output = outputFields.next();
            if (!output.getValue().isObject() || !output.getValue().has("Value")) {
                throw ValidationError.templateFormat("Every Outputs member must contain a Value object");
            }
            References refs = References.of(output.getValue());
            for (String getAtt : refs.getAtts()) {
                if (!known.contains(getAtt)) {
                    throw ValidationError.getAttUndefined(getAtt);
                }
            }
            refs.refs().stream().filter(r -> !known.contains(r) && !parameterNames.contains(r) && !Pseudo.isPseudo(r))
                    .forEach(unresolved::add);
            JsonNode condition = output.getValue().get("Condition");
            if (condition != null && !conditions.has(condition.asText())) {
                unresolvedConditions.add(condition.asText());
            }
        }
        if (!unresolved.isEmpty()) {
            throw ValidationError.unresolvedDependencies(unresolved, "Outputs");
        }
        if (!unresolvedConditions.isEmpty()) {
            throw ValidationError.unresolvedConditions(unresolvedConditions, "Outputs");
        }
        checkConditionsSection(known);
        Template result = new Template(body, root, withImplicit);
        List<String> cycle = DependencyGraph.of(result.resources).cycleMembers();
        if (!cycle.isEmpty()) {
            throw ValidationError.circularDependency(cycle);
        }
        return result;
    }

    private void checkConditionsSection(Set<String> resourceNames) {
        Set<String> badRefs = new TreeSet<>();
        var fields = conditions.fields();
        while (fields.hasNext()) {
            References refs = References.of(fields.next().getValue());
            refs.refs().stream().filter(resourceNames::contains).forEach(badRefs::add);
            for (String c : refs.conditions()) {
                if (!conditions.has(c)) {
                    throw ValidationError.unresolvedConditions(List.of(c), "Conditions");
                }
            }
        }
        if (!badRefs.isEmpty()) {
            throw ValidationError.templateFormat("Unresolved dependencies " + ValidationError.list(badRefs)
                    + ". Cannot reference resources in the Conditions block of the template");
        }
    }

    private Template(String body, ObjectNode root, Map<String, Resource> resources) {
        this.body = body;
        this.root = root;
        this.parameters = section(root, "Parameters");
        this.mappings = section(root, "Mappings");
        this.conditions = section(root, "Conditions");
        this.outputs = section(root, "Outputs");
        this.resources = Collections.unmodifiableMap(resources);
    }
}
