package dev.slipway.lambda;

import dev.slipway.protocol.AwsServiceException;

/** Lambda's {@code RequestTooLargeException} (HTTP 413). */
final class RequestTooLargeException extends AwsServiceException {
    private RequestTooLargeException(String message) {
        super("RequestTooLargeException", message, 413);
    }

    static RequestTooLargeException invoke(int limit) {
        return new RequestTooLargeException("Request must be smaller than " + limit + " bytes for the InvokeFunction operation");
    }
}
