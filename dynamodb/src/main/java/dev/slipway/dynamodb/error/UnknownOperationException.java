package dev.slipway.dynamodb.error;

/** The X-Amz-Target names no DynamoDB action; DynamoDB answers without a message. */
public final class UnknownOperationException extends DynamoDbException {
    private UnknownOperationException() {
        super("UnknownOperationException", null, 400);
    }

    public static UnknownOperationException unknown() {
        return new UnknownOperationException();
    }
}
