package dev.slipway.lambda;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Lambda's {@code InvocationResponse}.
 *
 * @param statusCode 200 (RequestResponse), 202 (Event) or 204 (DryRun)
 * @param functionError "Unhandled" when the function failed (the payload is then the error JSON)
 * @param logResult the last 4 KB of the log, base64, when Tail was asked for
 * @param executedVersion the version that ran
 * @param coldStart whether a new worker was started for this invocation (Slipway)
 * @param durationMillis the invocation's duration (Slipway)
 */
public record InvokeResponse(int statusCode, Optional<String> functionError, Optional<String> logResult, byte[] payload,
        String executedVersion, boolean coldStart, double durationMillis) {

    public String payloadAsString() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
