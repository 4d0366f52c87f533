package dev.slipway.dynamodb.error;

/** The request body is not JSON, or a member has the wrong JSON type. */
public final class SerializationException extends DynamoDbException {
    private SerializationException(String message) {
        super("SerializationException", message, 400);
    }

    /** Malformed JSON: DynamoDB answers without a message. */
    public static SerializationException malformed() {
        return new SerializationException(null);
    }

    public static SerializationException notConvertible(String javaClass, String target) {
        return new SerializationException("class " + javaClass + " can not be converted to an " + target);
    }

    public static SerializationException unexpectedStructure() {
        return new SerializationException("Start of structure or map found where not expected.");
    }

    public static SerializationException unexpectedList() {
        return new SerializationException("Start of list found where not expected");
    }

    public static SerializationException expected(String what) {
        return new SerializationException("Expected " + what);
    }

    public static SerializationException notABlob(String value, String reason) {
        return new SerializationException("'" + value + "' can not be converted to a Blob: " + reason);
    }

    public static SerializationException notABoolean(String value) {
        return new SerializationException("'" + value.toUpperCase(java.util.Locale.ROOT) + "' can not be converted to an Boolean");
    }
}
