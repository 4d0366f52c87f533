package dev.slipway.deploy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.DescribeStackEventsResponse;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;

/**
 * Follows a stack until it reaches a settled status, reporting each new event once, oldest first.
 * DescribeStackEvents answers newest first, so each poll reads pages until it meets an event it has
 * already seen.
 */
final class StackWatcher {
    private final CloudFormationClient cfn;
    private final Target target;
    private final DeployListener listener;
    private final Set<String> seen = new HashSet<>();
    private final List<StackEvent> events = new ArrayList<>();

    StackWatcher(CloudFormationClient cfn, Target target, DeployListener listener) {
        this.cfn = cfn;
        this.target = target;
        this.listener = listener;
    }

    /**
     * Marks the events that exist now as seen, so only what follows is reported. The newest page is
     * enough: a poll stops at the first event it has seen, and new events come before it.
     */
    void markCurrent(String stackName) {
        poll(stackName, false);
    }

    /**
     * Polls until the stack settles; returns its final state (empty if it was deleted). The status
     * is read every {@link Target#pollInterval}, the events every {@link Target#eventPollInterval}
     * and once more when the stack has settled, so every event is still reported, in order.
     */
    Optional<Stack> await(String stackName) {
        long nextEvents = System.nanoTime();
        while (true) {
            Optional<Stack> stack = describe(cfn, stackName);
            if (stack.isEmpty() || isSettled(stack.get().stackStatusAsString())) {
                poll(stackName, true);
                if (!target.isLocal()) {
                    poll(stackName, true); // AWS's events may trail its status (the local cloud writes both at once)
                }
                return stack;
            }
            if (System.nanoTime() - nextEvents >= 0) {
                poll(stackName, true);
                nextEvents = System.nanoTime()
                        + (listener.needsPromptEvents() ? target.pollInterval() : target.eventPollInterval()).toNanos();
            }
            sleep();
        }
    }

    /** Events reported since {@link #markCurrent}, oldest first. */
    List<StackEvent> events() {
        return events;
    }

    private void poll(String stackName, boolean report) {
        List<StackEvent> fresh = new ArrayList<>();
        String token = null;
        try {
            outer:
            do {
                String t = token;
                DescribeStackEventsResponse page = cfn.describeStackEvents(b -> b.stackName(stackName).nextToken(t));
                for (StackEvent e : page.stackEvents()) {
                    if (!seen.add(e.eventId())) {
                        break outer;
                    }
                    fresh.add(e);
                }
                token = report ? page.nextToken() : null;
            } while (token != null);
        } catch (CloudFormationException e) {
            if (!isMissingStack(e)) {
                throw e;
            }
        }
        if (report) {
            for (int i = fresh.size() - 1; i >= 0; i--) {
                StackEvent e = fresh.get(i);
                events.add(e);
                listener.stackEvent(e.logicalResourceId(), e.resourceType(), e.resourceStatusAsString(),
                        e.resourceStatusReason());
            }
        }
    }

    static Optional<Stack> describe(CloudFormationClient cfn, String stackName) {
        try {
            List<Stack> stacks = cfn.describeStacks(b -> b.stackName(stackName)).stacks();
            return stacks.isEmpty() ? Optional.empty() : Optional.of(stacks.get(0));
        } catch (CloudFormationException e) {
            if (isMissingStack(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    static boolean isMissingStack(CloudFormationException e) {
        String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
        return message != null && message.contains("does not exist");
    }

    static boolean isSettled(String status) {
        return status != null && !status.endsWith("_IN_PROGRESS");
    }

    private void sleep() {
        try {
            Thread.sleep(target.pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeployException("interrupted while waiting for the stack",
                    "the stack keeps going on the server; run the deploy again to continue from where it is");
        }
    }
}
