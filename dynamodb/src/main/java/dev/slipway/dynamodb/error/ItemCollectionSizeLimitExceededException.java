package dev.slipway.dynamodb.error;

/** An item collection of a table with local secondary indexes would exceed 10 GB. */
public final class ItemCollectionSizeLimitExceededException extends DynamoDbException {
    private ItemCollectionSizeLimitExceededException(String message) {
        super("ItemCollectionSizeLimitExceededException", message, 400);
    }

    public static ItemCollectionSizeLimitExceededException tooLarge() {
        return new ItemCollectionSizeLimitExceededException("Item collection size limit exceeded");
    }
}
