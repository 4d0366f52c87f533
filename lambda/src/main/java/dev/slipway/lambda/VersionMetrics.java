package dev.slipway.lambda;

/**
 * Invocation metrics of one version of a function (the version that executed, also when the
 * function was invoked through an alias), for release gates. Totals count since the service
 * started; the window holds the invocations numbered above {@code after} (at most the last 4,096),
 * so a reader that remembers {@code invocations} can ask for what happened since.
 *
 * @param function the function's name
 * @param version the executed version ({@code $LATEST} or a number)
 * @param invocations invocations that ran (successes and function errors); also the number of the latest one
 * @param errors invocations that ended with a function error
 * @param throttles invocations refused with TooManyRequestsException
 * @param coldStarts invocations that started a new worker
 * @param after the window starts after this invocation number
 * @param windowInvocations invocations in the window
 * @param windowErrors function errors in the window
 * @param p50Millis median duration in the window, as the caller saw it
 * @param p90Millis 90th percentile of the same
 * @param p99Millis 99th percentile of the same
 * @param maxMillis the longest of the same
 */
public record VersionMetrics(String function, String version, long invocations, long errors, long throttles,
        long coldStarts, long after, long windowInvocations, long windowErrors, double p50Millis, double p90Millis,
        double p99Millis, double maxMillis) {}
