package dev.slipway.dynamodb.error;

/** A transaction with the same ClientRequestToken is still running. */
public final class TransactionInProgressException extends DynamoDbException {
    private TransactionInProgressException(String message) {
        super("TransactionInProgressException", message, 400);
    }

    public static TransactionInProgressException sameToken() {
        return new TransactionInProgressException("Transaction with the same ClientRequestToken is in progress");
    }
}
