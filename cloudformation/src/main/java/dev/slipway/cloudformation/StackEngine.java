package dev.slipway.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.protocol.spi.ResourceProvider;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Drives stack operations to their final status: create, update (from a before/after diff), delete,
 * and the rollbacks of failed creates and updates. Each operation runs on its own thread; its
 * resources run on the shared executor in dependency order, independent ones in parallel. Status
 * changes and events are recorded on the {@link StackState} under its monitor and persisted.
 */
final class StackEngine {
    static final String STACK_TYPE = "AWS::CloudFormation::Stack";
    /** Events kept per stack (oldest dropped first), so a stack file stays small after many deploys. */
    static final int MAX_EVENTS = 2_000;
    private static final String INITIATED = "Resource creation Initiated";
    private static final String REPLACING = "Requested update requires the creation of a new physical resource; "
            + "hence creating one.";

    final StackStore store;
    final Map<String, ResourceProvider> providers;
    final ExecutorService executor;
    final Clock clock;
    private final String region;
    private final String accountId;
    private final Map<String, Template> templates = new ConcurrentHashMap<>();
    final WaitConditionProvider waitConditions;

    StackEngine(StackStore store, Map<String, ResourceProvider> providers, WaitConditionProvider waitConditions,
            ExecutorService executor, Clock clock, String region, String accountId) {
        this.store = store;
        this.providers = providers;
        this.waitConditions = waitConditions;
        this.executor = executor;
        this.clock = clock;
        this.region = region;
        this.accountId = accountId;
    }

    Template templateOf(StackState stack) {
        if (templates.size() > 256) {
            templates.clear(); // a cache of parsed templates, not state: bounded so redeploys don't grow it
        }
        return templates.computeIfAbsent(stack.templateBody, body -> Template.parse(body).validated());
    }

    boolean supports(String type) {
        return providers.containsKey(type);
    }

    Optional<ResourceProvider> provider(String type) {
        return Optional.ofNullable(providers.get(type));
    }

    // ---- recording ---------------------------------------------------------------------------

    void stackStatus(StackState stack, String status, String reason) {
        synchronized (stack) {
            stack.status = status;
            stack.statusReason = reason;
            addEvent(stack, stack.stackName, stack.stackId, STACK_TYPE, status, reason, "");
            store.save(stack);
            stack.notifyAll();
        }
    }

    void resourceStatus(StackState stack, ResourceState state, String reason) {
        synchronized (stack) {
            stack.resources.put(state.logicalId(), state);
            addEvent(stack, state.logicalId(), state.physicalId(), state.type(), state.status(), reason,
                    state.status().endsWith("_IN_PROGRESS") && reason.isEmpty() ? state.properties().toString() : "");
            store.save(stack);
        }
    }

    private void addEvent(StackState stack, String logicalId, String physicalId, String type, String status,
            String reason, String properties) {
        stack.events.add(new StackState.StackEventRecord(UUID.randomUUID().toString(), logicalId, physicalId, type,
                clock.millis(), status, reason, properties));
        if (stack.events.size() > MAX_EVENTS) {
            stack.events.subList(0, stack.events.size() - MAX_EVENTS).clear();
        }
    }

    // ---- names and views for the evaluator ---------------------------------------------------

