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
    /** "N validation error(s) detected: a; b" for declarative constraint violations (at most 10). */
    public static ValidationException constraints(java.util.List<String> violations) {
        int n = violations.size();
        return new ValidationException(n + " validation error" + (n == 1 ? "" : "s") + " detected: "
                + String.join("; ", violations));
    }

    /** "One or more parameter values were invalid: detail". */
    public static ValidationException invalidParameter(String detail) {
        return new ValidationException("One or more parameter values were invalid: " + detail);
    }

    public static ValidationException keyMismatch() {
        return new ValidationException("The provided key element does not match the schema");
    }

    public static ValidationException missingKey(String attribute) {
        return invalidParameter("Missing the key " + attribute + " in the item");
    }

    public static ValidationException keyTypeMismatch(String attribute, String expected, String actual) {
        return invalidParameter("Type mismatch for key " + attribute + " expected: " + expected + " actual: " + actual);
    }

    public static ValidationException indexKeyTypeMismatch(String index, String attribute, String expected, String actual) {
        return invalidParameter("Type mismatch for Index Key " + attribute + " Expected: " + expected + " Actual: "
                + actual + " IndexName: " + index);
    }

    public static ValidationException emptyKeyString(String attribute) {
        return new ValidationException("One or more parameter values are not valid. The AttributeValue for a key attribute "
                + "cannot contain an empty string value. Key: " + attribute);
    }

    public static ValidationException emptyKeyBinary(String attribute) {
        return new ValidationException("One or more parameter values are not valid. The AttributeValue for a key attribute "
                + "cannot contain an empty binary value. Key: " + attribute);
    }

    public static ValidationException emptyIndexKeyString(String index, String attribute) {
        return new ValidationException("One or more parameter values are not valid. A value specified for a secondary "
                + "index key is not supported. The AttributeValue for a key attribute cannot contain an empty string value. "
                + "IndexName: " + index + ", IndexKey: " + attribute);
    }

    public static ValidationException hashKeyTooLarge() {
        return invalidParameter("Size of hashkey has exceeded the maximum size limit of 2048 bytes");
    }

    public static ValidationException rangeKeyTooLarge() {
        return invalidParameter("Aggregated size of all range keys has exceeded the size limit of 1024 bytes");
    }

    public static ValidationException itemTooLarge() {
        return new ValidationException("Item size has exceeded the maximum allowed size");
    }

    public static ValidationException emptyAttributeValue() {
        return new ValidationException("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
    }

    public static ValidationException multipleDatatypes() {
        return new ValidationException(
                "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
    }

    public static ValidationException emptySet(String type) {
        return switch (type) {
            case "SS" -> invalidParameter("An string set  may not be empty");
            case "NS" -> invalidParameter("An number set  may not be empty");
            default -> invalidParameter("Binary sets should not be empty");
        };
    }

    public static ValidationException duplicatesInSet(String rendered, String type) {
        return switch (type) {
            case "NS" -> new ValidationException("Input collection contains duplicates");
            case "BS" -> invalidParameter("Input collection " + rendered + "of type BS contains duplicates.");
            default -> invalidParameter("Input collection " + rendered + " contains duplicates.");
        };
    }

    public static ValidationException notANumber(String value) {
        return new ValidationException("The parameter cannot be converted to a numeric value: " + value);
    }

    public static ValidationException emptyNumber() {
        return new ValidationException("The parameter cannot be converted to a numeric value");
    }

    public static ValidationException numberOverflow() {
        return new ValidationException(
                "Number overflow. Attempting to store a number with magnitude larger than supported range");
    }

    public static ValidationException numberUnderflow() {
        return new ValidationException(
                "Number underflow. Attempting to store a number with magnitude smaller than supported range");
    }

    public static ValidationException tooManyDigits() {
        return new ValidationException("Attempting to store more than 38 significant digits in a Number");
    }

    public static ValidationException noSuchIndex(String index) {
        return new ValidationException("The table does not have the specified index: " + index);
    }

    public static ValidationException invalidStartKey(String detail) {
        return new ValidationException("The provided starting key is invalid: " + detail);
    }

    public static ValidationException returnValuesPutDelete() {
        return new ValidationException("ReturnValues can only be ALL_OLD or NONE");
    }

    public static ValidationException tableName(String detail) {
        return new ValidationException(detail);
    }

    /** A single plain message from DynamoDB's per-action semantic checks (one factory per family above). */
    public static ValidationException of(String message) {
        return new ValidationException(message);
    }
}
