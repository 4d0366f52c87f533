package dev.slipway.dynamodb.error;

/** A PartiQL INSERT found an item with the same primary key. */
public final class DuplicateItemException extends DynamoDbException {
    private DuplicateItemException(String message) {
        super("DuplicateItemException", message, 400);
    }

    public static DuplicateItemException primaryKeyExists() {
        return new DuplicateItemException("Duplicate primary key exists in table");
    }
}
