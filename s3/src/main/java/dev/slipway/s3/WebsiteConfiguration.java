package dev.slipway.s3;

import java.util.Optional;

/**
 * A bucket's website configuration (PutBucketWebsite).
 *
 * @param indexDocumentSuffix appended to requests for {@code /} and {@code dir/}, e.g. {@code index.html}
 * @param errorDocumentKey served with status 404 when a key is missing
 * @param redirectAllRequestsToHost when present, every request is redirected there (no index/error)
 * @param redirectProtocol {@code http} or {@code https} for the redirect, else the request's
 */
public record WebsiteConfiguration(Optional<String> indexDocumentSuffix, Optional<String> errorDocumentKey,
        Optional<String> redirectAllRequestsToHost, Optional<String> redirectProtocol) {

    public static WebsiteConfiguration of(String indexDocumentSuffix, Optional<String> errorDocumentKey) {
        return new WebsiteConfiguration(Optional.of(indexDocumentSuffix), errorDocumentKey, Optional.empty(),
                Optional.empty());
    }
}
