package dev.slipway.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.protocol.spi.ResourceProvider;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The static diff behind a change set: which resources would be added, modified (in place or by
 * replacement) or removed. Values that depend on resources being added or replaced are unknown
 * until execution; a create-only property that changes only through them makes the replacement
 * Conditional, as CloudFormation reports it.
 */
final class ChangeSetPlanner {
    private static final String UNKNOWN = "{{slipway:known-after-apply}}";

    private ChangeSetPlanner() {}

    static List<ResourceChange> plan(StackEngine engine, StackState stack, Template next,
            Map<String, Parameters.Value> parameters) {
        Map<String, ResourceState> current = engine.snapshot(stack);
        Set<String> replacedOrNew = new HashSet<>();
        Set<String> modified = new HashSet<>();
        Evaluator.Resources view = new Evaluator.Resources() {
            @Override
            public JsonNode ref(String id) {
                ResourceState r = current.get(id);
                return JsonNodeFactory.instance.textNode(r == null || replacedOrNew.contains(id) ? UNKNOWN
                        : r.physicalId());
            }

            @Override
            public JsonNode getAtt(String id, String attribute) {
                ResourceState r = current.get(id);
                if (r == null || replacedOrNew.contains(id) || modified.contains(id)
                        || !r.attributes().containsKey(attribute)) {
                    return JsonNodeFactory.instance.textNode(UNKNOWN);
                }
                return r.attributes().get(attribute);
            }
        };
        Evaluator evaluator = new Evaluator(next, engine.names(stack, parameters), view,
                name -> Optional.of(UNKNOWN), "");
        Set<String> active = StackEngine.activeResources(next, evaluator);
        List<ResourceChange> changes = new ArrayList<>();
        for (String id : order(DependencyGraph.of(next.resources, active))) {
            Template.Resource def = next.resources.get(id);
            ResourceState old = current.get(id);
            if (old == null || !old.exists()) {
                replacedOrNew.add(id);
                changes.add(new ResourceChange("Add", id, "", def.type(), "", List.of(), List.of()));
                continue;
            }
            ObjectNode properties;
            try {
                properties = evaluator.properties(def);
            } catch (RuntimeException e) {
                properties = JsonNodeFactory.instance.objectNode().put(UNKNOWN, UNKNOWN);
            }
            if (properties.equals(old.properties()) && old.type().equals(def.type())) {
                continue;
            }
            Set<String> createOnly = engine.provider(def.type()).map(ResourceProvider::createOnlyProperties)
                    .orElse(Set.of());
            List<ResourceChange.Detail> details = new ArrayList<>();
            String replacement = old.type().equals(def.type()) ? "False" : "True";
            for (String key : StackEngine.changedKeys(old.properties(), properties)) {
                boolean dynamic = properties.path(key).toString().contains(UNKNOWN);
                String recreation;
                if (createOnly.contains(key)) {
                    recreation = dynamic ? "Conditionally" : "Always";
                    if (!dynamic) {
                        replacement = "True";
                    } else if (replacement.equals("False")) {
                        replacement = "Conditional";
                    }
                } else {
                    recreation = "Never";
                }
                details.add(new ResourceChange.Detail("Properties", key.equals(UNKNOWN) ? "" : key, recreation,
                        dynamic ? "Dynamic" : "Static", dynamic ? "ResourceReference" : "DirectModification", ""));
            }
            if (replacement.equals("False")) {
                modified.add(id);
            } else {
                replacedOrNew.add(id);
            }
            changes.add(new ResourceChange("Modify", id, old.physicalId(), def.type(), replacement,
                    List.of("Properties"), details));
        }
        for (ResourceState old : current.values()) {
            if (!active.contains(old.logicalId()) && old.exists()) {
                changes.add(new ResourceChange("Remove", old.logicalId(), old.physicalId(), old.type(), "",
                        List.of(), List.of()));
            }
        }
        return changes;
    }

    /** A topological order (dependencies first), stable in template order. */
    static List<String> order(DependencyGraph graph) {
        List<String> order = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        boolean progress = true;
        while (placed.size() < graph.nodes().size() && progress) {
            progress = false;
            for (String node : graph.nodes()) {
                if (!placed.contains(node) && placed.containsAll(graph.dependenciesOf(node))) {
                    placed.add(node);
                    order.add(node);
                    progress = true;
                }
            }
        }
        return order;
    }
}
