package dev.slipway.cloudformation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.protocol.spi.ResourceProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One stack update: each resource of the new template, in dependency order, is left alone
 * (resolved properties unchanged), updated in place, replaced (a create-only property changed) or
 * created; then cleanup deletes removed resources and replaced physical resources. On failure the
 * {@link UpdateLog} is replayed backwards: in-place updates are updated back to their previous
 * properties, replaced resources get their old physical resource back, created ones are deleted.
 */
final class StackUpdate {
    private final StackEngine engine;

    StackUpdate(StackEngine engine) {
        this.engine = engine;
    }

    /** What an update did to each resource, so that a rollback can undo exactly that. */
    private static final class UpdateLog {
        final Map<String, ResourceState> before;
        final Set<String> added = ConcurrentHashMap.newKeySet();
        final Map<String, ResourceState> updated = new ConcurrentHashMap<>();
        final Map<String, ResourceState> replaced = new ConcurrentHashMap<>();
        final Map<String, ResourceState> replacements = new ConcurrentHashMap<>();

        UpdateLog(Map<String, ResourceState> before) {
            this.before = before;
        }
    }

    void run(StackState stack, Template previous, Map<String, Parameters.Value> previousParameters, Template next) {
        stack.cancelRequested = false;
        engine.waitConditions.reset(stack.stackId);
        UpdateLog log = new UpdateLog(engine.snapshot(stack));
        List<StackState.OutputRecord> previousOutputs;
        Set<String> previousImports;
        synchronized (stack) {
            previousOutputs = new ArrayList<>(stack.outputs);
            previousImports = new LinkedHashSet<>(stack.imports);
            stack.imports = ConcurrentHashMap.newKeySet();
        }
        Evaluator evaluator = engine.evaluator(stack, next, stack.parameters);
        String failure;
        try {
            Set<String> active = StackEngine.activeResources(next, evaluator);
            DependencyGraph graph = DependencyGraph.of(next.resources, active);
            AtomicBoolean failed = new AtomicBoolean();
            List<String> failures = GraphRunner.run(graph.nodes(), graph::dependenciesOf,
                    id -> updateResource(stack, next.resources.get(id), evaluator, failed, log), engine.executor);
            if (stack.cancelRequested) {
                failure = "User Initiated";
            } else if (failures.isEmpty()) {
                engine.writeOutputs(stack, next, evaluator);
                String inUse = engine.exportsRemovedInUse(stack, previousOutputs);
                if (inUse == null) {
                    cleanUpAfterUpdate(stack, previous, active, log);
                    return;
                }
                failure = inUse;
            } else {
                Set<String> names = new TreeSet<>(failures);
                boolean created = failures.stream().allMatch(log.added::contains);
                failure = "The following resource(s) failed to " + (created ? "create" : "update") + ": "
                        + ValidationError.list(names) + ". ";
            }
        } catch (RuntimeException e) {
            failure = StackEngine.reason(e);
        }
        rollBackUpdate(stack, previous, previousParameters, previousOutputs, previousImports, log, failure);
    }

    private boolean updateResource(StackState stack, Template.Resource def, Evaluator evaluator, AtomicBoolean failed,
            UpdateLog log) {
        if (stack.cancelRequested) {
            // CancelUpdateStack: nothing new starts; what runs finishes and is rolled back
            failed.set(true);
            return false;
        }
        ResourceState old = log.before.get(def.logicalId());
        if (old == null || !old.exists()) {
            log.added.add(def.logicalId());
            return engine.createResource(stack, def, evaluator, failed, "CREATE", Map.of());
        }
        ObjectNode properties;
        try {
            properties = evaluator.properties(def);
        } catch (RuntimeException e) {
            failed.set(true);
            engine.resourceStatus(stack, old.with("UPDATE_FAILED", StackEngine.reason(e), engine.clock.millis()), StackEngine.reason(e));
            return false;
        }
        if (properties.equals(old.properties()) && old.type().equals(def.type())) {
            return true;
        }
        ResourceProvider provider = engine.providers.get(def.type());
        boolean replace = !old.type().equals(def.type()) || provider != null
                && StackEngine.changedKeys(old.properties(), properties).stream().anyMatch(provider.createOnlyProperties()::contains);
        if (replace) {
            log.replaced.put(def.logicalId(), old);
            boolean ok = engine.createResource(stack, def, evaluator, failed, "UPDATE", Map.of(def.logicalId(), old));
            ResourceState now = engine.snapshot(stack).get(def.logicalId());
            if (now != null && !now.physicalId().equals(old.physicalId()) && now.exists()) {
                log.replacements.put(def.logicalId(), now);
            }
            return ok;
        }
        ResourceState progress = new ResourceState(old.logicalId(), def.type(), old.physicalId(), "UPDATE_IN_PROGRESS",
                "", properties, old.attributes(), engine.clock.millis(), def.retainOnDelete(), def.retainOnReplace());
        engine.resourceStatus(stack, progress, "");
        log.updated.put(def.logicalId(), old);
        try {
            if (provider == null) {
                throw new ResourceProvider.ResourceFailure("Unsupported resource type " + def.type()
                        + " in the Slipway local cloud");
            }
            ResourceProvider.Result result = provider.update(engine.request(stack, def.logicalId(),
                    Optional.of(old.physicalId()), properties, Optional.of(old.properties()), old.attributes()));
            ResourceState done = new ResourceState(old.logicalId(), def.type(), result.physicalId(), "UPDATE_COMPLETE",
                    "", properties, Map.copyOf(result.attributes()), engine.clock.millis(), def.retainOnDelete(),
                    def.retainOnReplace());
            if (failed.get()) {
                engine.resourceStatus(stack, done.with("UPDATE_FAILED", "Resource update cancelled", engine.clock.millis()),
                        "Resource update cancelled");
                return false;
            }
            engine.resourceStatus(stack, done, "");
            return true;
        } catch (Exception e) {
            failed.set(true);
            engine.resourceStatus(stack, progress.with("UPDATE_FAILED", StackEngine.reason(e), engine.clock.millis()), StackEngine.reason(e));
            return false;
        }
    }

