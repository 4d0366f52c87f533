package dev.slipway.protocol.spi;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * How other services (API Gateway, schedules, event sources) invoke a Lambda function without
 * depending on the lambda module. The cloud module wires it to the Lambda service.
 */
public interface FunctionInvoker {
    /**
     * Invokes synchronously (InvocationType RequestResponse).
     *
     * @param function a function name or ARN (a qualified ARN names a version or alias)
     * @param qualifier a version or alias, or empty for the ARN's qualifier or $LATEST
     * @param payload the event JSON
     */
    Outcome invoke(String function, Optional<String> qualifier, byte[] payload);

    /**
     * Invokes as {@link #invoke} does (RequestResponse), without holding a thread while the function
     * runs: the stage completes with the outcome. The default runs {@link #invoke} on
     * {@code blocking}; the Lambda service overrides it and completes the stage on the thread that
     * took the worker's answer, so dependent stages must not block.
     *
     * @param blocking where an implementation that can only block runs
     */
    default CompletionStage<Outcome> submit(String function, Optional<String> qualifier, byte[] payload,
            Executor blocking) {
        return CompletableFuture.supplyAsync(() -> invoke(function, qualifier, payload), blocking);
    }

    /** Invokes asynchronously (InvocationType Event): queued, retried twice on error. */
    void invokeAsync(String function, Optional<String> qualifier, byte[] payload);

    /**
     * @param kind what happened
     * @param payload the response, or the error JSON Lambda returns for a function error
     * @param executedVersion the version that ran
     * @param durationMillis the invocation's duration
     * @param coldStart whether a new worker was started for it
     */
    record Outcome(Kind kind, byte[] payload, String executedVersion, double durationMillis, boolean coldStart) {
        public boolean ok() {
            return kind == Kind.SUCCESS;
        }
    }

    enum Kind {
        /** The handler returned. */
        SUCCESS,
        /** The handler threw, timed out, crashed, or its response was too large (X-Amz-Function-Error). */
        FUNCTION_ERROR,
        /** No capacity: reserved concurrency reached (TooManyRequestsException). */
        THROTTLED,
        /** The function does not exist. */
        NOT_FOUND
    }
}
