package dev.slipway.lambda;

import dev.slipway.protocol.AwsServiceException;

/** Lambda's {@code ProvisionedConcurrencyConfigNotFoundException} (HTTP 404). */
final class ProvisionedConcurrencyConfigNotFoundException extends AwsServiceException {
    private ProvisionedConcurrencyConfigNotFoundException(String message) {
        super("ProvisionedConcurrencyConfigNotFoundException", message, 404);
    }

    /** As LocalStack's snapshot tests record AWS's answer (read 2026-11-26). */
    static ProvisionedConcurrencyConfigNotFoundException of() {
        return new ProvisionedConcurrencyConfigNotFoundException("No Provisioned Concurrency Config found for this function");
    }
}
