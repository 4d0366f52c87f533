package dev.slipway.cloudformation;

import dev.slipway.protocol.AwsServiceException;

/** {@code ChangeSetNotFound} (HTTP 404 per botocore's model). */
public final class ChangeSetNotFoundException extends AwsServiceException {
    private ChangeSetNotFoundException(String message) {
        super("ChangeSetNotFound", message, 404);
    }

    static ChangeSetNotFoundException of(String nameOrId) {
        return new ChangeSetNotFoundException("ChangeSet [" + nameOrId + "] does not exist");
    }
}
