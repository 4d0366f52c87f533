package dev.slipway.dynamodb.error;

/** A DynamoDB action that Slipway does not implement yet; the message names it. */
public final class NotImplementedException extends DynamoDbException {
    private NotImplementedException(String message) {
        super("ValidationException", message, 400);
    }

    public static NotImplementedException action(String action) {
        return new NotImplementedException("Slipway does not implement the DynamoDB action " + action + " yet");
    }
}
