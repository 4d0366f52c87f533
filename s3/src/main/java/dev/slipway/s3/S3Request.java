package dev.slipway.s3;

import dev.slipway.protocol.http.HttpRequest;
import java.util.Optional;

/**
 * A request as the S3 actions see it: the HTTP request, the bucket and key it addresses (path-style
 * or virtual-host-style already resolved), and the ids S3 puts in every answer.
 */
record S3Request(HttpRequest http, String bucket, String key, String requestId) {
    boolean has(String queryParameter) {
        return http.queryParameters().containsKey(queryParameter);
    }

    Optional<String> query(String name) {
        return http.query(name);
    }

    String header(String name) {
        return http.headers().get(name);
    }

    /** The {@code <Resource>} of an error: the path as addressed. */
    String resource() {
        if (bucket == null) {
            return "/";
        }
        return key == null ? "/" + bucket : "/" + bucket + "/" + key;
    }
}
