package dev.slipway.lambda;

import dev.slipway.protocol.spi.FunctionInvoker;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/** {@link FunctionInvoker} over the Java API, for API Gateway, schedules and event sources. */
final class LambdaFunctionInvoker implements FunctionInvoker {
    private final LambdaService lambda;

    LambdaFunctionInvoker(LambdaService lambda) {
        this.lambda = lambda;
    }

    @Override
    public Outcome invoke(String function, Optional<String> qualifier, byte[] payload) {
        try {
            InvokeResponse r = lambda.invoke(new InvokeRequest(function, "RequestResponse", null, null,
                    qualifier.orElse(null), payload));
            return outcome(r);
        } catch (TooManyRequestsException e) {
            return new Outcome(Kind.THROTTLED, new byte[0], qualifier.orElse("$LATEST"), 0, false);
        } catch (ResourceNotFoundException e) {
            return new Outcome(Kind.NOT_FOUND, new byte[0], qualifier.orElse("$LATEST"), 0, false);
        }
    }

    /** Completes on the sandbox's Runtime API event loop when the worker answers; no thread waits. */
    @Override
    public CompletionStage<Outcome> submit(String function, Optional<String> qualifier, byte[] payload,
            Executor blocking) {
        try {
            return lambda.invokeServiceEvent(new InvokeRequest(function, "RequestResponse", null, null, qualifier.orElse(null),
                    payload)).thenApply(LambdaFunctionInvoker::outcome);
        } catch (TooManyRequestsException e) {
            return CompletableFuture.completedFuture(new Outcome(Kind.THROTTLED, new byte[0],
                    qualifier.orElse("$LATEST"), 0, false));
        } catch (ResourceNotFoundException e) {
            return CompletableFuture.completedFuture(new Outcome(Kind.NOT_FOUND, new byte[0],
                    qualifier.orElse("$LATEST"), 0, false));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static Outcome outcome(InvokeResponse r) {
        return new Outcome(r.functionError().isPresent() ? Kind.FUNCTION_ERROR : Kind.SUCCESS, r.payload(),
                r.executedVersion(), r.durationMillis(), r.coldStart());
    }

    @Override
    public void invokeAsync(String function, Optional<String> qualifier, byte[] payload) {
        lambda.invoke(new InvokeRequest(function, "Event", null, null, qualifier.orElse(null), payload));
    }
}
