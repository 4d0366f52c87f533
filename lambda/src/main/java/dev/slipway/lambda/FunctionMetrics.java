package dev.slipway.lambda;

/**
 * Invocation metrics of one function since the service started (for release gates and reports).
 *
 * @param invocations invocations that ran (successes and function errors)
 * @param errors invocations that ended with a function error
 * @param throttles invocations refused with TooManyRequestsException
 * @param coldStarts invocations that started a new worker
 * @param p50Millis median duration of the recent invocations (up to the last 4,096), as the caller saw it
 * @param p99Millis 99th percentile of the same
 * @param maxMillis the longest of the same
 */
public record FunctionMetrics(long invocations, long errors, long throttles, long coldStarts, double p50Millis,
        double p99Millis, double maxMillis) {}
