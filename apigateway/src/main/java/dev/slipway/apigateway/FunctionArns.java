package dev.slipway.apigateway;

import java.util.Optional;

/**
 * Extracts the Lambda function ARN from an integration or authorizer URI, e.g.
 * {@code arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:svc-dev-users/invocations}
 * (qualified ARNs keep their {@code :alias}). HTTP API integrations may give the function ARN itself.
 */
final class FunctionArns {
    private static final String FUNCTIONS = "/functions/";
    private static final String INVOCATIONS = "/invocations";

    private FunctionArns() {}

    static Optional<String> fromUri(String uri) {
        if (uri == null || uri.isBlank()) {
            return Optional.empty();
        }
        int start = uri.indexOf(FUNCTIONS);
        if (start < 0) {
            return uri.startsWith("arn:") && uri.contains(":lambda:") && uri.contains(":function:")
                    ? Optional.of(uri) : Optional.empty();
        }
        String rest = uri.substring(start + FUNCTIONS.length());
        int end = rest.indexOf(INVOCATIONS);
        String arn = end < 0 ? rest : rest.substring(0, end);
        return arn.isEmpty() ? Optional.empty() : Optional.of(arn);
    }
}
