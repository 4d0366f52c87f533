package dev.slipway.cloudformation;

import dev.slipway.protocol.spi.ResourceProvider;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * AWS::CloudFormation::WaitCondition: the resource stays CREATE_IN_PROGRESS until its handle
 * receives {@code Count} success signals or {@code Timeout} seconds pass. The local cloud has no
 * signal endpoint, so a wait condition always ends at its timeout, failing as on AWS ("WaitCondition
 * timed out. Received 0 conditions when expecting N"), or earlier when its stack's update is
 * cancelled. Useful to rehearse slow resources, timeouts and interrupted deployments.
 */
final class WaitConditionProvider implements ResourceProvider {
    /** Stacks whose waits were cancelled, by stack id, until their wait conditions noticed. */
    private final Set<String> cancelled = ConcurrentHashMap.newKeySet();
    private final Object signal = new Object();

    @Override
    public String type() {
        return "AWS::CloudFormation::WaitCondition";
    }

    @Override
    public Set<String> createOnlyProperties() {
        return Set.of("Handle", "Timeout", "Count");
    }

    @Override
    public Result create(Request request) throws Exception {
        int count = request.properties().path("Count").asInt(1);
        long timeoutSeconds = request.properties().path("Timeout").asLong(0);
        if (timeoutSeconds <= 0 || timeoutSeconds > 43_200) {
            throw new ResourceFailure("Timeout must be between 1 and 43200 seconds");
        }
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        synchronized (signal) {
            while (!cancelled.contains(request.stackId())) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new ResourceFailure("WaitCondition timed out. Received 0 conditions when expecting " + count);
                }
                signal.wait(Math.max(1, left / 1_000_000));
            }
        }
        throw new ResourceFailure("Resource creation cancelled");
    }

    /** Ends the waits of a stack whose update was cancelled (CancelUpdateStack). */
    void cancel(String stackId) {
        synchronized (signal) {
            cancelled.add(stackId);
            signal.notifyAll();
        }
    }

    /** Called when a stack operation starts: earlier cancellations no longer apply. */
    void reset(String stackId) {
        cancelled.remove(stackId);
    }

    @Override
    public Result update(Request request) {
        return new Result(request.physicalId().orElseThrow(), Map.of());
    }

    @Override
    public void delete(Request request) {}
}
