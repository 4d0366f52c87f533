package dev.slipway.cloudformation;

import dev.slipway.protocol.AwsServiceException;

/** {@code InvalidChangeSetStatus}: the change set cannot be executed in its current state. */
public final class InvalidChangeSetStatusException extends AwsServiceException {
    private InvalidChangeSetStatusException(String message) {
        super("InvalidChangeSetStatus", message, 400);
    }

    static InvalidChangeSetStatusException notExecutable(String changeSetId, String status) {
        return new InvalidChangeSetStatusException("ChangeSet [" + changeSetId
                + "] cannot be executed in its current execution status of [" + status + "]");
    }
}
