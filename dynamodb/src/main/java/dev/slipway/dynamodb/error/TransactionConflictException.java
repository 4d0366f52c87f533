package dev.slipway.dynamodb.error;

/** Another transaction holds one of the items. Slipway serialises transactions, so this is rare. */
public final class TransactionConflictException extends DynamoDbException {
    private TransactionConflictException(String message) {
        super("TransactionConflictException", message, 400);
    }

    public static TransactionConflictException inProgress() {
        return new TransactionConflictException("Transaction is ongoing for the item");
    }
}
