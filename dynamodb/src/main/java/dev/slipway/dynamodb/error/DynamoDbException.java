package dev.slipway.dynamodb.error;

import dev.slipway.protocol.AwsServiceException;

/**
 * Base of DynamoDB's errors. The wire codec renders {@code {"__type":
 * "com.amazonaws.dynamodb.v20120810#<code>","message":"..."}} with the HTTP status (400 for
 * client errors, 500 for InternalServerError).
 */
public class DynamoDbException extends AwsServiceException {
    public DynamoDbException(String errorCode, String message, int httpStatus) {
        super(errorCode, message, httpStatus);
    }

    /** The {@code __type} DynamoDB puts in its JSON error body. */
    public String wireType() {
        String prefix = errorCode().equals("ValidationException") || errorCode().equals("SerializationException")
                || errorCode().equals("UnknownOperationException") || errorCode().equals("MissingAuthenticationTokenException")
                ? "com.amazon.coral.validate#" : "com.amazonaws.dynamodb.v20120810#";
        if (errorCode().equals("SerializationException")) {
            prefix = "com.amazon.coral.service#";
        }
        if (errorCode().equals("UnknownOperationException")) {
            prefix = "com.amazon.coral.service#";
        }
        return prefix + errorCode();
    }
}
