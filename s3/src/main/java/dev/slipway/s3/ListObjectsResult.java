package dev.slipway.s3;

import java.util.List;
import java.util.Optional;

/**
 * One page of ListObjectsV2.
 *
 * @param nextStartAfter where the next page starts (pass it as {@code startAfter}) when truncated
 */
public record ListObjectsResult(List<ObjectInfo> contents, List<String> commonPrefixes, boolean isTruncated,
        Optional<String> nextStartAfter) {}
