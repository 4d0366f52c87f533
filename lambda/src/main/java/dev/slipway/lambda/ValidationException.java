package dev.slipway.lambda;

import dev.slipway.protocol.AwsServiceException;

/** Lambda's {@code ValidationException} (HTTP 400). */
final class ValidationException extends AwsServiceException {
    private ValidationException(String message) {
        super("ValidationException", message, 400);
    }

    /** Lambda's "N validation errors detected: ..." form; {@code errors} holds at most 10 entries. */
    static ValidationException of(java.util.List<String> errors) {
        String head = errors.size() == 1 ? "1 validation error detected: " : errors.size() + " validation errors detected: ";
        return new ValidationException(head + String.join("; ", errors.subList(0, Math.min(10, errors.size()))));
    }

    static String constraint(Object value, String member, String constraint) {
        return "Value " + (value == null ? "null" : "'" + value + "'") + " at '" + member
                + "' failed to satisfy constraint: " + constraint;
    }
}
