package dev.slipway.apigateway;

import java.time.Duration;

/**
 * API Gateway's limits, as stated on
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html (REST) and
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html (HTTP).
 */
final class Limits {
    /** Payload size: 10 MB for REST and HTTP APIs. */
    static final int MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;
    /** REST integration timeout: 29 s by default (raisable since June 2024). */
    static final Duration DEFAULT_INTEGRATION_TIMEOUT = Duration.ofSeconds(29);
    /** HTTP API integration timeout: 30 s maximum. */
    static final Duration HTTP_API_MAX_TIMEOUT = Duration.ofSeconds(30);
    /** Lambda authorizer result TTL: at most 3600 s; 300 s is the console's default. */
    static final int MAX_AUTHORIZER_TTL_SECONDS = 3600;

    private Limits() {}
}
