package dev.slipway.lambda;

import dev.slipway.protocol.AwsServiceException;

/** Lambda's {@code TooManyRequestsException} (HTTP 429), with its {@code Reason} and Retry-After. */
final class TooManyRequestsException extends AwsServiceException {
    private final String reason;

    private TooManyRequestsException(String message, String reason) {
        super("TooManyRequestsException", message, 429);
        this.reason = reason;
    }

    /** Recorded from Lambda (2024): reserved concurrency reached. */
    static TooManyRequestsException reservedConcurrency() {
        return new TooManyRequestsException("Rate Exceeded.", "ReservedFunctionConcurrentInvocationLimitExceeded");
    }

    String reason() {
        return reason;
    }
}
