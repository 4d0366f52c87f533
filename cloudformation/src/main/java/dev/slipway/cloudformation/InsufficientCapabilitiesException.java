package dev.slipway.cloudformation;

import dev.slipway.protocol.AwsServiceException;

/** {@code InsufficientCapabilitiesException}: IAM resources need CAPABILITY_IAM / CAPABILITY_NAMED_IAM. */
public final class InsufficientCapabilitiesException extends AwsServiceException {
    private InsufficientCapabilitiesException(String message) {
        super("InsufficientCapabilitiesException", message, 400);
    }

    static InsufficientCapabilitiesException requires(String capability) {
        return new InsufficientCapabilitiesException("Requires capabilities : [" + capability + "]");
    }
}
