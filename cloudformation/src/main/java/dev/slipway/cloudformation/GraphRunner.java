package dev.slipway.cloudformation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorCompletionService;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Runs one task per node once every node it waits for has succeeded; independent nodes run at
 * the same time on the executor. After the first failure nothing new starts (tasks already
 * running finish, as CloudFormation cancels them), and the failed nodes are returned.
 */
final class GraphRunner {
    private GraphRunner() {}

    /**
     * @param waitsFor for each node, the nodes that must succeed first (restricted to {@code nodes})
     * @param task returns whether the node succeeded; must not throw
     * @return the nodes whose task failed, in order of completion
     */
    static List<String> run(Set<String> nodes, Function<String, Set<String>> waitsFor, Predicate<String> task,
            Executor executor) {
        CompletionService<Map.Entry<String, Boolean>> completion = new ExecutorCompletionService<>(executor);
        Set<String> started = new HashSet<>();
        Set<String> succeeded = new HashSet<>();
        List<String> failed = new ArrayList<>();
        int running = 0;
        running += startReady(nodes, waitsFor, task, completion, started, succeeded);
        while (running > 0) {
            Map.Entry<String, Boolean> done;
            try {
                done = completion.take().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("stack operation interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("resource task threw", e.getCause());
            }
            running--;
            if (done.getValue()) {
                succeeded.add(done.getKey());
            } else {
                failed.add(done.getKey());
            }
            if (failed.isEmpty()) {
                running += startReady(nodes, waitsFor, task, completion, started, succeeded);
            }
        }
        return failed;
    }

    private static int startReady(Set<String> nodes, Function<String, Set<String>> waitsFor, Predicate<String> task,
            CompletionService<Map.Entry<String, Boolean>> completion, Set<String> started, Set<String> succeeded) {
        int count = 0;
        for (String node : nodes) {
            if (started.contains(node)) {
                continue;
            }
            boolean ready = true;
            for (String dep : waitsFor.apply(node)) {
                if (nodes.contains(dep) && !succeeded.contains(dep)) {
                    ready = false;
                    break;
                }
            }
            if (ready) {
                started.add(node);
                completion.submit(() -> Map.entry(node, task.test(node)));
                count++;
            }
        }
        return count;
    }
}
