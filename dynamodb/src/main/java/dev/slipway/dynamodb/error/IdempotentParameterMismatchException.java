package dev.slipway.dynamodb.error;

/** A ClientRequestToken was reused within 10 minutes with a different request. */
public final class IdempotentParameterMismatchException extends DynamoDbException {
    private IdempotentParameterMismatchException(String message) {
        super("IdempotentParameterMismatchException", message, 400);
    }

    public static IdempotentParameterMismatchException differentRequest() {
        return new IdempotentParameterMismatchException(
                "Request parameters do not match with the parameters of the previous request with the same ClientRequestToken");
    }
}
