package dev.slipway.dynamodb.error;

/**
 * DynamoDB's ValidationException (HTTP 400). Messages are built by named factory methods, each
 * reproducing DynamoDB's exact text; add one per message rather than building text at the throw site.
 */
public final class ValidationException extends DynamoDbException {
    public ValidationException(String message) {
        super("ValidationException", message, 400);
    }

    /** "Invalid &lt;Kind&gt;: &lt;detail&gt;" as DynamoDB reports expression problems, e.g. kind "UpdateExpression". */
    public static ValidationException invalidExpression(String kind, String detail) {
        return new ValidationException("Invalid " + kind + ": " + detail);
    }
}
