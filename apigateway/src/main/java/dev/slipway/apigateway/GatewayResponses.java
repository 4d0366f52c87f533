package dev.slipway.apigateway;

import dev.slipway.protocol.http.HttpResponse;

/**
 * API Gateway's own answers (gateway responses), with the default bodies and the
 * {@code x-amzn-ErrorType} AWS sends. Source: "Gateway response types for API Gateway"
 * (docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html).
 */
final class GatewayResponses {
    private GatewayResponses() {}

    static HttpResponse missingAuthenticationToken(String requestId) {
        return of(403, "{\"message\":\"Missing Authentication Token\"}", "IncompleteSignatureException", requestId);
    }

    static HttpResponse unauthorized(String requestId) {
        return of(401, "{\"message\":\"Unauthorized\"}", "UnauthorizedException", requestId);
    }

    static HttpResponse explicitDeny(String requestId) {
        return of(403, "{\"message\":\"User is not authorized to access this resource with an explicit deny\"}",
                "AccessDeniedException", requestId);
    }

    static HttpResponse implicitDeny(String requestId) {
        return of(403, "{\"message\":\"User is not authorized to access this resource\"}", "AccessDeniedException",
                requestId);
    }

    /** The authorizer failed (threw something other than "Unauthorized", or returned no valid policy). */
    static HttpResponse authorizerFailure(String requestId) {
        return of(500, "{\"message\": null}", "AuthorizerConfigurationException", requestId);
    }

    static HttpResponse invalidApiKey(String requestId) {
        return of(403, "{\"message\":\"Forbidden\"}", "ForbiddenException", requestId);
    }

    static HttpResponse internalError(String requestId) {
        return of(502, "{\"message\": \"Internal server error\"}", "InternalServerErrorException", requestId);
    }

    static HttpResponse timeout(String requestId) {
        return of(504, "{\"message\": \"Endpoint request timed out\"}", "InternalServerErrorException", requestId);
    }

    static HttpResponse throttled(String requestId) {
        return of(429, "{\"message\":\"Too Many Requests\"}", "TooManyRequestsException", requestId);
    }

    static HttpResponse tooLarge(String requestId) {
        return of(413, "{\"message\":\"Request Too Long\"}", "RequestTooLongException", requestId);
    }

    // HTTP APIs answer with their own, differently worded, bodies.

    static HttpResponse httpNotFound(String requestId) {
        return http(404, "{\"message\":\"Not Found\"}", requestId);
    }

    static HttpResponse httpUnauthorized(String requestId) {
        return http(401, "{\"message\":\"Unauthorized\"}", requestId).header("www-authenticate", "Bearer");
    }

    static HttpResponse httpForbidden(String requestId) {
        return http(403, "{\"message\":\"Forbidden\"}", requestId);
    }

    static HttpResponse httpInternalError(String requestId) {
        return http(500, "{\"message\":\"Internal Server Error\"}", requestId);
    }

    static HttpResponse httpTimeout(String requestId) {
        return http(503, "{\"message\":\"Service Unavailable\"}", requestId);
    }

    static HttpResponse httpThrottled(String requestId) {
        return http(429, "{\"message\":\"Too Many Requests\"}", requestId);
    }

    static HttpResponse httpTooLarge(String requestId) {
        return http(413, "{\"message\":\"Request Entity Too Large\"}", requestId);
    }

    /** The gateway response type of one of this class's REST answers, or null for anything else. */
    static String responseType(HttpResponse r) {
        String errorType = r.headers().get("x-amzn-ErrorType");
        if (errorType == null) {
            return null;
        }
        return switch (errorType) {
            case "IncompleteSignatureException" -> "MISSING_AUTHENTICATION_TOKEN";
            case "UnauthorizedException" -> "UNAUTHORIZED";
            case "AccessDeniedException" -> "ACCESS_DENIED";
            case "AuthorizerConfigurationException" -> "AUTHORIZER_CONFIGURATION_ERROR";
            case "ForbiddenException" -> "INVALID_API_KEY";
            case "TooManyRequestsException" -> "THROTTLED";
            case "RequestTooLongException" -> "REQUEST_TOO_LARGE";
            case "InternalServerErrorException" -> r.status() == 504 ? "INTEGRATION_TIMEOUT" : "INTEGRATION_FAILURE";
            default -> null;
        };
    }

    /**
     * Applies the API's AWS::ApiGateway::GatewayResponse customisations (its own type first, then
     * DEFAULT_4XX or DEFAULT_5XX): headers from {@code gatewayresponse.header.*} and the status code.
     */
    static HttpResponse customise(RestApi api, HttpResponse r) {
        String type = responseType(r);
        if (type == null || api.gatewayResponses.isEmpty()) {
            return r;
        }
        RestApi.GatewayResponse g = api.gatewayResponses.get(type);
        if (g == null) {
            g = api.gatewayResponses.get(r.status() >= 500 ? "DEFAULT_5XX" : "DEFAULT_4XX");
        }
        if (g == null) {
            return r;
        }
        HttpResponse out = r;
        if (g.statusCode() != null) {
            try {
                out = HttpResponse.status(Integer.parseInt(g.statusCode())).body(r.body());
                HttpResponse target = out;
                r.headers().forEach(target::header);
            } catch (NumberFormatException e) {
                out = r;
            }
        }
        for (var h : g.headers().entrySet()) {
            out.headers().set(h.getKey(), h.getValue());
        }
        return out;
    }

    private static HttpResponse of(int status, String body, String errorType, String requestId) {
        return HttpResponse.json(status, body).header("x-amzn-RequestId", requestId)
                .header("x-amzn-ErrorType", errorType);
    }

    private static HttpResponse http(int status, String body, String requestId) {
        return HttpResponse.json(status, body).header("apigw-requestid", requestId);
    }
}
