package dev.slipway.dynamodb.error;

/** The table exists already, or is not in a state that allows the operation. */
public final class ResourceInUseException extends DynamoDbException {
    private ResourceInUseException(String message) {
        super("ResourceInUseException", message, 400);
    }

    public static ResourceInUseException tableExists(String tableName) {
        return new ResourceInUseException("Table already exists: " + tableName);
    }

    public static ResourceInUseException tableBeingCreated(String tableName) {
        return new ResourceInUseException("Attempt to change a resource which is still in use: Table is being created: "
                + tableName);
    }

    public static ResourceInUseException tableBeingDeleted(String tableName) {
        return new ResourceInUseException("Attempt to change a resource which is still in use: Table is being deleted: "
                + tableName);
    }
}