    Map<String, JsonNode> names(StackState stack, Map<String, Parameters.Value> parameters) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        Map<String, JsonNode> names = new HashMap<>();
        parameters.forEach((k, v) -> names.put(k, v.refValue()));
        names.put("AWS::AccountId", f.textNode(accountId));
        names.put("AWS::Region", f.textNode(region));
        names.put("AWS::StackName", f.textNode(stack.stackName));
        names.put("AWS::StackId", f.textNode(stack.stackId));
        names.put("AWS::Partition", f.textNode("aws"));
        names.put("AWS::URLSuffix", f.textNode("amazonaws.com"));
        ArrayNode arns = f.arrayNode();
        stack.notificationArns.forEach(arns::add);
        names.put("AWS::NotificationARNs", arns);
        return names;
    }

    Evaluator.Exports exports(StackState importer) {
        return name -> {
            for (StackState other : store.live()) {
                if (other == importer) {
                    continue;
                }
                synchronized (other) {
                    for (StackState.OutputRecord o : other.outputs) {
                        if (o.exportName().equals(name)) {
                            synchronized (importer) {
                                importer.imports.add(name);
                            }
                            return Optional.of(o.value());
                        }
                    }
                }
            }
            return Optional.empty();
        };
    }

    Evaluator evaluator(StackState stack, Template template, Map<String, Parameters.Value> parameters) {
        Evaluator.Resources live = new Evaluator.Resources() {
            @Override
            public JsonNode ref(String logicalId) {
                return JsonNodeFactory.instance.textNode(current(logicalId).physicalId());
            }

            @Override
            public JsonNode getAtt(String logicalId, String attribute) {
                JsonNode value = current(logicalId).attributes().get(attribute);
                if (value == null) {
                    throw ValidationError.templateError("resource " + logicalId + " does not support attribute type "
                            + attribute + " in Fn::GetAtt");
                }
                return value;
            }

            private ResourceState current(String logicalId) {
                synchronized (stack) {
                    ResourceState state = stack.resources.get(logicalId);
                    if (state == null || !state.exists()) {
                        throw ValidationError.unresolvedDependencies(List.of(logicalId), "Resources");
                    }
                    return state;
                }
            }
        };
        return new Evaluator(template, names(stack, parameters), live, exports(stack), region);
    }

    // ---- create ------------------------------------------------------------------------------

    /** Creates every resource; on failure rolls back (or not, per {@code onFailure}). Runs asynchronously. */
    void create(StackState stack, Template template, String onFailure) {
        executor.execute(() -> runCreate(stack, template, onFailure));
    }

    private void runCreate(StackState stack, Template template, String onFailure) {
        Evaluator evaluator = evaluator(stack, template, stack.parameters);
        Set<String> active;
        try {
            active = activeResources(template, evaluator);
        } catch (RuntimeException e) {
            failCreate(stack, template, reason(e), onFailure);
            return;
        }
        DependencyGraph graph = DependencyGraph.of(template.resources, active);
        AtomicBoolean failed = new AtomicBoolean();
        List<String> failures = GraphRunner.run(graph.nodes(), graph::dependenciesOf,
                id -> createResource(stack, template.resources.get(id), evaluator, failed, "CREATE", Map.of()),
                executor);
        if (!failures.isEmpty()) {
            failCreate(stack, template, "The following resource(s) failed to create: " + failedList(stack, "CREATE")
                    + ". Rollback requested by user.", onFailure);
            return;
        }
        try {
            writeOutputs(stack, template, evaluator);
        } catch (RuntimeException e) {
            failCreate(stack, template, reason(e), onFailure);
            return;
        }
        stackStatus(stack, "CREATE_COMPLETE", "");
    }

    private void failCreate(StackState stack, Template template, String reason, String onFailure) {
        if (onFailure.equals("DO_NOTHING")) {
            stackStatus(stack, "CREATE_FAILED", reason);
            return;
        }
        stackStatus(stack, "ROLLBACK_IN_PROGRESS", reason);
        List<String> failures = deleteAll(stack, template, snapshot(stack).keySet());
        if (!failures.isEmpty()) {
            stackStatus(stack, "ROLLBACK_FAILED", "The following resource(s) failed to delete: "
                    + ValidationError.list(new TreeSet<>(failures)) + ". ");
            return;
        }
        stackStatus(stack, "ROLLBACK_COMPLETE", "");
        if (onFailure.equals("DELETE")) {
            stackStatus(stack, "DELETE_IN_PROGRESS", "User Initiated");
            markDeleted(stack);
        }
    }

    private static String failedList(StackState stack, String operation) {
        Set<String> failed = new TreeSet<>();
        synchronized (stack) {
            stack.resources.values().forEach(r -> {
                if (r.status().equals(operation + "_FAILED")) {
                    failed.add(r.logicalId());
                }
            });
        }
        return ValidationError.list(failed);
    }

    /**
     * Creates one resource (a new one, or the replacement of an existing one when {@code replacing}
     * holds the resource being replaced). Returns whether it succeeded.
     */
    boolean createResource(StackState stack, Template.Resource def, Evaluator evaluator, AtomicBoolean failed,
            String operation, Map<String, ResourceState> replacing) {
        ResourceState old = replacing.get(def.logicalId());
        String progress = old == null ? "CREATE" : "UPDATE";
        ResourceState state = new ResourceState(def.logicalId(), def.type(), "", progress + "_IN_PROGRESS", "",
                JsonNodeFactory.instance.objectNode(), Map.of(), clock.millis(), def.retainOnDelete(),
                def.retainOnReplace());
        try {
            ObjectNode properties = evaluator.properties(def);
            state = new ResourceState(def.logicalId(), def.type(), "", state.status(), "", properties, Map.of(),
                    clock.millis(), def.retainOnDelete(), def.retainOnReplace());
            resourceStatus(stack, state, old == null ? "" : REPLACING);
            ResourceProvider provider = providers.get(def.type());
            if (provider == null) {
                throw new ResourceProvider.ResourceFailure("Unsupported resource type " + def.type()
                        + " in the Slipway local cloud");
            }
            ResourceProvider.Result result = provider.create(request(stack, def.logicalId(), Optional.empty(),
                    properties, Optional.empty(), Map.of()));
            state = new ResourceState(def.logicalId(), def.type(), result.physicalId(), progress + "_IN_PROGRESS", "",
                    properties, Map.copyOf(result.attributes()), clock.millis(), def.retainOnDelete(),
                    def.retainOnReplace());
            resourceStatus(stack, state, INITIATED);
            if (failed.get()) {
                resourceStatus(stack, state.with(progress + "_FAILED", "Resource creation cancelled", clock.millis()),
                        "Resource creation cancelled");
                return false;
            }
            resourceStatus(stack, state.with(progress + "_COMPLETE", "", clock.millis()), "");
            return true;
        } catch (Exception e) {
            failed.set(true);
            String reason = reason(e);
            ResourceState failedState = state.with(progress + "_FAILED", reason, clock.millis());
            if (old != null) {
                // the failed replacement leaves the old resource recorded; its status shows the failure
                failedState = old.with("UPDATE_FAILED", reason, clock.millis());
            }
            resourceStatus(stack, failedState, reason);
            return false;
        }
    }

    // ---- update (see StackUpdate) ---------------------------------------------------------------

    /** Updates from the stack's current template to {@code next}; rolls back on failure. Asynchronous. */
    void update(StackState stack, Template previous, Map<String, Parameters.Value> previousParameters,
            Template next) {
        executor.execute(() -> new StackUpdate(this).run(stack, previous, previousParameters, next));
    }

    /** Deletes one physical resource as part of cleanup, recording the events; returns success. */
    boolean deletePhysical(StackState stack, ResourceState state, boolean honourReplacePolicy) {
        if (honourReplacePolicy && state.retainOnReplace()) {
            addEventLocked(stack, state, "DELETE_SKIPPED", "");
            return true;
        }
        if (!state.exists()) {
            addEventLocked(stack, state, "DELETE_COMPLETE", "");
            return true;
        }
        addEventLocked(stack, state, "DELETE_IN_PROGRESS", "");
        try {
            ResourceProvider provider = providers.get(state.type());
            if (provider != null) {
                provider.delete(request(stack, state.logicalId(), Optional.of(state.physicalId()), state.properties(),
                        Optional.empty(), state.attributes()));
            }
            addEventLocked(stack, state, "DELETE_COMPLETE", "");
            return true;
        } catch (Exception e) {
            addEventLocked(stack, state, "DELETE_FAILED", reason(e));
            return false;
        }
    }

    private void addEventLocked(StackState stack, ResourceState state, String status, String reason) {
        synchronized (stack) {
            addEvent(stack, state.logicalId(), state.physicalId(), state.type(), status, reason, "");
            store.save(stack);
        }
    }

    // ---- delete ------------------------------------------------------------------------------

    void delete(StackState stack, Set<String> retain) {
        executor.execute(() -> runDelete(stack, retain));
    }

    private void runDelete(StackState stack, Set<String> retain) {
        String inUse = exportsRemovedInUse(stack, List.copyOf(stack.outputs), List.of());
        if (inUse != null) {
            stackStatus(stack, "DELETE_FAILED", inUse);
            return;
        }
        Template template = templateOf(stack);
        Map<String, ResourceState> current = snapshot(stack);
        Map<String, ResourceState> retained = new HashMap<>();
        current.forEach((id, r) -> {
            if (retain.contains(id)) {
                retained.put(id, new ResourceState(r.logicalId(), r.type(), r.physicalId(), r.status(), r.reason(),
                        r.properties(), r.attributes(), r.timestamp(), true, r.retainOnReplace()));
            }
        });
        synchronized (stack) {
            stack.resources.putAll(retained);
        }
        List<String> failures = deleteAll(stack, template, current.keySet());
        if (!failures.isEmpty()) {
            stackStatus(stack, "DELETE_FAILED", "The following resource(s) failed to delete: "
                    + ValidationError.list(new TreeSet<>(failures)) + ". ");
            return;
        }
        markDeleted(stack);
    }

    private void markDeleted(StackState stack) {
        synchronized (stack) {
            stack.deletionTime = clock.millis();
            // fresh collections rather than clear(): other stacks' operations read them without this lock
            stack.outputs = new ArrayList<>();
            stack.imports = java.util.concurrent.ConcurrentHashMap.newKeySet();
            stack.changeSets.clear();
        }
        stackStatus(stack, "DELETE_COMPLETE", "");
    }

    /** Deletes the given resources in reverse dependency order, in parallel where independent. */
    private List<String> deleteAll(StackState stack, Template template, Set<String> ids) {
        return deleteAll(stack, template, ids, snapshot(stack));
    }

    List<String> deleteAll(StackState stack, Template template, Set<String> ids,
            Map<String, ResourceState> states) {
        Set<String> nodes = new LinkedHashSet<>(ids);
        nodes.retainAll(states.keySet());
        Map<String, Template.Resource> known = new LinkedHashMap<>();
        for (String id : nodes) {
            Template.Resource def = template.resources.get(id);
            known.put(id, def != null ? def : new Template.Resource(id, states.get(id).type(),
                    JsonNodeFactory.instance.objectNode(), Set.of(), Optional.empty(), false, false,
                    JsonNodeFactory.instance.missingNode()));
        }
        DependencyGraph graph = DependencyGraph.of(known, nodes);
        return GraphRunner.run(nodes, graph::dependentsOf, id -> deleteResource(stack, states.get(id)), executor);
    }

    private boolean deleteResource(StackState stack, ResourceState state) {
        if (state.retainOnDelete() && state.exists()) {
            resourceStatus(stack, state.with("DELETE_SKIPPED", "", clock.millis()), "");
            return true;
        }
        if (!state.exists()) {
            resourceStatus(stack, state.with("DELETE_COMPLETE", "", clock.millis()), "");
            return true;
        }
        resourceStatus(stack, state.with("DELETE_IN_PROGRESS", "", clock.millis()), "");
        try {
            ResourceProvider provider = providers.get(state.type());
            if (provider != null) {
                provider.delete(request(stack, state.logicalId(), Optional.of(state.physicalId()), state.properties(),
                        Optional.empty(), state.attributes()));
            }
            resourceStatus(stack, state.with("DELETE_COMPLETE", "", clock.millis()), "");
            return true;
        } catch (Exception e) {
            resourceStatus(stack, state.with("DELETE_FAILED", reason(e), clock.millis()), reason(e));
            return false;
        }
    }

    // ---- helpers -----------------------------------------------------------------------------

    static Set<String> activeResources(Template template, Evaluator evaluator) {
        Set<String> active = new LinkedHashSet<>();
        template.resources.values().forEach(r -> {
            if (evaluator.active(r.condition())) {
                active.add(r.logicalId());
            }
        });
        return active;
    }

    void writeOutputs(StackState stack, Template template, Evaluator evaluator) {
        List<StackState.OutputRecord> outputs = new ArrayList<>();
        var fields = template.outputs.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            JsonNode output = field.getValue();
            JsonNode condition = output.get("Condition");
            if (condition != null && !evaluator.condition(condition.asText())) {
                continue;
            }
            JsonNode value = evaluator.resolve(output.get("Value"));
            String text = value.isArray() ? joinList(value) : Evaluator.text(value, "Outputs");
            String exportName = output.has("Export")
                    ? Evaluator.text(evaluator.resolve(output.get("Export").path("Name")), "Export") : "";
            String description = output.has("Description")
                    ? Evaluator.text(evaluator.resolve(output.get("Description")), "Description") : "";
            if (!exportName.isEmpty()) {
                for (StackState other : store.live()) {
                    if (other != stack && other.outputs.stream().anyMatch(o -> o.exportName().equals(exportName))) {
                        throw ValidationError.exportAlreadyExists(exportName, other.stackName);
                    }
                }
            }
            outputs.add(new StackState.OutputRecord(field.getKey(), text, description, exportName));
        }
        synchronized (stack) {
            stack.outputs = outputs;
            store.save(stack);
        }
    }

    private static String joinList(JsonNode list) {
        List<String> parts = new ArrayList<>();
        list.forEach(n -> parts.add(n.asText()));
        return String.join(",", parts);
    }

    /** The reason an export this stack no longer has is still imported elsewhere, or null. */
    String exportsRemovedInUse(StackState stack, List<StackState.OutputRecord> before) {
        return exportsRemovedInUse(stack, before, stack.outputs);
    }

    private String exportsRemovedInUse(StackState stack, List<StackState.OutputRecord> before,
            List<StackState.OutputRecord> after) {
        for (StackState.OutputRecord o : before) {
            if (o.exportName().isEmpty() || after.stream().anyMatch(a -> a.exportName().equals(o.exportName())
                    && a.value().equals(o.value()))) {
                continue;
            }
            for (StackState other : store.live()) {
                if (other != stack && other.imports.contains(o.exportName())) {
                    return after.stream().anyMatch(a -> a.exportName().equals(o.exportName()))
                            ? "Cannot update export " + o.exportName() + " as it is in use by " + other.stackName
                            : ValidationError.exportInUse(o.exportName(), other.stackName).getMessage();
                }
            }
        }
        return null;
    }

    static List<String> changedKeys(ObjectNode before, ObjectNode after) {
        Set<String> keys = new TreeSet<>();
        before.fieldNames().forEachRemaining(keys::add);
        after.fieldNames().forEachRemaining(keys::add);
        List<String> changed = new ArrayList<>();
        for (String k : keys) {
            if (!before.path(k).equals(after.path(k))) {
                changed.add(k);
            }
        }
        return changed;
    }

    Map<String, ResourceState> snapshot(StackState stack) {
        synchronized (stack) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(stack.resources));
        }
    }

    ResourceProvider.Request request(StackState stack, String logicalId, Optional<String> physicalId,
            ObjectNode properties, Optional<ObjectNode> previous, Map<String, JsonNode> previousAttributes) {
        return new ResourceProvider.Request(stack.stackName, stack.stackId, logicalId, physicalId,
                properties.deepCopy(), previous.map(ObjectNode::deepCopy), previousAttributes, region, accountId);
    }

    static String reason(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
