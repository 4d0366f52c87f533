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

    /** Provisioned concurrency on an alias whose version has its own (LocalStack's AWS snapshots, 2026-11-26). */
    static ResourceConflictException versionAlreadyProvisioned() {
        return new ResourceConflictException(
                "Alias can't be used for Provisioned Concurrency configuration on an already Provisioned version");
    }

    /** Provisioned concurrency on a version an alias with its own points to (LocalStack's AWS snapshots). */
    static ResourceConflictException versionPointedByProvisionedAlias() {
        return new ResourceConflictException("Version is pointed by a Provisioned Concurrency alias");
    }
}
