package dev.slipway.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One entry of a function's {@code events:}, typed for the kinds Slipway compiles. */
public sealed interface Event {
    /** The event's settings as written (after variable resolution). */
    JsonNode config();

    /**
     * {@code http}: an API Gateway REST API route, Lambda proxy integration.
     *
     * @param path   without leading or trailing slash ({@code ""} is the root)
     * @param method upper case; {@code ANY} for any
     */
    record Http(String path, String method, Optional<Cors> cors, Optional<JsonNode> authorizer,
            Map<String, Boolean> requestPaths, Map<String, Boolean> requestQueryStrings,
            Map<String, Boolean> requestHeaders, boolean isPrivate, JsonNode config) implements Event {}

    /** {@code httpApi}: an HTTP API (v2) route; {@code routeKey} is {@code "GET /x"} or {@code "*"}. */
    record HttpApi(String method, String path, Optional<String> authorizer, JsonNode config) implements Event {
        public String routeKey() {
            return method.equals("*") && path.equals("*") ? "*" : method + " " + path;
        }
    }

    /** {@code schedule}: one or several rate/cron expressions. */
    record Schedule(List<String> expressions, boolean enabled, Optional<JsonNode> input, Optional<String> inputPath,
            Optional<JsonNode> inputTransformer, Optional<String> name, Optional<String> description,
            JsonNode config) implements Event {}

    /** {@code sqs}: queue ARN (a string or an intrinsic). */
    record Sqs(JsonNode arn, int batchSize, Optional<Integer> maximumBatchingWindow, boolean enabled,
            Optional<String> functionResponseType, JsonNode config) implements Event {}

    /** {@code sns}: a topic created by the Framework ({@code topicName}) or an existing one ({@code arn}). */
    record Sns(Optional<String> topicName, Optional<JsonNode> arn, Optional<JsonNode> filterPolicy,
            JsonNode config) implements Event {}

    /** {@code s3}: a bucket the Framework creates, notifying the function. */
    record S3(String bucket, String event, List<JsonNode> rules, boolean existing, JsonNode config) implements Event {}

    /** {@code stream}: DynamoDB or Kinesis stream event source mapping. */
    record Stream(String type, JsonNode arn, int batchSize, String startingPosition, boolean enabled,
            JsonNode config) implements Event {}

    /** Any other event type: kept, reported as not compiled by Slipway. */
    record Other(String type, JsonNode config) implements Event {}

    /**
     * CORS of an {@code http} event ({@code cors: true} is the Framework's defaults).
     *
     * @param origin  {@code origin:} (default {@code *})
     * @param origins {@code origins:}, when given (then the first is the header value and a
     *                response template matches the request's Origin against all)
     * @param methods OPTIONS plus the event's method (and {@code methods:} if given)
     */
    record Cors(String origin, List<String> origins, List<String> headers, List<String> methods,
            boolean allowCredentials,
            Optional<Integer> maxAge, Optional<String> cacheControl) {
        static final List<String> DEFAULT_HEADERS = List.of("Content-Type", "X-Amz-Date", "Authorization",
                "X-Api-Key", "X-Amz-Security-Token", "X-Amz-User-Agent", "X-Amzn-Trace-Id");
    }
}
