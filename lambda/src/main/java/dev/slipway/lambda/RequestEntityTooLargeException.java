package dev.slipway.lambda;

import dev.slipway.protocol.AwsServiceException;

/** Lambda's {@code RequestEntityTooLargeException} (HTTP 413). */
final class RequestEntityTooLargeException extends AwsServiceException {
    private RequestEntityTooLargeException(String message) {
        super("RequestEntityTooLargeException", message, 413);
    }

    /**
     * A Code.ZipFile over 50 MB: Lambda measures the request, whose JSON carries the zip in base64
     * (50 MB × 4/3 = 69,905,067 bytes), and names the operation.
     */
    static RequestEntityTooLargeException zipFile(String operation) {
        return new RequestEntityTooLargeException("Request must be smaller than 69905067 bytes for the " + operation
                + " operation");
    }
}
