package dev.slipway.dynamodb.error;

/** An unexpected failure inside the engine; the request changed nothing. */
public final class InternalServerError extends DynamoDbException {
    private InternalServerError(String message) {
        super("InternalServerError", message, 500);
    }

    public static InternalServerError unexpected() {
        return new InternalServerError("Internal server error");
    }
}
