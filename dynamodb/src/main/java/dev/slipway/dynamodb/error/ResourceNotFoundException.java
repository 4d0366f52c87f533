package dev.slipway.dynamodb.error;

/** The table, index or stream named in a request does not exist (or is not ACTIVE). */
public final class ResourceNotFoundException extends DynamoDbException {
    private ResourceNotFoundException(String message) {
        super("ResourceNotFoundException", message, 400);
    }

    /** What item and query actions say for a missing table. */
    public static ResourceNotFoundException requestedResource() {
        return new ResourceNotFoundException("Requested resource not found");
    }

    /** What DescribeTable, DeleteTable and UpdateTable say. */
    public static ResourceNotFoundException table(String tableName) {
        return new ResourceNotFoundException("Requested resource not found: Table: " + tableName + " not found");
    }

    public static ResourceNotFoundException nonExistentTable() {
        return new ResourceNotFoundException("Cannot do operations on a non-existent table");
    }

    public static ResourceNotFoundException resourceArn(String arn) {
        return new ResourceNotFoundException("Requested resource not found: ResourcArn: " + arn + " not found");
    }

    public static ResourceNotFoundException stream(String arn) {
        return new ResourceNotFoundException("Requested resource not found: Stream: " + arn + " not found");
    }
}