    private void cleanUpAfterUpdate(StackState stack, Template previous, Set<String> active, UpdateLog log) {
        engine.stackStatus(stack, "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS", "");
        Set<String> removed = new LinkedHashSet<>();
        log.before.forEach((id, state) -> {
            if (!active.contains(id)) {
                removed.add(id);
            }
        });
        engine.deleteAll(stack, previous, removed, log.before);
        log.replaced.forEach((id, old) -> {
            if (log.replacements.containsKey(id)) {
                engine.deletePhysical(stack, old, true);
            }
        });
        synchronized (stack) {
            removed.forEach(id -> {
                ResourceState r = stack.resources.get(id);
                if (r != null && (r.status().equals("DELETE_COMPLETE") || r.status().equals("DELETE_SKIPPED"))) {
                    stack.resources.remove(id);
                }
            });
        }
        engine.stackStatus(stack, "UPDATE_COMPLETE", "");
    }

    private void rollBackUpdate(StackState stack, Template previous, Map<String, Parameters.Value> previousParameters,
            List<StackState.OutputRecord> previousOutputs, Set<String> previousImports, UpdateLog log, String reason) {
        engine.stackStatus(stack, "UPDATE_ROLLBACK_IN_PROGRESS", reason);
        boolean rollbackFailed = false;
        for (Map.Entry<String, ResourceState> entry : log.updated.entrySet()) {
            ResourceState old = entry.getValue();
            ResourceState current = engine.snapshot(stack).get(entry.getKey());
            engine.resourceStatus(stack, old.with("UPDATE_IN_PROGRESS", "", engine.clock.millis()), "");
            try {
                ResourceProvider.Result result = engine.providers.get(old.type()).update(engine.request(stack, old.logicalId(),
                        Optional.of(old.physicalId()), old.properties(),
                        Optional.of(current == null ? old.properties() : current.properties()),
                        current == null ? old.attributes() : current.attributes()));
                engine.resourceStatus(stack, new ResourceState(old.logicalId(), old.type(), result.physicalId(),
                        "UPDATE_COMPLETE", "", old.properties(), Map.copyOf(result.attributes()), engine.clock.millis(),
                        old.retainOnDelete(), old.retainOnReplace()), "");
            } catch (Exception e) {
                rollbackFailed = true;
                engine.resourceStatus(stack, old.with("UPDATE_FAILED", StackEngine.reason(e), engine.clock.millis()), StackEngine.reason(e));
            }
        }
        for (ResourceState old : log.replaced.values()) {
            engine.resourceStatus(stack, old.with("UPDATE_COMPLETE", "", engine.clock.millis()), "");
        }
        synchronized (stack) {
            stack.templateBody = previous.body;
            stack.parameters = new LinkedHashMap<>(previousParameters);
            stack.outputs = new ArrayList<>(previousOutputs);
            Set<String> restored = ConcurrentHashMap.newKeySet();
            restored.addAll(previousImports); // filled before it is published: other stacks read it unlocked
            stack.imports = restored;
        }
        if (rollbackFailed) {
            engine.stackStatus(stack, "UPDATE_ROLLBACK_FAILED", reason);
            return;
        }
        engine.stackStatus(stack, "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS", "");
        for (String id : log.added) {
            ResourceState state = engine.snapshot(stack).get(id);
            if (state != null) {
                engine.deletePhysical(stack, state, false);
                synchronized (stack) {
                    stack.resources.remove(id);
                    engine.store.save(stack);
                }
            }
        }
        for (Map.Entry<String, ResourceState> entry : log.replacements.entrySet()) {
            engine.deletePhysical(stack, entry.getValue(), false);
            synchronized (stack) {
                stack.resources.put(entry.getKey(), log.replaced.get(entry.getKey()).with("UPDATE_COMPLETE", "",
                        engine.clock.millis()));
            }
        }
        engine.stackStatus(stack, "UPDATE_ROLLBACK_COMPLETE", "");
    }
}
