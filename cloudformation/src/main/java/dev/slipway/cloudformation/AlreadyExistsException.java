package dev.slipway.cloudformation;

import dev.slipway.protocol.AwsServiceException;

/** {@code AlreadyExistsException}: a stack or change set by that name exists. */
public final class AlreadyExistsException extends AwsServiceException {
    private AlreadyExistsException(String message) {
        super("AlreadyExistsException", message, 400);
    }

    static AlreadyExistsException stack(String name) {
        return new AlreadyExistsException("Stack [" + name + "] already exists");
    }

    static AlreadyExistsException changeSet(String name) {
        return new AlreadyExistsException("ChangeSet [" + name + "] already exists");
    }
}
