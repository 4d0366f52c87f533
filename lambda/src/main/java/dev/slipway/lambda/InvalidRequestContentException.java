package dev.slipway.lambda;

import dev.slipway.protocol.AwsServiceException;

/** Lambda's {@code InvalidRequestContentException} (HTTP 400). */
final class InvalidRequestContentException extends AwsServiceException {
    private InvalidRequestContentException(String message) {
        super("InvalidRequestContentException", message, 400);
    }

    static InvalidRequestContentException payloadNotJson(String parserMessage) {
        return new InvalidRequestContentException(
                "Could not parse request body into json: Could not parse payload into json: " + parserMessage);
    }

    static InvalidRequestContentException bodyNotJson(String parserMessage) {
        return new InvalidRequestContentException("Could not parse request body into json: " + parserMessage);
    }

    static InvalidRequestContentException clientContext() {
        return new InvalidRequestContentException("Client context must be a valid Base64-encoded JSON object.");
    }
}
