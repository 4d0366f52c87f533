package dev.slipway.lambda;

import dev.slipway.protocol.AwsServiceException;

/** Lambda's {@code ResourceConflictException} (HTTP 409). */
final class ResourceConflictException extends AwsServiceException {
    private ResourceConflictException(String message) {
        super("ResourceConflictException", message, 409);
    }

    static ResourceConflictException functionExists(String name) {
        return new ResourceConflictException("Function already exist: " + name);
    }

    static ResourceConflictException aliasExists(String aliasArn) {
        return new ResourceConflictException("Alias already exists: " + aliasArn);
    }

    static ResourceConflictException versionUsedByAliases(java.util.List<String> aliases) {
        return new ResourceConflictException("Unable to delete version because the following aliases reference it: "
                + aliases);
    }

    static ResourceConflictException statementExists(String sid) {
        return new ResourceConflictException("The statement id (" + sid + ") provided already exists. "
                + "Please provide a new statement id, or remove the existing statement.");
    }
}
