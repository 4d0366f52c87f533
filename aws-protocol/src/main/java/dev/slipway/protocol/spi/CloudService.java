package dev.slipway.protocol.spi;

import dev.slipway.protocol.http.HttpHandler;
import dev.slipway.protocol.http.HttpRequest;
import java.util.List;
import java.util.Set;

/**
 * One AWS service as the local cloud hosts it. The edge router sends a request to the service
 * whose {@link #targetPrefixes()} match its {@code X-Amz-Target} (e.g. {@code DynamoDB_20120810}),
 * else whose {@link #signingNames()} contain the SigV4 scope's service (e.g. {@code lambda}),
 * else the first service that {@link #claimsUnsigned claims} the unsigned request (S3 website
 * hosting, API Gateway's execute-api URLs).
 */
public interface CloudService extends AutoCloseable {
    /** Short lower-case name shown in the health endpoint, e.g. {@code dynamodb}. */
    String name();

    /** SigV4 service names this service answers, e.g. {@code s3}, {@code lambda}. */
    Set<String> signingNames();

    /** X-Amz-Target prefixes (before the dot) this service answers; empty for REST services. */
    default Set<String> targetPrefixes() {
        return Set.of();
    }

    /** The wire handler: AWS protocol in, AWS protocol out, AWS errors included. */
    HttpHandler handler();

    /** Whether this service answers an unsigned request that no prefix or scope routed. */
    default boolean claimsUnsigned(HttpRequest request) {
        return false;
    }

    /** CloudFormation providers for the resource types this service owns. */
    default List<ResourceProvider> resourceProviders() {
        return List.of();
    }

    /** "running", or a short reason why not; shown by the health endpoint. */
    default String state() {
        return "running";
    }

    @Override
    default void close() {}
}
