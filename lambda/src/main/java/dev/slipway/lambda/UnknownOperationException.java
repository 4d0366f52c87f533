package dev.slipway.lambda;

import dev.slipway.protocol.AwsServiceException;

/** Lambda's {@code UnknownOperationException} (HTTP 404). */
final class UnknownOperationException extends AwsServiceException {
    private UnknownOperationException(String message) {
        super("UnknownOperationException", message, 404);
    }

    static UnknownOperationException route(String method, String path) {
        return new UnknownOperationException("Unknown operation " + method + " " + path);
    }

    static UnknownOperationException notImplemented(String action) {
        return new UnknownOperationException("Slipway does not implement the Lambda action " + action + " yet.");
    }
}
