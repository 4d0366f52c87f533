package dev.slipway.cloudformation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Which resource waits for which: edges from a resource to the resources it depends on. */
final class DependencyGraph {
    private final Map<String, Set<String>> dependsOn;

    private DependencyGraph(Map<String, Set<String>> dependsOn) {
        this.dependsOn = dependsOn;
    }

    static DependencyGraph of(Map<String, Template.Resource> resources) {
        return of(resources, resources.keySet());
    }

    /** The graph restricted to {@code active} (resources whose condition holds). */
    static DependencyGraph of(Map<String, Template.Resource> resources, Set<String> active) {
        Map<String, Set<String>> edges = new LinkedHashMap<>();
        for (String id : active) {
            Set<String> deps = new LinkedHashSet<>();
            for (String d : resources.get(id).dependencies()) {
                if (active.contains(d)) {
                    deps.add(d);
                }
            }
            edges.put(id, deps);
        }
        return new DependencyGraph(edges);
    }

    Set<String> nodes() {
        return dependsOn.keySet();
    }

    Set<String> dependenciesOf(String id) {
        return dependsOn.getOrDefault(id, Set.of());
    }

    /** Resources that depend on {@code id}. */
    Set<String> dependentsOf(String id) {
        Set<String> result = new LinkedHashSet<>();
        dependsOn.forEach((node, deps) -> {
            if (deps.contains(id)) {
                result.add(node);
            }
        });
        return result;
    }

    /** Members of every cycle (strongly connected components larger than one, or self-loops), sorted. */
    List<String> cycleMembers() {
        Tarjan t = new Tarjan();
        dependsOn.keySet().forEach(n -> {
            if (!t.index.containsKey(n)) {
                t.visit(n);
            }
        });
        return new ArrayList<>(t.inCycles);
    }

    private final class Tarjan {
        final Map<String, Integer> index = new HashMap<>();
        final Map<String, Integer> low = new HashMap<>();
        final Deque<String> stack = new ArrayDeque<>();
        final Set<String> onStack = new LinkedHashSet<>();
        final Set<String> inCycles = new TreeSet<>();
        int counter;

        void visit(String v) {
            index.put(v, counter);
            low.put(v, counter++);
            stack.push(v);
            onStack.add(v);
            for (String w : dependenciesOf(v)) {
                if (!index.containsKey(w)) {
                    visit(w);
                    low.put(v, Math.min(low.get(v), low.get(w)));
                } else if (onStack.contains(w)) {
                    low.put(v, Math.min(low.get(v), index.get(w)));
                }
            }
            if (low.get(v).equals(index.get(v))) {
                List<String> component = new ArrayList<>();
                String w;
                do {
                    w = stack.pop();
                    onStack.remove(w);
                    component.add(w);
                } while (!w.equals(v));
                if (component.size() > 1 || dependenciesOf(v).contains(v)) {
                    inCycles.addAll(component);
                }
            }
        }
    }
}
