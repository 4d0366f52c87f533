package dev.slipway.lambda;

import dev.slipway.protocol.AwsServiceException;

/** Lambda's {@code PreconditionFailedException} (HTTP 412). */
final class PreconditionFailedException extends AwsServiceException {
    private PreconditionFailedException(String message) {
        super("PreconditionFailedException", message, 412);
    }

    static PreconditionFailedException revision() {
        return new PreconditionFailedException("The Revision Id provided does not match the latest Revision Id. "
                + "Call the GetFunction/GetAlias API to retrieve the latest Revision Id");
    }
}
