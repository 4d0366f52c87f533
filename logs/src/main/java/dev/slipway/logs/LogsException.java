package dev.slipway.logs;

import dev.slipway.protocol.AwsServiceException;
import java.util.List;

/**
 * A CloudWatch Logs error (JSON 1.1: {@code {"__type": code, "message": ...}}, status 400). One class
 * with a named factory per message: the service has few error codes and many messages per code.
 */
public final class LogsException extends AwsServiceException {
    private LogsException(String code, String message, int status) {
        super(code, message, status);
    }

    static LogsException groupNotFound() {
        return new LogsException("ResourceNotFoundException", "The specified log group does not exist.", 400);
    }

    static LogsException streamNotFound() {
        return new LogsException("ResourceNotFoundException", "The specified log stream does not exist.", 400);
    }

    static LogsException groupExists() {
        return new LogsException("ResourceAlreadyExistsException", "The specified log group already exists", 400);
    }

    static LogsException streamExists() {
        return new LogsException("ResourceAlreadyExistsException", "The specified log stream already exists", 400);
    }

    static LogsException validation(List<String> violations) {
        String head = violations.size() + " validation error" + (violations.size() == 1 ? "" : "s") + " detected: ";
        return new LogsException("InvalidParameterException",
                head + String.join("; ", violations.subList(0, Math.min(10, violations.size()))), 400);
    }

    static LogsException invalidParameter(String message) {
        return new LogsException("InvalidParameterException", message, 400);
    }

    static LogsException serialization(String message) {
        return new LogsException("SerializationException", message, 400);
    }

    static LogsException unknownOperation(String target) {
        return new LogsException("UnknownOperationException",
                "The " + target + " action is not implemented by the local cloud's CloudWatch Logs", 400);
    }
}
