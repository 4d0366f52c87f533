package dev.slipway.lambda;

import dev.slipway.protocol.AwsServiceException;

/** Lambda's {@code ResourceNotFoundException} (HTTP 404). */
final class ResourceNotFoundException extends AwsServiceException {
    private ResourceNotFoundException(String message) {
        super("ResourceNotFoundException", message, 404);
    }

    static ResourceNotFoundException function(String arn) {
        return new ResourceNotFoundException("Function not found: " + arn);
    }

    static ResourceNotFoundException alias(String aliasArn) {
        return new ResourceNotFoundException("Alias not found: " + aliasArn);
    }

    static ResourceNotFoundException policy() {
        return new ResourceNotFoundException("The resource you requested does not exist.");
    }

    static ResourceNotFoundException statement(String sid) {
        return new ResourceNotFoundException("Statement " + sid + " is not found in resource policy.");
    }

    /** The provisioned concurrency actions' wording for a missing alias (LocalStack's AWS snapshots, 2026-11-26). */
    static ResourceNotFoundException aliasArn(String aliasArn) {
        return new ResourceNotFoundException("Cannot find alias arn: " + aliasArn);
    }
}
