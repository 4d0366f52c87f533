package dev.slipway.lambda;

import dev.slipway.protocol.AwsServiceException;

/** Lambda's {@code ServiceException} (HTTP 500). */
final class ServiceException extends AwsServiceException {
    private ServiceException(String message) {
        super("ServiceException", message, 500);
    }

    static ServiceException internal(String what) {
        return new ServiceException("Slipway could not complete the request: " + what);
    }
}
