package dev.slipway.dynamodb.error;

/** An account or table limit (concurrent table operations, index count) was exceeded. */
public final class LimitExceededException extends DynamoDbException {
    private LimitExceededException(String message) {
        super("LimitExceededException", message, 400);
    }

    public static LimitExceededException subscriberLimit(int tables) {
        return new LimitExceededException("Subscriber limit exceeded: Only " + tables
                + " tables can be created, updated, or deleted simultaneously");
    }
}
